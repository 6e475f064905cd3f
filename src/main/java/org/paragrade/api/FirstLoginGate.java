package org.paragrade.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.paragrade.account.AccountIdentityProvider;

/**
 * An account still on its initial password may only change it: every other {@code /api} call is
 * answered 403 with what to do. (The portal's pages send it to the password form instead.)
 */
public class FirstLoginGate {
    static final String MESSAGE = "Your password is an initial one: choose your own first "
            + "(PUT /api/account/password {\"current\": ..., \"new\": ...}, or log in to the portal).";

    private final SecurityIdentity identity;

    public FirstLoginGate(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") || identity.isAnonymous()
                || !Boolean.TRUE.equals(identity.getAttribute(AccountIdentityProvider.FIRST_LOGIN))) {
            return null;
        }
        if (path.equals("/api/account/password") && "PUT".equals(request.getMethod())) {
            return null;
        }
        return ApiError.of(403, MESSAGE);
    }
}
