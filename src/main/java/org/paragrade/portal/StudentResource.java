package org.paragrade.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paragrade.course.CourseRefused;
import org.paragrade.portal.ExerciseViews.ExercisePage;
import org.paragrade.portal.ExerciseViews.ExerciseRow;
import org.paragrade.submission.SolutionUpload;
import org.paragrade.submission.Submission;
import org.paragrade.submission.SubmissionClosed;
import org.paragrade.submission.UploadRefused;

/** The student's curriculum, an exercise's statement and upload form, and the starter download. */
@Path("/exercises")
@Produces(MediaType.TEXT_HTML)
@CsrfProtected
public class StudentResource {
    private final Viewer viewer;
    private final ExerciseViews views;
    private final SolutionUpload uploads;
    private final ErrorPages errors;
    private final PageShortcut shortcut;

    public StudentResource(Viewer viewer, ExerciseViews views, SolutionUpload uploads, ErrorPages errors,
                           PageShortcut shortcut) {
        this.shortcut = shortcut;
        this.viewer = viewer;
        this.views = views;
        this.uploads = uploads;
        this.errors = errors;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ExerciseRow> exercises);

        static native TemplateInstance exercise(ExercisePage exercise, String problem);
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(views.curriculum(viewer.name()));
    }

    @GET
    @Path("{slug}")
    public TemplateInstance exercise(@PathParam("slug") String slug) {
        return Templates.exercise(page(slug), null);
    }

    @GET
    @Path("{slug}/starter")
    @Produces("text/x-python")
    public Response starter(@PathParam("slug") String slug) {
        return Response.ok(views.starter(slug, viewer.name()))
                .header("Content-Disposition", "attachment; filename=\"solution.py\"").build();
    }

    /** {@link SolutionUpload}, as the API calls it; a refusal re-renders the page with the same message. */
    @POST
    @Path("{slug}/submissions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("slug") String slug, @RestForm("file") FileUpload file,
                           @RestForm("course") String course, RoutingContext routing) {
        if (!mayUpload()) {
            throw new PageForbidden();
        }
        try {
            Submission s = uploads.upload(slug, viewer.name(), course, file == null ? null : file.fileName(),
                    file == null ? null : file.uploadedFile());
            shortcut.confine(routing, viewer.name()); // committed: only the uploader's submissions' pages change
            return Response.seeOther(URI.create("/submissions/" + s.id)).build();
        } catch (UploadRefused e) {
            return refused(slug, e.tooLarge() ? 413 : 400, e.getMessage());
        } catch (SubmissionClosed e) {
            return refused(slug, 409, e.getMessage());
        } catch (CourseRefused e) {
            return refused(slug, 400, e.getMessage());
        }
    }

    private Response refused(String slug, int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.exercise(page(slug), message)).build();
    }

    private ExercisePage page(String slug) {
        return views.page(slug, viewer.name(), mayUpload());
    }

    private boolean mayUpload() {
        return viewer.student() || viewer.instructor();
    }

    @ServerExceptionMapper
    public Response error(Exception e) {
        return errors.of(e);
    }
}
