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
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paragrade.account.Role;
import org.paragrade.curriculum.BundleRefused;
import org.paragrade.portal.Authoring.ExerciseDetail;
import org.paragrade.portal.Authoring.ExerciseLine;
import org.paragrade.portal.Authoring.Outcome;

/** Instructors: the exercises with their versions, bundle upload and replacement, the browser editor, settings. */
@Path("/instructor/exercises")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.INSTRUCTOR)
@CsrfProtected
public class InstructorResource {
    private final Authoring authoring;
    private final Viewer viewer;
    private final ErrorPages errors;

    public InstructorResource(Authoring authoring, Viewer viewer, ErrorPages errors) {
        this.authoring = authoring;
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

        static native TemplateInstance edit(String slug, String title, EditForm form, List<String> problems);
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(authoring.exercises(), null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("bundle") FileUpload bundle) {
        Outcome outcome = tooLarge(bundle) ? Authoring.refusal(null, "Bundles may be at most 16 MB.")
                : authoring.create(bytes(bundle), viewer.name());
        return Response.status(outcome.stored() ? (outcome.created() ? 201 : 200) : 400)
                .type(MediaType.TEXT_HTML_TYPE).entity(Templates.bundle(outcome)).build();
    }

    @GET
    @Path("{slug}")
    public TemplateInstance detail(@PathParam("slug") String slug, @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "published" -> "Published: students see this exercise now.";
            case "hidden" -> "Hidden from students.";
            case "settings" -> "Deadline and attempt limit saved.";
            case "edited" -> "Your edit passed validation and is stored as a new version.";
            case "unchanged" -> "Nothing changed, so no new version was made.";
            default -> null;
        };
        return Templates.detail(authoring.detail(slug), notice, null);
    }

    @POST
    @Path("{slug}/bundle")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response replace(@PathParam("slug") String slug, @RestForm("bundle") FileUpload bundle) {
        Outcome outcome = tooLarge(bundle) ? Authoring.refusal(slug, "Bundles may be at most 16 MB.")
                : authoring.replace(slug, bytes(bundle), viewer.name());
        return Response.status(outcome.stored() ? 200 : 400).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.bundle(outcome)).build();
    }

    @POST
    @Path("{slug}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("slug") String slug, @RestForm("published") String published) {
        boolean on = "true".equals(published);
        try {
            authoring.setPublished(slug, on);
        } catch (BundleRefused e) {
            return detailWithProblem(slug, e.getMessage());
        }
        return Response.seeOther(URI.create("/instructor/exercises/" + slug + "?done=" + (on ? "published" : "hidden")))
                .build();
    }

    @POST
    @Path("{slug}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response settings(@PathParam("slug") String slug, @RestForm("deadline") String deadline,
                             @RestForm("maxAttempts") String maxAttempts) {
        Instant when = null;
        Integer attempts = null;
        try {
            if (deadline != null && !deadline.isBlank()) {
                when = LocalDateTime.parse(deadline.trim()).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            return detailWithProblem(slug, "The deadline must be a date and time, like 2026-12-01T23:59 (UTC).");
        }
        try {
            if (maxAttempts != null && !maxAttempts.isBlank()) {
                attempts = Integer.parseInt(maxAttempts.trim());
            }
        } catch (NumberFormatException e) {
            return detailWithProblem(slug, "The attempt limit must be a whole number, or empty for no limit.");
        }
        if (attempts != null && attempts < 1) {
            return detailWithProblem(slug, "The attempt limit must be at least 1, or empty for no limit.");
        }
        authoring.updateSettings(slug, when, attempts);
        return Response.seeOther(URI.create("/instructor/exercises/" + slug + "?done=settings")).build();
    }

    @GET
    @Path("{slug}/edit")
    public TemplateInstance edit(@PathParam("slug") String slug) {
        ExerciseDetail d = authoring.detail(slug);
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
        Map<String, Number> limits = new LinkedHashMap<>();
        List<String> problems = new java.util.ArrayList<>();
        number(limits, problems, "cpuSeconds", "CPU time", cpuSeconds, false);
        number(limits, problems, "wallSeconds", "Wall time", wallSeconds, false);
        number(limits, problems, "memoryMb", "Memory", memoryMb, true);
        number(limits, problems, "maxProcesses", "Processes + threads", maxProcesses, true);
        number(limits, problems, "outputKb", "Output", outputKb, true);
        if (form.statement().isBlank()) {
            problems.add("The statement must not be empty.");
        }
        if (problems.isEmpty()) {
            Outcome outcome = authoring.edit(slug, form.statement(), limits, viewer.name());
            if (outcome.stored()) {
                return Response.seeOther(URI.create("/instructor/exercises/" + slug + "?done="
                        + (outcome.newVersion() ? "edited" : "unchanged"))).build();
            }
            problems.addAll(outcome.problems());
        }
        ExerciseDetail d = authoring.detail(slug);
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.edit(slug, d.exercise().title(), form, problems)).build();
    }

    private static void number(Map<String, Number> into, List<String> problems, String key, String label,
                               String value, boolean whole) {
        try {
            String v = value == null ? "" : value.trim();
            Number n = whole ? Integer.valueOf(Integer.parseInt(v)) : Double.valueOf(Double.parseDouble(v));
            if (n.doubleValue() <= 0) {
                problems.add(label + " must be more than 0.");
            }
            into.put(key, n);
        } catch (NumberFormatException e) {
            problems.add(label + " must be a " + (whole ? "whole number" : "number") + ".");
        }
    }

    private Response detailWithProblem(String slug, String problem) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.detail(authoring.detail(slug), null, problem)).build();
    }

    private static byte[] bytes(FileUpload upload) {
        if (upload == null || upload.uploadedFile() == null || upload.fileName() == null || upload.fileName().isBlank()) {
            return null;
        }
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean tooLarge(FileUpload upload) {
        try {
            return upload != null && upload.uploadedFile() != null
                    && Files.size(upload.uploadedFile()) > Authoring.MAX_BUNDLE_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    @ServerExceptionMapper
    public Response error(Exception e) {
        return errors.of(e);
    }
}
