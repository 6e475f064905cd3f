package org.paragrade.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paragrade.review.ReviewRefused;
import org.paragrade.review.SubmittedCode;

/**
 * The code beside the report: {@code /submissions/{id}/code} (every submitted file, numbered lines with
 * anchors, Python highlighted in the browser by highlight.js served from its webjar) and
 * {@code /submissions/{id}/diff?against={otherId}} (what changed since another attempt). Same class path as
 * {@link ReportResource}; other people's submissions are 404.
 */
@Path("/submissions")
@Produces(MediaType.TEXT_HTML)
public class CodePages {
    private final Viewer viewer;
    private final SubmittedCode code;
    private final ErrorPages errors;

    public CodePages(Viewer viewer, SubmittedCode code, ErrorPages errors) {
        this.viewer = viewer;
        this.code = code;
        this.errors = errors;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance code(SubmittedCode.Code code);

        static native TemplateInstance diff(SubmittedCode.Code code, SubmittedCode.Compared diff, String problem,
                                            String againstInput);
    }

    @GET
    @Path("{id}/code")
    public Response code(@PathParam("id") long id) {
        return privately(Response.ok(Templates.code(code.code(id, viewer.name()))));
    }

    /** A student's code is theirs: no browser or proxy keeps a copy (a lab's shared computer, a back button). */
    private static Response privately(Response.ResponseBuilder page) {
        return page.header("Cache-Control", "private, no-store").type(MediaType.TEXT_HTML_TYPE).build();
    }

    @GET
    @Path("{id}/diff")
    public Response diff(@PathParam("id") long id, @QueryParam("against") String against) {
        String input = against == null ? "" : against.strip();
        if (input.isEmpty()) {
            return privately(Response.ok(Templates.diff(code.attempts(id, viewer.name()), null, null, "")));
        }
        try {
            long other;
            try {
                other = Long.parseLong(input.startsWith("#") ? input.substring(1) : input);
            } catch (NumberFormatException e) {
                throw ReviewRefused.badRequest("Compare with a submission's number, like 42: pick one of the "
                        + "attempts listed.");
            }
            SubmittedCode.Compared diff = code.diff(id, other, viewer.name());
            return privately(Response.ok(Templates.diff(diff.code(), diff, null, input)));
        } catch (ReviewRefused e) {
            return privately(Response.status(e.status())
                    .entity(Templates.diff(code.attempts(id, viewer.name()), null, e.getMessage(), input)));
        }
    }

    @ServerExceptionMapper
    public Response error(Exception e) {
        return errors.of(e);
    }
}
