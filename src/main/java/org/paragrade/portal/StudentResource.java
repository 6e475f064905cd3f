package org.paragrade.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paragrade.portal.ExerciseViews.ExercisePage;
import org.paragrade.portal.ExerciseViews.ExerciseRow;
import org.paragrade.submission.Submission;
import org.paragrade.submission.SubmissionClosed;
import org.paragrade.submission.SubmissionService;
import org.paragrade.submission.UploadRefused;
import org.paragrade.submission.UploadValidator;

/** The student's curriculum, an exercise's statement and upload form, and the starter download. */
@Path("/exercises")
@Produces(MediaType.TEXT_HTML)
@CsrfProtected
public class StudentResource {
    private final Viewer viewer;
    private final ExerciseViews views;
    private final SubmissionService submissions;
    private final ErrorPages errors;

    public StudentResource(Viewer viewer, ExerciseViews views, SubmissionService submissions, ErrorPages errors) {
        this.viewer = viewer;
        this.views = views;
        this.submissions = submissions;
        this.errors = errors;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ExerciseRow> exercises);

        static native TemplateInstance exercise(ExercisePage exercise, String problem);
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(views.curriculum(viewer.name(), viewer.staff()));
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
        return Response.ok(views.starter(slug, viewer.staff()))
                .header("Content-Disposition", "attachment; filename=\"solution.py\"").build();
    }

    /** Same rules and messages as the API's upload; a refusal re-renders the page with the message. */
    @POST
    @Path("{slug}/submissions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("slug") String slug, @RestForm("file") FileUpload file) {
        if (!mayUpload()) {
            throw new PageForbidden();
        }
        try {
            if (file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isBlank()) {
                throw new UploadRefused("Choose your solution.py (or a .zip containing it) before uploading.", false);
            }
            if (Files.size(file.uploadedFile()) > UploadValidator.MAX_UPLOAD_BYTES) {
                throw new UploadRefused("The file is larger than " + UploadValidator.MAX_UPLOAD_BYTES / 1024
                        + " KB; upload only your solution's source.", true);
            }
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            Submission s = submissions.upload(slug, viewer.name(), file.fileName(), bytes);
            return Response.seeOther(URI.create("/submissions/" + s.id)).build();
        } catch (UploadRefused e) {
            return refused(slug, e.tooLarge() ? 413 : 400, e.getMessage());
        } catch (SubmissionClosed e) {
            return refused(slug, 409, e.getMessage());
        } catch (IOException e) {
            return refused(slug, 400, "The upload could not be read; try again.");
        }
    }

    private Response refused(String slug, int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.exercise(page(slug), message)).build();
    }

    private ExercisePage page(String slug) {
        return views.page(slug, viewer.name(), viewer.staff(), mayUpload());
    }

    private boolean mayUpload() {
        return viewer.student() || viewer.instructor();
    }

    @ServerExceptionMapper
    public Response error(Exception e) {
        return errors.of(e);
    }
}
