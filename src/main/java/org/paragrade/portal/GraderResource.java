package org.paragrade.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paragrade.account.Role;
import org.paragrade.curriculum.CurriculumService;
import org.paragrade.portal.GraderViews.ExerciseBoard;
import org.paragrade.portal.GraderViews.ExerciseLine;
import org.paragrade.report.GradeBook;

/** Graders (and instructors): every exercise, every student's best and latest submission, the grades CSV. */
@Path("/grader")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.GRADER, Role.INSTRUCTOR})
@CsrfProtected
public class GraderResource {
    private final GraderViews views;
    private final CurriculumService curriculum;
    private final GradeBook gradeBook;
    private final ErrorPages errors;

    public GraderResource(GraderViews views, CurriculumService curriculum, GradeBook gradeBook, ErrorPages errors) {
        this.views = views;
        this.curriculum = curriculum;
        this.gradeBook = gradeBook;
        this.errors = errors;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(List<ExerciseLine> exercises);

        static native TemplateInstance exercise(ExerciseBoard board, List<String> sorts);
    }

    @GET
    public TemplateInstance overview() {
        return Templates.overview(views.overview());
    }

    @GET
    @Path("exercises/{slug}")
    public TemplateInstance exercise(@PathParam("slug") String slug, @QueryParam("sort") String sort) {
        return Templates.exercise(views.board(slug, sort), GraderViews.SORTS);
    }

    /** The portal's twin of {@code /api/exercises/{slug}/grades.csv}, reachable with the session cookie. */
    @GET
    @Path("exercises/{slug}/grades.csv")
    @Produces("text/csv")
    @Transactional
    public Response grades(@PathParam("slug") String slug) {
        return Response.ok(gradeBook.csv(curriculum.require(slug)))
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-grades.csv\"").build();
    }

    @ServerExceptionMapper
    public Response error(Exception e) {
        return errors.of(e);
    }
}
