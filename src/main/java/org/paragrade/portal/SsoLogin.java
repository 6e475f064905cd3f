package org.paragrade.portal;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.paragrade.account.Account;

/**
 * Single sign-on, optional and off by default: {@code /login/sso} is guarded by the OpenID Connect
 * code flow ({@code quarkus-oidc}, any provider such as Keycloak). Once the provider has said who the
 * person is (the claim {@code paragrade.sso.username-claim}, {@code preferred_username} by default), the
 * portal's own session is opened for the Paragrade account of that name, exactly as a password login
 * would, and the provider's session cookie is dropped. Only accounts that exist (a roster import or an
 * instructor made them) can sign in: a name the provider knows but Paragrade does not gets a page that
 * says so, never a new account. An account still on its initial password has proven who it is by
 * signing in, so that password is voided and no longer needs changing.
 */
@Path("/login/sso")
@Produces(MediaType.TEXT_HTML)
public class SsoLogin {
    private static final Logger LOG = Logger.getLogger(SsoLogin.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(String reason);
    }

    private final SecurityIdentity identity;
    private final Instance<OidcSession> oidcSession;
    private final boolean enabled;
    private final PersistentLoginManager portalSession;
    private final String cookieName;

    public SsoLogin(SecurityIdentity identity, Instance<OidcSession> oidcSession,
            org.paragrade.ParagradeConfig config,
            @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") String key,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName,
            @ConfigProperty(name = "quarkus.http.auth.form.timeout") Duration timeout,
            @ConfigProperty(name = "quarkus.http.auth.form.new-cookie-interval") Duration newCookieInterval,
            @ConfigProperty(name = "quarkus.http.auth.form.http-only-cookie") boolean httpOnly,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-same-site") String sameSite) {
        this.identity = identity;
        this.oidcSession = oidcSession;
        this.enabled = config.sso().enabled();
        this.cookieName = cookieName;
        // The same cookie the form login writes, so every page reads this session like any other.
        this.portalSession = new PersistentLoginManager(key, cookieName, timeout.toMillis(), newCookieInterval.toMillis(),
                httpOnly, sameSite.toUpperCase(Locale.ROOT), "/", -1, null);
    }

    @GET
    public Response signIn(RoutingContext routing) {
        if (!enabled) {
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(Templates.refused("Single sign-on is not switched on for this Paragrade. Log in with your"
                            + " Paragrade user name and password.")).build();
        }
        String name = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        Optional<Account> account = name == null || name.isBlank() ? Optional.empty()
                : QuarkusTransaction.requiringNew().call(() -> {
                    Optional<Account> found = Account.findByUsername(name);
                    found.filter(a -> a.mustChangePassword).ifPresent(SsoLogin::voidInitialPassword);
                    return found;
                });
        logOutOfProvider();
        if (account.isEmpty()) {
            LOG.infof("Single sign-on refused: the provider's user %s has no Paragrade account", name);
            return Response.status(Response.Status.FORBIDDEN).entity(Templates.refused(name == null || name.isBlank()
                    ? "Your sign-on provider did not say who you are, so Paragrade cannot open your account."
                    : "Your sign-on provider says you are \"" + name + "\", but Paragrade has no account of that name."
                            + " Your instructor adds you by importing the course's roster; ask them.")).build();
        }
        portalSession.save(account.get().username, routing, cookieName, null, "https".equals(routing.request().scheme()));
        return Response.seeOther(URI.create("/")).build();
    }

    /** Signing in through the provider proves who the person is: the one-time password is voided, not kept. */
    private static void voidInitialPassword(Account a) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        Account managed = Account.findById(a.id);
        managed.passwordHash = BcryptUtil.bcryptHash(HexFormat.of().formatHex(random));
        managed.mustChangePassword = false;
    }

    /** Drops the provider's session cookie here, so the next sign-on asks the provider again. */
    private void logOutOfProvider() {
        if (oidcSession.isResolvable()) {
            try {
                oidcSession.get().logout().await().atMost(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debugf("No provider session to drop: %s", e.getMessage());
            }
        }
    }
}
