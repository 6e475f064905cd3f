package org.paragrade.portal;

import static org.paragrade.account.AccountIdentityProvider.FIRST_LOGIN;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.paragrade.account.Account;
import org.paragrade.account.SessionAccounts;
import java.util.Optional;

/**
 * Turns the portal's encrypted session cookie (form login) back into an identity on every
 * request. The cookie only says who logged in; the role is read fresh from {@code account}, so
 * a changed role or a removed account takes effect within {@link SessionAccounts#FRESH} (a password
 * change or logout on this instance: at once), without an account transaction on every request.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {
    private final SessionAccounts accounts;

    public SessionIdentityProvider(SessionAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            SessionAccounts.Snapshot account = accounts.get(request.getPrincipal(), SessionIdentityProvider::load)
                    .orElseThrow(() -> new AuthenticationFailedException("The account of this session no longer exists"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(account.username()))
                    .addRole(account.role())
                    .addAttribute("accountId", account.id())
                    .addAttribute(FIRST_LOGIN, account.mustChangePassword())
                    .build();
        });
    }

    private static Optional<SessionAccounts.Snapshot> load(String username) {
        return QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(username)
                .map(a -> new SessionAccounts.Snapshot(a.id, a.username, a.role, a.mustChangePassword)));
    }
}
