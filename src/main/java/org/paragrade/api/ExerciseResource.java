package org.paragrade.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.paragrade.account.Role;
import org.paragrade.curriculum.Bundle;
import org.paragrade.curriculum.BundleRefused;
import org.paragrade.curriculum.CurriculumService;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.curriculum.UnknownExercise;
import org.paragrade.grading.BundleValidator;
import org.paragrade.grading.ValidationReport;
import org.paragrade.report.GradeBook;
import org.paragrade.submission.UploadRefused;

@Path("/api/exercises")
@Produces(MediaType.APPLICATION_JSON)
public class ExerciseResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_BUNDLE_BYTES = 16L * 1024 * 1024;

    private final SecurityIdentity identity;
    private final CurriculumService curriculum;
    private final BundleValidator validator;
    private final GradeBook gradeBook;

    public ExerciseResource(SecurityIdentity identity, CurriculumService curriculum, BundleValidator validator,
                            GradeBook gradeBook) {
        this.identity = identity;
        this.curriculum = curriculum;
        this.validator = validator;
        this.gradeBook = gradeBook;
    }

    @GET
    @Transactional
    public ArrayNode list() {
        Caller caller = Caller.of(identity);
        ArrayNode out = JSON.createArrayNode();
        for (Exercise e : caller.staff() ? Exercise.listAllOrdered() : Exercise.listPublished()) {
            ObjectNode n = out.addObject();
            n.put("slug", e.slug);
            n.put("title", e.title);
            n.put("kind", e.kind);
            n.put("published", e.published);
            n.put("deadline", e.deadline == null ? null : e.deadline.toString());
            n.put("maxAttempts", e.maxAttempts);
            n.put("version", e.currentVersion == null ? null : e.currentVersion.version);
        }
        return out;
    }

    @GET
    @Path("{slug}")
    @Transactional
    public ObjectNode get(@PathParam("slug") String slug) {
        Exercise e = visible(slug);
        ExerciseManifest m = e.currentVersion.manifest();
        ObjectNode n = JSON.createObjectNode();
        n.put("slug", e.slug);
        n.put("title", e.title);
        n.put("kind", e.kind);
        n.put("published", e.published);
        n.put("deadline", e.deadline == null ? null : e.deadline.toString());
        n.put("maxAttempts", e.maxAttempts);
        n.put("version", e.currentVersion.version);
        n.put("statement", e.currentVersion.statement);
        ObjectNode entry = n.putObject("entry");
        entry.put("name", m.entry().name());
        entry.put("type", m.entry().type());
        entry.put("signature", m.entry().signature());
        n.put("expectedModel", m.expectedModel());
        n.set("limits", JSON.valueToTree(m.limits()));
        n.set("workers", JSON.valueToTree(m.benchmark().workers()));
        n.set("scoring", JSON.valueToTree(m.scoring()));
        ArrayNode cases = n.putArray("cases");
        m.cases().forEach(c -> cases.add(c.name()));
        if (Caller.of(identity).staff() && e.currentVersion.validation != null) {
            try {
                n.set("validation", JSON.readTree(e.currentVersion.validation));
            } catch (IOException ignored) {
                // a stored report that cannot be read is simply not shown
            }
        }
        return n;
    }

    @GET
    @Path("{slug}/starter")
    @Produces("text/x-python")
    @Transactional
    public Response starter(@PathParam("slug") String slug) {
        Exercise e = visible(slug);
        String text = e.currentVersion.bundle().text("starter/solution.py");
        return Response.ok(text).header("Content-Disposition", "attachment; filename=\"solution.py\"").build();
    }

    @POST
    @RolesAllowed(Role.INSTRUCTOR)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response create(@RestForm("bundle") FileUpload upload) {
        Bundle bundle = readBundle(upload);
        if (Exercise.findBySlug(bundle.manifest().slug()).isPresent()) {
            return ApiError.of(409, "An exercise called '" + bundle.manifest().slug()
                    + "' exists already; replace it with PUT /api/exercises/" + bundle.manifest().slug() + ".");
        }
        return validateAndStore(bundle, "upload", 201);
    }

    @PUT
    @Path("{slug}")
    @RolesAllowed(Role.INSTRUCTOR)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response replace(@PathParam("slug") String slug, @RestForm("bundle") FileUpload upload) {
        curriculum.require(slug);
        Bundle bundle = readBundle(upload);
        if (!bundle.manifest().slug().equals(slug)) {
            throw new BundleRefused("the bundle's slug '" + bundle.manifest().slug() + "' is not '" + slug + "'");
        }
        return validateAndStore(bundle, "upload", 200);
    }

    /** Publish or hide, deadline and attempt limit: {@code {"published": true, "deadline": "...", "maxAttempts": 3}}. */
    @PUT
    @Path("{slug}/settings")
    @RolesAllowed(Role.INSTRUCTOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode settings(@PathParam("slug") String slug, Map<String, Object> body) {
        Exercise e = curriculum.require(slug);
        if (body.containsKey("published")) {
            try {
                curriculum.setPublished(slug, Boolean.TRUE.equals(body.get("published")));
            } catch (BundleRefused refused) {
                throw new UploadRefused(refused.getMessage(), false);
            }
        }
        Instant deadline = e.deadline;
        Integer attempts = e.maxAttempts;
        if (body.containsKey("deadline")) {
            Object d = body.get("deadline");
            try {
                deadline = d == null || d.toString().isBlank() ? null : Instant.parse(d.toString());
            } catch (DateTimeParseException ex) {
                throw new UploadRefused("deadline must look like 2026-12-01T23:59:00Z", false);
            }
        }
        if (body.containsKey("maxAttempts")) {
            Object a = body.get("maxAttempts");
            attempts = a == null ? null : ((Number) a).intValue();
            if (attempts != null && attempts < 1) {
                throw new UploadRefused("maxAttempts must be at least 1, or null for no limit", false);
            }
        }
        curriculum.updateSettings(slug, deadline, attempts);
        return get(slug);
    }

    @GET
    @Path("{slug}/grades.csv")
    @RolesAllowed({Role.GRADER, Role.INSTRUCTOR})
    @Produces("text/csv")
    @Transactional
    public Response grades(@PathParam("slug") String slug) {
        Exercise e = curriculum.require(slug);
        return Response.ok(gradeBook.csv(e))
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-grades.csv\"").build();
    }

    private Response validateAndStore(Bundle bundle, String source, int status) {
        ValidationReport report = validator.validate(bundle);
        if (!report.valid()) {
            return Response.status(400).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "The bundle did not pass validation: " + String.join("; ", report.problems()),
                            "reasons", report.problems(), "validation", report))
                    .build();
        }
        var stored = curriculum.store(bundle, source, identity.getPrincipal().getName(), report.toJson(), true);
        ObjectNode n = JSON.createObjectNode();
        n.put("slug", stored.exercise().slug);
        n.put("version", stored.version().version);
        n.put("newVersion", stored.newVersion());
        n.put("published", stored.exercise().published);
        n.set("validation", JSON.valueToTree(report));
        return Response.status(status).entity(n).build();
    }

    private Bundle readBundle(FileUpload upload) {
        if (upload == null || upload.uploadedFile() == null) {
            throw new UploadRefused("Send the bundle as a zip in the multipart field 'bundle'.", false);
        }
        try {
            long size = Files.size(upload.uploadedFile());
            if (size > MAX_BUNDLE_BYTES) {
                throw new UploadRefused("Bundles may be at most 16 MB.", true);
            }
            return Bundle.fromZip(Files.readAllBytes(upload.uploadedFile()));
        } catch (org.paragrade.archive.ArchiveRefused e) {
            throw new UploadRefused(e.getMessage(), e.tooLarge());
        } catch (IOException e) {
            throw new UploadRefused("The bundle could not be read.", false);
        }
    }

    private Exercise visible(String slug) {
        Exercise e = Exercise.findBySlug(slug).orElseThrow(() -> new UnknownExercise(slug));
        if ((!e.published && !Caller.of(identity).staff()) || e.currentVersion == null) {
            throw new UnknownExercise(slug);
        }
        return e;
    }
}
