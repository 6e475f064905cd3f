package org.paragrade.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.UnknownExercise;
import org.paragrade.report.Concealment;
import org.paragrade.report.SubmissionView;
import org.paragrade.report.SubmissionViews;
import org.paragrade.report.ViewCache;
import org.paragrade.report.ViewTurns;
import org.paragrade.submission.Submission;
import org.paragrade.submission.SubmissionAccess;
import org.paragrade.submission.SubmissionService;
import org.paragrade.submission.UploadRefused;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Submissions")
@APIResponse(responseCode = "401", ref = ApiDocument.REF_401)
public class SubmissionResource {
    /** Kept by the browser only, and asked again each time (the ETag makes that cheap). */
    static final String PRIVATE = "private, no-cache";

    private final SecurityIdentity identity;
    private final SubmissionService submissions;
    private final SubmissionAccess access;
    private final SubmissionViews views;
    private final ViewTurns turns;

    public SubmissionResource(SecurityIdentity identity, SubmissionService submissions, SubmissionAccess access,
                              SubmissionViews views, ViewTurns turns) {
        this.identity = identity;
        this.submissions = submissions;
        this.access = access;
        this.views = views;
        this.turns = turns;
    }

    @GET
    @Path("submissions/{id}")
    @Operation(summary = "A submission and its report", description = "Roles: the student who submitted it, "
            + "site graders and instructors, the graders and instructors of its course; anyone else gets 404. "
            + "Answered with an ETag: send it back in If-None-Match and an unchanged submission is a 304.")
    @APIResponse(responseCode = "200", description = "The submission, its progress and (once graded) its report.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match.")
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public Response get(@PathParam("id") long id, @Context Request request) {
        ViewCache.Shown<SubmissionView> shown = turns.take(() -> views.view(id, me()));
        EntityTag tag = new EntityTag(ViewCache.digest(shown.etag(), me()));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        return (unchanged != null ? unchanged : Response.ok(shown.view()).tag(tag))
                .header(HttpHeaders.CACHE_CONTROL, PRIVATE).build();
    }

    @GET
    @Path("submissions")
    @Transactional
    @Operation(summary = "List submissions", description = "Roles: any; students see their own, a course's "
            + "graders and instructors also those made in their courses, site staff all. Newest first; "
            + "?exercise= narrows to one exercise.")
    @APIResponse(responseCode = "200", description = "The submissions, in short form.")
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public List<SubmissionView.Summary> list(@QueryParam("exercise") String slug) {
        Exercise exercise = null;
        if (slug != null && !slug.isBlank()) {
            exercise = Exercise.findBySlug(slug).orElseThrow(() -> new UnknownExercise(slug));
        }
        return access.list(me(), exercise).stream().map(seen -> seen.asStaff()
                ? SubmissionView.Summary.of(seen.submission())
                : SubmissionView.Summary.of(seen.submission()).forStudent(Concealment.forStudent(seen.submission())))
                .toList();
    }

    @POST
    @Path("submissions/{id}/regrade")
    @Operation(summary = "Grade a submission again", description = "Roles: site graders and instructors, the "
            + "graders and instructors of its course (others: 403, or 404 for a submission they may not see). "
            + "Earlier grades stay in the history.")
    @APIResponse(responseCode = "202", description = "Queued for grading.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionAccepted.class)))
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public Response regrade(@PathParam("id") long id) {
        access.requireStaffSomewhere(me()); // a student, and nothing else: 403, as before courses
        return Response.accepted(SubmissionAccepted.of(submissions.regrade(id, me()))).build();
    }

    @Schema(name = "GradeOverride")
    public record GradeOverride(
            @Schema(required = true, minimum = "0", description = "at most the submission's maxScore") Double score,
            @Schema(required = true, description = "why; the student reads it") String comment) {
    }

    @PUT
    @Path("submissions/{id}/grade")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Override the grade", description = "Roles: site graders and instructors, the graders "
            + "and instructors of its course (others: 403, or 404 for a submission they may not see). Kept "
            + "beside the automatic grade, which does not change.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GradeOverride.class)))
    @APIResponse(responseCode = "200", description = "The submission with the override.")
    @APIResponse(responseCode = "400", description = "No score, a score out of range, or no comment.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public SubmissionView override(@PathParam("id") long id, GradeOverride body) {
        access.requireStaffSomewhere(me());
        if (body == null || body.score() == null) {
            throw new UploadRefused("Send {\"score\": number, \"comment\": \"why\"}.", false);
        }
        submissions.override(id, body.score(), body.comment(), me());
        return views.view(id, me()).view();
    }

    private String me() {
        return identity.getPrincipal().getName();
    }
}
