package org.paragrade.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks a username and password (form login or HTTP Basic) against the bcrypt hashes in {@code account}. */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    // Equalises timing between unknown users and wrong passwords.
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("paragrade-timing-equaliser");

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String username = request.getUsername();
            String password = new String(request.getPassword().getPassword());
            Account account = QuarkusTransaction.requiringNew()
                    .call(() -> Account.findByUsername(username).orElse(null));
            String hash = account == null ? DUMMY_HASH : account.passwordHash;
            boolean ok = BcryptUtil.matches(password, hash);
            if (account == null || !ok) {
                throw new AuthenticationFailedException("Unknown user or wrong password");
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(account.username))
                    .addRole(account.role)
                    .addAttribute("accountId", account.id)
                    .build();
        });
    }
}
