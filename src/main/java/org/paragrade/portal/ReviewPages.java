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
import org.paragrade.review.ReviewDesk;
import org.paragrade.review.ReviewItem;
import org.paragrade.review.ReviewRefused;
import org.paragrade.review.Who;

/**
 * The graders' review queue ({@code /grader/review}): what needs a human look and why, with filters and
 * an accept form per submission (also posted from the report page). Same class path as
 * {@link GraderResource}, so the two share one route prefix.
 */
@Path("/grader")
@Produces(MediaType.TEXT_HTML)
@io.quarkus.security.Authenticated
@CsrfProtected
public class ReviewPages {
    private final Viewer viewer;
    private final ReviewDesk desk;
    private final ErrorPages errors;

    public ReviewPages(Viewer viewer, ReviewDesk desk, ErrorPages errors) {
        this.viewer = viewer;
        this.desk = desk;
        this.errors = errors;
    }

    /**
     * The queue page's data; {@code problemId} is the submission whose accept form failed.
     */
    public record ReviewBoard(List<ReviewItem> items, ReviewDesk.Choices choices, String course, String exercise,
                              String notice, String problem, Long problemId, String commentInput) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(ReviewBoard board);
    }

    @GET
    @Path("review")
    public TemplateInstance queue(@QueryParam("course") String course, @QueryParam("exercise") String exercise,
                                  @QueryParam("done") Long done) {
        String notice = done == null ? null : "Submission " + done + " is accepted and out of the queue.";
        return board(course, exercise, notice, null, null, "");
    }

    @POST
    @Path("review/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@PathParam("id") long id, @RestForm("action") String action,
                           @RestForm("comment") String comment, @RestForm("course") String course,
                           @RestForm("exercise") String exercise, @RestForm("from") String from) {
        try {
            desk.accept(id, action == null ? "accept" : action, comment, who(viewer));
        } catch (ReviewRefused e) {
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(board(course, exercise, null, e.getMessage(), id, comment == null ? "" : comment)).build();
        }
        if ("report".equals(from)) {
            return Response.seeOther(UriBuilder.fromPath("/submissions/{id}").queryParam("done", "accepted")
                    .build(id)).build();
        }
        UriBuilder back = UriBuilder.fromPath("/grader/review").queryParam("done", id);
        if (course != null && !course.isBlank()) {
            back.queryParam("course", course);
        }
        if (exercise != null && !exercise.isBlank()) {
            back.queryParam("exercise", exercise);
        }
        return Response.seeOther(back.build()).build();
    }

    private TemplateInstance board(String course, String exercise, String notice, String problem, Long problemId,
                                   String commentInput) {
        Who who = who(viewer);
        return Templates.queue(new ReviewBoard(desk.queue(course, exercise, who), desk.choices(who),
                course == null ? "" : course.strip(), exercise == null ? "" : exercise.strip(), notice, problem,
                problemId, commentInput));
    }

    /** The viewer in the desk's words. */
    static Who who(Viewer viewer) {
        return new Who(viewer.name(), viewer.scope());
    }

    @ServerExceptionMapper
    public Response error(Exception e) {
        return errors.of(e);
    }
}
