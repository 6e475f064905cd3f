package org.paragrade.portal;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Double-submit CSRF protection for the portal's forms only. A random token lives in an HttpOnly,
 * SameSite=Strict cookie; every form repeats it in a hidden field; an unsafe request to a
 * {@link CsrfProtected} resource whose field does not match the cookie is refused with the 403 page.
 * Bound by name, so the JSON API (HTTP Basic, no cookies, no forms) is never asked for a token;
 * quarkus-rest-csrf was dropped because its filter applies to every endpoint, {@code /api} included.
 */
public class CsrfFilter {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CsrfToken csrf;
    private final ErrorPages errors;

    public CsrfFilter(CsrfToken csrf, ErrorPages errors) {
        this.csrf = csrf;
        this.errors = errors;
    }

    @ServerRequestFilter
    @WithFormRead
    @CsrfProtected
    public Response check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(CsrfToken.COOKIE);
        String cookieToken = cookie == null ? null : cookie.getValue();
        boolean valid = cookieToken != null && cookieToken.matches("[A-Za-z0-9_-]{43}");
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            if (valid) {
                csrf.use(cookieToken, false);
            } else {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                csrf.use(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), true);
            }
            return null;
        }
        ResteasyReactiveRequestContext rr = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        Object sent = rr.getFormParameter(CsrfToken.FIELD, true, false);
        if (!valid || !(sent instanceof String s) || !MessageDigest.isEqual(
                s.getBytes(StandardCharsets.US_ASCII), cookieToken.getBytes(StandardCharsets.US_ASCII))) {
            return errors.csrfRefused();
        }
        csrf.use(cookieToken, false);
        return null;
    }

    @ServerResponseFilter
    @CsrfProtected
    public void issue(ContainerRequestContext request, RoutingContext routing) {
        if (csrf.fresh()) {
            routing.response().addCookie(Cookie.cookie(CsrfToken.COOKIE, csrf.token()).setPath("/")
                    .setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(routing.request().isSSL()));
        }
    }
}
