package org.paragrade.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.paragrade.account.Role;
import org.paragrade.course.Course;
import org.paragrade.course.CourseRefused;
import org.paragrade.course.CourseRole;
import org.paragrade.course.CourseService;
import org.paragrade.course.CourseTrail;
import org.paragrade.course.OfferSettings;
import org.paragrade.course.RosterImport;
import org.paragrade.course.RosterImport.Imported;
import org.paragrade.report.CourseGradeBook;

@Path("/api/courses")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Transactional
@Tag(name = "Courses")
@APIResponse(responseCode = "401", ref = ApiDocument.REF_401)
public class CourseResource {
    private final SecurityIdentity identity;
    private final CourseService courses;
    private final RosterImport roster;
    private final OfferSettings offerSettings;
    private final CourseGradeBook gradeBook;
    private final CourseTrail trail;

    public CourseResource(SecurityIdentity identity, CourseService courses, RosterImport roster,
                          OfferSettings offerSettings, CourseGradeBook gradeBook, CourseTrail trail) {
        this.gradeBook = gradeBook;
        this.trail = trail;
        this.offerSettings = offerSettings;
        this.identity = identity;
        this.courses = courses;
        this.roster = roster;
    }

    @Schema(name = "CourseCreate")
    public record CourseCreate(
            @Schema(required = true, example = "cs220-2027s", description = "2-40 of a-z, 0-9 and '-'") String code,
            @Schema(required = true) String title,
            @Schema(description = "IANA time zone, e.g. Europe/Berlin; UTC when left out") String timeZone) {
    }

    @Schema(name = "RosterUpload")
    public record RosterUpload(@Schema(required = true, type = SchemaType.STRING, format = "binary",
            description = "CSV, one line per person: username,name,email,role (role empty = student); "
                    + "an optional header line") String file) {
    }

