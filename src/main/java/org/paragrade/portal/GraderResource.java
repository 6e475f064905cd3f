package org.paragrade.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paragrade.course.StaffScope;
import org.paragrade.portal.GraderViews.ExerciseBoard;
import org.paragrade.portal.GraderViews.ExerciseLine;
import org.paragrade.portal.GraderViews.RegradeChoices;
import org.paragrade.portal.GraderViews.RegradeProgress;
import org.paragrade.report.GradeBook;

/**
 * Graders (and instructors): the exercises, each student's best and latest submission, the grades CSV —
 * everything for site staff; for a course's graders and instructors, what their courses offer and their
 * students' submissions there. Anyone who grades nowhere gets 403.
 */
@Path("/grader")
@Produces(MediaType.TEXT_HTML)
@Authenticated
@CsrfProtected
public class GraderResource {
    private final Viewer viewer;
    private final GraderViews views;
    private final GradeBook gradeBook;
    private final ErrorPages errors;

    public GraderResource(Viewer viewer, GraderViews views, GradeBook gradeBook, ErrorPages errors) {
        this.viewer = viewer;
        this.views = views;
        this.gradeBook = gradeBook;
        this.errors = errors;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(List<ExerciseLine> exercises);

        static native TemplateInstance exercise(ExerciseBoard board, List<String> sorts, RegradeChoices regrade);

        static native TemplateInstance regrade(RegradeProgress progress);
    }

    @GET
    public TemplateInstance overview() {
        return Templates.overview(views.overview(scope()));
    }

    @GET
    @Path("exercises/{slug}")
    public TemplateInstance exercise(@PathParam("slug") String slug, @QueryParam("sort") String sort) {
        StaffScope scope = scope();
        return Templates.exercise(views.board(slug, sort, scope), GraderViews.SORTS, views.regradeChoices(slug, scope));
    }

    /** The portal's twin of {@code POST /api/exercises/{slug}/regrade-all}; then its progress page. */
    @POST
    @Path("exercises/{slug}/regrade-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response regradeAll(@PathParam("slug") String slug, @RestForm("course") String course) {
        scope();
        String covered = views.startRegradeAll(slug, course, viewer.name());
        return Response.seeOther(URI.create(progressPath(slug, covered))).build();
    }

    @GET
    @Path("exercises/{slug}/regrade-all")
    public TemplateInstance regradeProgress(@PathParam("slug") String slug, @QueryParam("course") String course) {
        scope();
        return Templates.regrade(views.regradeProgress(slug, course, viewer.name()));
    }

    static String progressPath(String slug, String course) {
        return "/grader/exercises/" + URLEncoder.encode(slug, StandardCharsets.UTF_8) + "/regrade-all"
                + (course == null ? "" : "?course=" + URLEncoder.encode(course, StandardCharsets.UTF_8));
    }

    /** The portal's twin of {@code /api/exercises/{slug}/grades.csv}, reachable with the session cookie. */
    @GET
    @Path("exercises/{slug}/grades.csv")
    @Produces("text/csv")
    @Transactional
    public Response grades(@PathParam("slug") String slug) {
        StaffScope scope = scope();
        return Response.ok(gradeBook.csv(views.exercise(slug, scope), scope))
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-grades.csv\"").build();
    }

    private StaffScope scope() {
        if (!viewer.mayGrade()) {
            throw new PageForbidden();
        }
        return viewer.scope();
    }

    @ServerExceptionMapper
    public Response error(Exception e) {
        return errors.of(e);
    }
}
