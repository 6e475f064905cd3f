package org.paragrade.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Swagger UI (staff only, {@code /q/swagger-ui}) starts itself with an inline script and styles its
 * widgets inline, which the portal's Content-Security-Policy forbids; its pages get the same policy
 * with inline scripts and styles allowed, and nothing else loosened (still no other origin).
 */
@ApplicationScoped
public class SwaggerUiPolicy {
    static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    void install(@Observes Router router) {
        router.routeWithRegex("/q/swagger-ui(/.*)?").order(-1000).handler(rc -> {
            rc.addHeadersEndHandler(v -> rc.response().headers().set("Content-Security-Policy", POLICY));
            rc.next();
        });
    }
}
