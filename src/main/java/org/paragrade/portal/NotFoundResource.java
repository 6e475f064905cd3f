package org.paragrade.portal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The friendly 404 page for addresses no portal page claims. {@code /api}, {@code /static} and
 * {@code /q} are left alone, so the API keeps its JSON 404 and static files are still served.
 */
@Path("/{path: (?!api/|api$|static/|q/).+}")
@Produces(MediaType.TEXT_HTML)
public class NotFoundResource {
    private final ErrorPages errors;

    public NotFoundResource(ErrorPages errors) {
        this.errors = errors;
    }

    @GET
    public Response page() {
        return errors.notFound();
    }
}
