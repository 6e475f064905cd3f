package org.paragrade.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.paragrade.account.Account;
import org.paragrade.account.Role;
import org.paragrade.authoring.BundleAuthoring;
import org.paragrade.authoring.BundleAuthoring.Authored;
import org.paragrade.authoring.BundleAuthoring.Queued;
import org.paragrade.course.CourseAccess;
import org.paragrade.course.NotCourseStaff;
import org.paragrade.course.Offers;
import org.paragrade.course.StaffScope;
import org.paragrade.curriculum.CurriculumService;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.ExerciseSettings;
import org.paragrade.curriculum.UnknownExercise;
import org.paragrade.grading.ValidationReport;
import org.paragrade.report.Concealment;
import org.paragrade.report.GradeBook;

@Path("/api/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Exercises")
@APIResponse(responseCode = "401", ref = ApiDocument.REF_401)
public class ExerciseResource {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final SecurityIdentity identity;
    private final CurriculumService curriculum;
    private final BundleAuthoring authoring;
    private final ExerciseSettings settings;
    private final GradeBook gradeBook;
    private final Offers offers;
    private final CourseAccess access;

    public ExerciseResource(SecurityIdentity identity, CurriculumService curriculum, BundleAuthoring authoring,
                            ExerciseSettings settings, GradeBook gradeBook, Offers offers, CourseAccess access) {
        this.offers = offers;
        this.access = access;
        this.identity = identity;
        this.curriculum = curriculum;
        this.authoring = authoring;
        this.settings = settings;
        this.gradeBook = gradeBook;
    }

    /** The multipart body of a bundle upload, as the document shows it. */
    @Schema(name = "BundleUpload")
    public record BundleUpload(@Schema(required = true, type = org.eclipse.microprofile.openapi.annotations.enums
            .SchemaType.STRING, format = "binary", description = "the bundle as a .zip, at most 16 MB") String bundle) {
    }

    /** The body of a settings change, as the document shows it: only the settings named change. */
    @Schema(name = "ExerciseSettingsChange", description = "Only the settings present change; null or \"\" clears "
            + "a deadline or an attempt limit. The same rules as the portal's settings form.")
    public record SettingsChange(
            @Schema(description = "publish (only a version that passed validation) or hide") Boolean published,
            @Schema(nullable = true, description = "ISO-8601: 2026-12-01T23:59:00Z, or with an offset; without "
                    + "an offset (2026-12-01T23:59) it is read as UTC") String deadline,
            @Schema(nullable = true, minimum = "1", description = "a whole number (3 or \"3\"), null for no limit")
            Integer maxAttempts) {
    }

    @GET
    @Transactional
    @Operation(summary = "List the exercises", description = "Roles: any. Students see the published "
            + "exercises their courses offer; a course's graders and instructors also what it offers, published or "
            + "not; site staff every exercise.")
    @APIResponse(responseCode = "200", description = "The exercises, by slug.")
    public List<ExerciseSummary> list() {
        Account me = me();
        return offers.visibleExercises(me).stream().map(e -> ExerciseSummary.of(e, Offers.terms(e, me))).toList();
    }

    @GET
    @Path("{slug}")
    @Transactional
    @Operation(summary = "One exercise: statement, entry, limits, worker counts",
            description = "Roles: any. Site staff, and the staff of a course offering it, also get the current "
                    + "version's validation report and every case.")
    @APIResponse(responseCode = "200", description = "The exercise.")
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public ExerciseDetail get(@PathParam("slug") String slug) {
        Exercise e = visible(slug);
        boolean staff = access.seesAsStaff(e, me());
        Offers.Terms terms = Offers.terms(e, me());
        return ExerciseDetail.of(e, terms, staff ? validation(e.currentVersion.validation) : null,
                staff ? Concealment.NONE : Concealment.of(e.currentVersion.manifest(), terms.deadlinePassed(), false));
    }

