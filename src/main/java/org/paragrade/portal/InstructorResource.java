package org.paragrade.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paragrade.account.Role;
import org.paragrade.authoring.BundleAuthoring;
import org.paragrade.authoring.BundleAuthoring.Queued;
import org.paragrade.authoring.BundleTooLarge;
import org.paragrade.authoring.ExerciseExists;
import org.paragrade.curriculum.BundleRefused;
import org.paragrade.curriculum.ExerciseSettings;
import org.paragrade.curriculum.SettingsRefused;
import org.paragrade.portal.AuthoringViews.ExerciseDetail;
import org.paragrade.portal.AuthoringViews.ExerciseLine;
import org.paragrade.portal.AuthoringViews.Outcome;
import org.paragrade.portal.AuthoringViews.ValidationPage;

/**
 * Instructors: the exercises with their versions, bundle upload and replacement, the browser editor, settings.
 * A bundle that passes the cheap checks goes to a grading worker for validation; the instructor is sent to its
 * page, which refreshes itself until the validation is done (no script needed).
 */
@Path("/instructor/exercises")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.INSTRUCTOR)
@CsrfProtected
public class InstructorResource {
    private final BundleAuthoring authoring;
    private final ExerciseSettings settings;
    private final AuthoringViews views;
    private final Viewer viewer;
    private final ErrorPages errors;

    public InstructorResource(BundleAuthoring authoring, ExerciseSettings settings, AuthoringViews views,
                              Viewer viewer, ErrorPages errors) {
        this.authoring = authoring;
        this.settings = settings;
        this.views = views;
        this.viewer = viewer;
        this.errors = errors;
    }

    /** What the edit form sent back, so a refused edit shows the instructor's own text again. */
    public record EditForm(String statement, String cpuSeconds, String wallSeconds, String memoryMb,
                           String maxProcesses, String outputKb) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ExerciseLine> exercises, String problem);

        static native TemplateInstance detail(ExerciseDetail detail, String notice, String problem);

        static native TemplateInstance bundle(Outcome outcome);

        static native TemplateInstance validation(ValidationPage page);

        static native TemplateInstance edit(String slug, String title, EditForm form, List<String> problems);
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(views.exercises(), null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("bundle") FileUpload bundle) {
        return bundlePage(null, () -> authoring.create(file(bundle), viewer.name()));
    }

    @GET
    @Path("{slug}")
    public TemplateInstance detail(@PathParam("slug") String slug, @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "published" -> "Published: students see this exercise now.";
            case "hidden" -> "Hidden from students.";
            case "settings" -> "Deadline and attempt limit saved.";
            default -> null;
        };
        return Templates.detail(views.detail(slug, authoring.latest(slug, LATEST_VALIDATIONS)), notice, null);
    }

    /** Validations an exercise's page lists, newest first. */
    private static final int LATEST_VALIDATIONS = 5;

    @GET
    @Path("{slug}/validations/{id}")
    public TemplateInstance validation(@PathParam("slug") String slug, @PathParam("id") long id) {
        return Templates.validation(views.validation(authoring.find(slug, id)));
    }

    @POST
    @Path("{slug}/bundle")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response replace(@PathParam("slug") String slug, @RestForm("bundle") FileUpload bundle) {
        return bundlePage(slug, () -> authoring.replace(slug, file(bundle), viewer.name()));
    }

    @POST
    @Path("{slug}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("slug") String slug, @RestForm("published") String published) {
        Map<String, String> change = new HashMap<>();
        change.put("published", published);
        return changeSettings(slug, change, "true".equals(published) ? "published" : "hidden");
    }

    @POST
    @Path("{slug}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response settings(@PathParam("slug") String slug, @RestForm("deadline") String deadline,
                             @RestForm("maxAttempts") String maxAttempts) {
        Map<String, String> change = new HashMap<>();
        change.put("deadline", deadline);
        change.put("maxAttempts", maxAttempts);
        return changeSettings(slug, change, "settings");
    }

    @GET
    @Path("{slug}/edit")
    public TemplateInstance edit(@PathParam("slug") String slug) {
        ExerciseDetail d = views.detail(slug);
        var l = d.limits();
        EditForm form = new EditForm(d.statement(), PortalFormats.num(l.cpuSeconds()),
                PortalFormats.num(l.wallSeconds()), Integer.toString(l.memoryMb()), Integer.toString(l.maxProcesses()),
                Integer.toString(l.outputKb()));
        return Templates.edit(slug, d.exercise().title(), form, List.of());
    }

    @POST
    @Path("{slug}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveEdit(@PathParam("slug") String slug, @RestForm("statement") String statement,
                             @RestForm("cpuSeconds") String cpuSeconds, @RestForm("wallSeconds") String wallSeconds,
                             @RestForm("memoryMb") String memoryMb, @RestForm("maxProcesses") String maxProcesses,
                             @RestForm("outputKb") String outputKb) {
        EditForm form = new EditForm(statement == null ? "" : statement, cpuSeconds, wallSeconds, memoryMb,
                maxProcesses, outputKb);
        Map<String, String> limits = new HashMap<>();
        limits.put("cpuSeconds", cpuSeconds);
        limits.put("wallSeconds", wallSeconds);
        limits.put("memoryMb", memoryMb);
        limits.put("maxProcesses", maxProcesses);
        limits.put("outputKb", outputKb);
        List<String> problems;
        try {
            return toValidation(authoring.edit(slug, form.statement(), limits, viewer.name()));
        } catch (BundleRefused e) {
            problems = e.reasons();
        }
        ExerciseDetail d = views.detail(slug);
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.edit(slug, d.exercise().title(), form, problems)).build();
    }

    /**
     * Runs the cheap checks of an upload or a replacement: refused at once with the API's statuses, or queued
     * for validation and the instructor sent to its page (always: the portal never waits for a validation).
     */
    private Response bundlePage(String slug, Supplier<Queued> authoringStep) {
        Outcome outcome;
        int status;
        try {
            return toValidation(authoringStep.get());
        } catch (BundleRefused e) {
            outcome = AuthoringViews.refused(slug, e.reasons(), null);
            status = 400;
        } catch (BundleTooLarge e) {
            outcome = AuthoringViews.refused(slug, List.of(e.getMessage()), null);
            status = 413;
        } catch (ExerciseExists e) {
            outcome = AuthoringViews.refused(e.slug(), List.of(e.getMessage()), null);
            status = 409;
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.bundle(outcome)).build();
    }

    private static Response toValidation(Queued q) {
        return Response.seeOther(URI.create("/instructor/exercises/" + q.slug() + "/validations/" + q.id())).build();
    }

    private Response changeSettings(String slug, Map<String, String> change, String done) {
        try {
            settings.change(slug, change, viewer.name());
        } catch (SettingsRefused e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.detail(views.detail(slug), null, e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/instructor/exercises/" + slug + "?done=" + done)).build();
    }

    private static java.nio.file.Path file(FileUpload upload) {
        return upload == null ? null : upload.uploadedFile();
    }

    @ServerExceptionMapper
    public Response error(Exception e) {
        return errors.of(e);
    }
}
