package org.paragrade.portal;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.paragrade.account.AccountIdentityProvider;

/** An account still on its initial password sees only the password form (and may log out). */
public class FirstLoginGate {
    static final Set<String> OPEN = Set.of(AccountPages.PATH, "/logout", "/login");

    private final SecurityIdentity identity;

    public FirstLoginGate(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/") || path.equals("/api") || OPEN.contains(path) || identity.isAnonymous()
                || !Boolean.TRUE.equals(identity.getAttribute(AccountIdentityProvider.FIRST_LOGIN))) {
            return null;
        }
        return Response.seeOther(URI.create(AccountPages.PATH + "?first=1")).build();
    }
}
