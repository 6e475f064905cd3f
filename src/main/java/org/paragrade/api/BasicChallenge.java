package org.paragrade.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** API clients are told how to authenticate: every 401 under /api carries a Basic challenge. */
@ApplicationScoped
public class BasicChallenge {

    void install(@Observes Router router) {
        router.route("/api/*").order(-1000).handler(rc -> {
            rc.addHeadersEndHandler(v -> {
                var response = rc.response();
                if (response.getStatusCode() == 401 && response.headers().get("WWW-Authenticate") == null) {
                    response.putHeader("WWW-Authenticate", "Basic realm=\"Paragrade\"");
                }
            });
            rc.next();
        });
    }
}
