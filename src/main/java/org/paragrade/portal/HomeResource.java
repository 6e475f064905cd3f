package org.paragrade.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paragrade.account.SessionAccounts;

/** Login, logout, {@code /} sending each role to its home, and the 404 page of unknown addresses. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@CsrfProtected
public class HomeResource {
    private final Viewer viewer;
    private final ErrorPages errors;
    private final SessionAccounts sessions;
    private final PageShortcut shortcut;

    private final String ssoLabel;

    public HomeResource(Viewer viewer, ErrorPages errors, SessionAccounts sessions, PageShortcut shortcut,
            org.paragrade.ParagradeConfig config) {
        this.shortcut = shortcut;
        this.viewer = viewer;
        this.errors = errors;
        this.sessions = sessions;
        this.ssoLabel = config.sso().enabled() ? config.sso().label() : null;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean loggedOut, String sso);
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create(viewer.home())).build();
    }

    @GET
    @Path("login")
    public Response login(@QueryParam("error") String error, @QueryParam("loggedOut") String loggedOut) {
        if (viewer.loggedIn() && error == null) {
            return Response.seeOther(URI.create(viewer.home())).build();
        }
        return Response.ok(Templates.login(error != null, loggedOut != null, ssoLabel)).build();
    }

    /** Forgets the session (the cookie is cleared and not renewed on this response) and goes back to the login page. */
    @GET
    @Path("logout")
    public Response logout(RoutingContext routing) {
        if (viewer.loggedIn()) {
            sessions.forget(viewer.name());
            shortcut.forget(viewer.name()); // the pages kept for all the account's sessions
        }
        shortcut.forgetSession(routing);
        FormAuthenticationMechanism.logout(routing);
        routing.response().addCookie(Cookie.cookie(CsrfToken.COOKIE, "").setPath("/").setMaxAge(0));
        return Response.seeOther(URI.create("/login?loggedOut=1")).build();
    }

    @POST
    @Path("logout")
    public Response logoutForm(RoutingContext routing) {
        return logout(routing);
    }

    /**
     * The friendly 404 page for addresses no page claims. {@code /api}, {@code /static} and {@code /q}
     * are left alone, so the API keeps its JSON 404 and static files are still served.
     */
    @GET
    @Path("{path: (?!api/|api$|static/|q/).+}")
    public Response unknown() {
        return errors.notFound();
    }

    @ServerExceptionMapper
    public Response error(Exception e) {
        return errors.of(e);
    }
}
