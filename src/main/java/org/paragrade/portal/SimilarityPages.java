package org.paragrade.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paragrade.similarity.SimilarityDesk;
import org.paragrade.similarity.SimilarityRefused;
import org.paragrade.similarity.UnknownPair;

/**
 * The similarity pages of the graders' desk: an exercise's pairs of kept submissions ranked by JPlag's
 * similarity, and one pair side by side with the matched regions marked and a "reviewed" action. Student code
 * is hostile text: every line goes through Qute's escaping, never as raw HTML.
 */
@Path("/grader/exercises/{slug}/similarity")
@Produces(MediaType.TEXT_HTML)
@io.quarkus.security.Authenticated
@CsrfProtected
public class SimilarityPages {
    private final Viewer viewer;
    private final SimilarityDesk desk;
    private final ErrorPages errors;

    public SimilarityPages(Viewer viewer, SimilarityDesk desk, ErrorPages errors) {
        this.viewer = viewer;
        this.desk = desk;
        this.errors = errors;
    }

    /** The list page: the run (null when the course must be chosen first), the course picked, the choices. */
    public record Board(String slug, SimilarityDesk.RunView run, String course, List<String> courses, String problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Board board);

        static native TemplateInstance pair(SimilarityDesk.PairDetail detail, String slug, String course);
    }

    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("course") String course) {
        String me = viewer.name();
        String picked = course == null ? "" : course.strip();
        try {
            SimilarityDesk.Target target = desk.target(slug, picked, me);
            SimilarityDesk.RunView run = desk.look(target, me);
            return Response.ok(Templates.list(new Board(slug, run, run.course() == null ? "" : run.course(),
                    desk.courseChoices(slug, me), null))).build();
        } catch (SimilarityRefused e) {
            return Response.status(400).entity(Templates.list(new Board(slug, null, picked,
                    desk.courseChoices(slug, me), e.getMessage()))).build();
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rerun(@PathParam("slug") String slug, @RestForm("course") String course) {
        String me = viewer.name();
        try {
            SimilarityDesk.RunView run = desk.rerun(desk.target(slug, course, me), me);
            return Response.seeOther(back(slug, run.course())).build();
        } catch (SimilarityRefused e) {
            return Response.seeOther(back(slug, null)).build(); // the list page asks which course
        }
    }

    @GET
    @Path("pairs/{id}")
    public TemplateInstance pair(@PathParam("slug") String slug, @PathParam("id") long id) {
        SimilarityDesk.PairDetail detail = desk.pair(slug, id, viewer.name());
        return Templates.pair(detail, slug, detail.run().course() == null ? "" : detail.run().course());
    }

    @POST
    @Path("pairs/{id}/reviewed")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reviewed(@PathParam("slug") String slug, @PathParam("id") long id) {
        desk.markReviewed(slug, id, viewer.name());
        return Response.seeOther(UriBuilder.fromPath("/grader/exercises/{slug}/similarity/pairs/{id}").build(slug, id))
                .build();
    }

    private static java.net.URI back(String slug, String course) {
        UriBuilder b = UriBuilder.fromPath("/grader/exercises/{slug}/similarity");
        if (course != null && !course.isBlank()) {
            b.queryParam("course", course);
        }
        return b.build(slug);
    }

    @ServerExceptionMapper
    public Response error(Exception e) {
        return errors.of(e instanceof UnknownPair ? new PageNotFound() : e);
    }
}