    @POST
    @RolesAllowed(Role.INSTRUCTOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a course", description = "Roles: instructor (site). The creator becomes the "
            + "course's first instructor.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CourseCreate.class)))
    @APIResponse(responseCode = "201", description = "The course.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CourseView.class)))
    @APIResponse(responseCode = "400", ref = ApiDocument.REF_400)
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    public Response create(CourseCreate body) {
        if (body == null) {
            throw new CourseRefused("Send {\"code\": \"cs220-2027s\", \"title\": \"...\"}.");
        }
        Course c = courses.create(body.code(), body.title(), body.timeZone(), me());
        return Response.status(201).entity(CourseView.of(c, CourseRole.INSTRUCTOR)).build();
    }

    @GET
    @Operation(summary = "Your courses", description = "Roles: any. The courses you belong to, with your role.")
    @APIResponse(responseCode = "200", description = "The courses, by code.")
    public List<CourseView> list() {
        return courses.of(me()).stream().map(b -> CourseView.of(b.course(), b.role())).toList();
    }

    @POST
    @Path("{code}/roster")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import a roster", description = "Roles: the course's instructor. All or nothing; new "
            + "accounts get an initial password, returned only here; existing accounts are enrolled.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = RosterUpload.class)))
    @APIResponse(responseCode = "200", description = "Imported.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Imported.class)))
    @APIResponse(responseCode = "400", description = "Nothing imported: every line that needs fixing.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public Imported importRoster(@PathParam("code") String code, @RestForm("file") FileUpload file) {
        return roster.importRoster(code, me(), file == null ? null : file.uploadedFile());
    }

    @GET
    @Path("{code}/members")
    @Operation(summary = "The course's members", description = "Roles: the course's graders and instructors.")
    @APIResponse(responseCode = "200", description = "The members, by user name.")
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public List<MemberView> members(@PathParam("code") String code) {
        return courses.members(courses.requireStaff(code, me())).stream().map(MemberView::of).toList();
    }

    @Schema(name = "OfferChange", description = "Times with an offset are that instant; without one they are "
            + "read in the course's time zone. Left out: no deadline (the exercise's own applies), no late window, "
            + "no penalty, no attempt limit (the exercise's own applies), immediate release.")
    public record OfferBody(
            @Schema(example = "2027-03-01T23:59") String deadline,
            @Schema(example = "2027-03-04T23:59") String lateUntil,
            @Schema(minimum = "0", maximum = "1", example = "0.1") Double latePenaltyPerDay,
            @Schema(minimum = "1") Integer maxAttempts,
            @Schema(enumeration = {"immediate", "after-deadline"}) String release) {
    }

    @Schema(name = "ExtensionChange")
    public record ExtensionBody(
            @Schema(required = true) String username,
            @Schema(required = true, description = "the exercise's slug") String exercise,
            @Schema(required = true, example = "2027-03-08T23:59") String deadline,
            @Schema(description = "left out: the offer's late window, moved with the deadline") String lateUntil) {
    }

    @PUT
    @Path("{code}/exercises/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Offer an exercise in the course", description = "Roles: the course's instructor. "
            + "Creates the offer or replaces it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OfferBody.class)))
    @APIResponse(responseCode = "200", description = "The offer.")
    @APIResponse(responseCode = "400", ref = ApiDocument.REF_400)
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public OfferView offer(@PathParam("code") String code, @PathParam("slug") String slug, OfferBody body) {
        OfferBody b = body == null ? new OfferBody(null, null, null, null, null) : body;
        return OfferView.of(offerSettings.put(code, slug, me(), new OfferSettings.OfferChange(b.deadline(),
                b.lateUntil(), b.latePenaltyPerDay(), b.maxAttempts(), b.release())));
    }

    @PUT
    @Path("{code}/extensions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extend one student's deadline", description = "Roles: the course's graders and "
            + "instructors. Creates or replaces the student's extension for one offered exercise.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ExtensionBody.class)))
    @APIResponse(responseCode = "200", description = "The extension.")
    @APIResponse(responseCode = "400", ref = ApiDocument.REF_400)
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public OfferView.ExtensionView extend(@PathParam("code") String code, ExtensionBody body) {
        if (body == null) {
            throw new CourseRefused("Send {\"username\", \"exercise\", \"deadline\", \"lateUntil\"}.");
        }
        return OfferView.ExtensionView.of(offerSettings.extend(code, me(), new OfferSettings.ExtensionChange(
                body.username(), body.exercise(), body.deadline(), body.lateUntil())));
    }

    @GET
    @Path("{code}/grades.csv")
    @Produces("text/csv")
    @Operation(summary = "The course's grade book as CSV", description = "Roles: the course's graders and "
            + "instructors. One row per student, one column per offered exercise (the kept score, late penalty "
            + "applied) and a total; text cells are quoted against formula injection.")
    @APIResponse(responseCode = "200", description = "The grade book.", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public Response grades(@PathParam("code") String code) {
        Course course = courses.requireStaff(code, me());
        return Response.ok(gradeBook.csv(course))
                .header("Content-Disposition", "attachment; filename=\"" + code + "-grades.csv\"").build();
    }

    @GET
    @Path("{code}/audit")
    @Operation(summary = "The course's audit trail", description = "Roles: the course's instructors, site graders "
            + "and instructors (its graders and students: 403). Who regraded, overrode, accepted a review, "
            + "changed a deadline or an offer, extended or imported the roster in this course, and who created it; "
            + "newest first, paged.")
    @APIResponse(responseCode = "200", description = "A page of entries.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditView.class)))
    @APIResponse(responseCode = "400", ref = ApiDocument.REF_400)
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public AuditView audit(@PathParam("code") String code,
                           @Parameter(description = AuditResource.ACTION) @QueryParam("action") String action,
                           @Parameter(description = AuditResource.ACTOR) @QueryParam("actor") String actor,
                           @Parameter(description = AuditResource.BEFORE) @QueryParam("before") String before,
                           @Parameter(description = AuditResource.LIMIT) @QueryParam("limit") String limit) {
        return AuditView.of(trail.ofCourse(code, me(), action, actor, before, limit));
    }

    private String me() {
        return identity.getPrincipal().getName();
    }
}