    @GET
    @Path("{slug}/starter")
    @Produces("text/x-python")
    @Transactional
    @Operation(summary = "Download the starter solution.py", description = "Roles: any.")
    @APIResponse(responseCode = "200", description = "starter/solution.py", content = @Content(
            mediaType = "text/x-python", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums
            .SchemaType.STRING)))
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public Response starter(@PathParam("slug") String slug) {
        Exercise e = visible(slug);
        String text = e.currentVersion.bundle().text("starter/solution.py");
        return Response.ok(text).header("Content-Disposition", "attachment; filename=\"solution.py\"").build();
    }

    @POST
    @RolesAllowed(Role.INSTRUCTOR)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Create an exercise from a bundle", description = "Roles: instructor. The cheap checks "
            + "(size, safe archive, schema, slug) answer at once; then the bundle is validated on a grading worker "
            + "(the references run and agree and show the claimed speed-up) and becomes the exercise only if it "
            + "passes. Without `Prefer: respond-async` the answer waits for the validation (at most "
            + "paragrade.validation.wait, or the `wait` preference): 201 or 400 as ever. With it, or when the "
            + "validation takes longer, or on an instance that does not validate itself (paragrade.role=portal, "
            + "paragrade.workers=0): 202 with the validation to poll.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = BundleUpload.class)))
    @APIResponse(responseCode = "201", description = "Created, with the validation report.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Authored.class)))
    @APIResponse(responseCode = "202", description = "Stored and queued for validation: poll the Location.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ValidationView.Accepted.class)))
    @APIResponse(responseCode = "400", description = "Not a valid bundle, or it did not pass validation: every "
            + "reason (and the report).", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "409", description = "An exercise with the bundle's slug exists.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "413", description = "The bundle is over 16 MB or unpacks too large.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response create(@RestForm("bundle") FileUpload bundle, @HeaderParam("Prefer") String prefer) {
        return answer(authoring.create(file(bundle), identity.getPrincipal().getName()), prefer, 201);
    }

    @PUT
    @Path("{slug}")
    @RolesAllowed(Role.INSTRUCTOR)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Replace an exercise's bundle", description = "Roles: instructor. A new version, "
            + "validated like a new exercise (and answered the same way: 200 or 400 when the answer waits for it, "
            + "202 otherwise); a bundle equal to the current version stores nothing new. Until it passed the "
            + "current version stays as it is.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = BundleUpload.class)))
    @APIResponse(responseCode = "200", description = "Stored, with the validation report.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Authored.class)))
    @APIResponse(responseCode = "202", description = "Stored and queued for validation: poll the Location.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ValidationView.Accepted.class)))
    @APIResponse(responseCode = "400", description = "Not a valid bundle, another slug, or it did not pass "
            + "validation.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    @APIResponse(responseCode = "413", description = "The bundle is over 16 MB or unpacks too large.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response replace(@PathParam("slug") String slug, @RestForm("bundle") FileUpload bundle,
                            @HeaderParam("Prefer") String prefer) {
        return answer(authoring.replace(slug, file(bundle), identity.getPrincipal().getName()), prefer, 200);
    }

    @GET
    @Path("{slug}/validations/{id}")
    @RolesAllowed(Role.INSTRUCTOR)
    @Operation(summary = "Follow a bundle's validation", description = "Roles: instructor. QUEUED (with its "
            + "place in the queue), RUNNING (runs done of those planned), then PASSED (the bundle is the exercise's "
            + "version) or FAILED (nothing changed; the report's problems say why).")
    @APIResponse(responseCode = "200", description = "The validation.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValidationView.class)))
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public ValidationView validation(@PathParam("slug") String slug, @PathParam("id") long id) {
        return ValidationView.of(authoring.find(slug, id));
    }

    /**
     * 201/200 (stored) or 400 (failed) when the client lets the answer wait and this instance validates; else,
     * or when the validation outlasts the wait, 202 with where to poll it (RFC 7240's respond-async).
     */
    private Response answer(Queued queued, String prefer, int stored) {
        Prefer p = Prefer.parse(prefer);
        if (!p.respondAsync() || p.waitFor() != null) {
            Optional<Authored> done = authoring.awaitStored(queued, p.waitFor());
            if (done.isPresent()) {
                return Response.status(stored).entity(done.get()).build();
            }
        }
        var r = Response.accepted(new ValidationView.Accepted(queued.id(), queued.status().name(), queued.location()))
                .location(URI.create(queued.location()));
        if (p.respondAsync()) {
            r.header("Preference-Applied", "respond-async");
        }
        return r.build();
    }

    /** The preferences of RFC 7240 this resource honours: respond-async, and wait=seconds. */
    record Prefer(boolean respondAsync, Duration waitFor) {
        static Prefer parse(String header) {
            boolean async = false;
            Duration wait = null;
            if (header != null) {
                for (String token : header.split("[,;]")) {
                    String t = token.trim().toLowerCase(java.util.Locale.ROOT);
                    if (t.equals("respond-async")) {
                        async = true;
                    } else if (t.startsWith("wait=")) {
                        try {
                            wait = Duration.ofSeconds(Math.max(0, Long.parseLong(t.substring(5).replace("\"", ""))));
                        } catch (NumberFormatException ignored) {
                            // a preference the server cannot read is ignored (RFC 7240, 2)
                        }
                    }
                }
            }
            return new Prefer(async, wait);
        }
    }

    @PUT
    @Path("{slug}/settings")
    @RolesAllowed(Role.INSTRUCTOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Publish or hide; set the deadline and the attempt limit", description = "Roles: "
            + "instructor. Only the settings present in the body change.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SettingsChange.class)))
    @APIResponse(responseCode = "200", description = "The exercise with its new settings.")
    @APIResponse(responseCode = "400", description = "A setting that cannot be read (every problem listed), or "
            + "publishing a version that did not pass validation.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public ExerciseDetail settings(@PathParam("slug") String slug, Map<String, Object> body) {
        settings.change(slug, body == null ? Map.of() : body, identity.getPrincipal().getName());
        return get(slug);
    }

    @GET
    @Path("{slug}/grades.csv")
    @Produces("text/csv")
    @Transactional
    @Operation(summary = "Export the grades as CSV", description = "Roles: site graders and instructors (every "
            + "student), the graders and instructors of a course offering it (their courses' students). One row "
            + "per student: best or latest score as the exercise says.")
    @APIResponse(responseCode = "200", description = "The grades.", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public Response grades(@PathParam("slug") String slug) {
        StaffScope scope = access.scopeOf(me());
        if (!scope.any()) {
            throw new NotCourseStaff("Only graders and instructors may export grades.");
        }
        Exercise e = curriculum.require(slug);
        if (!access.covers(scope, e)) {
            throw new UnknownExercise(slug);
        }
        return Response.ok(gradeBook.csv(e, scope))
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-grades.csv\"").build();
    }

    private static java.nio.file.Path file(FileUpload upload) {
        return upload == null ? null : upload.uploadedFile();
    }

    private Exercise visible(String slug) {
        Exercise e = Exercise.findBySlug(slug).orElseThrow(() -> new UnknownExercise(slug));
        if (!offers.visible(e, me())) {
            throw new UnknownExercise(slug);
        }
        return e;
    }

    private Account me() {
        return Account.findByUsername(identity.getPrincipal().getName()).orElseThrow();
    }

    /** A stored report that cannot be read is simply not shown. */
    private static ValidationReport validation(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(json, ValidationReport.class);
        } catch (Exception e) {
            return null;
        }
    }
}
