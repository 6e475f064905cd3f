package org.paragrade.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paragrade.account.AccountIdentityProvider;
import org.paragrade.account.PasswordRefused;
import org.paragrade.account.Passwords;

/** Changing one's own password; the only page an account on its initial password may open. */
@Path(AccountPages.PATH)
@Produces(MediaType.TEXT_HTML)
@CsrfProtected
public class AccountPages {
    static final String PATH = "/account/password";

    private final SecurityIdentity identity;
    private final Passwords passwords;
    private final ErrorPages errors;

    public AccountPages(SecurityIdentity identity, Passwords passwords, ErrorPages errors) {
        this.identity = identity;
        this.passwords = passwords;
        this.errors = errors;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance password(boolean first, int minimum, String problem, String notice);
    }

    @GET
    public TemplateInstance form(@QueryParam("changed") String changed) {
        return Templates.password(first(), Passwords.MINIMUM_LENGTH, null,
                changed == null ? null : "Your password has been changed.");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@RestForm("current") String current, @RestForm("new") String next,
                           @RestForm("repeat") String repeat) {
        try {
            if (next == null || !next.equals(repeat)) {
                throw new PasswordRefused("The two new passwords are not the same.");
            }
            passwords.change(identity.getPrincipal().getName(), current, next);
            return Response.seeOther(URI.create(first() ? "/" : PATH + "?changed=1")).build();
        } catch (PasswordRefused e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.password(first(), Passwords.MINIMUM_LENGTH, e.getMessage(), null)).build();
        }
    }

    private boolean first() {
        return Boolean.TRUE.equals(identity.getAttribute(AccountIdentityProvider.FIRST_LOGIN));
    }

    @ServerExceptionMapper
    public Response error(Exception e) {
        return errors.of(e);
    }
}
