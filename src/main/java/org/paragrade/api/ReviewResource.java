package org.paragrade.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.paragrade.course.CourseAccess;
import org.paragrade.review.ReviewDecisionView;
import org.paragrade.review.ReviewDesk;
import org.paragrade.review.ReviewItem;
import org.paragrade.review.ReviewRequestState;
import org.paragrade.review.SubmittedFiles;
import org.paragrade.review.Who;

/** The graders' desk through the API: the review queue, closing an item, a student's request, the files. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Review")
@APIResponse(responseCode = "401", ref = ApiDocument.REF_401)
public class ReviewResource {
    private final SecurityIdentity identity;
    private final ReviewDesk desk;

    private final CourseAccess access;

    public ReviewResource(SecurityIdentity identity, ReviewDesk desk, CourseAccess access) {
        this.identity = identity;
        this.desk = desk;
        this.access = access;
    }

    @Schema(name = "ReviewAction")
    public record ReviewAction(
            @Schema(required = true, enumeration = {"accept"}, description = "accept: the grade stands as it is; "
                    + "the submission leaves the queue") String action,
            @Schema(maxLength = 2000, description = "why, for the other graders (staff read it)") String comment) {
    }

    @Schema(name = "ReviewRequestBody")
    public record ReviewRequestBody(
            @Schema(required = true, minLength = 1, maxLength = 2000, description = "what a grader should look at")
            String message) {
    }

    @GET
    @Path("review")
    @Operation(summary = "The review queue", description = "Roles: grader, instructor. Submissions that need a "
            + "human look, oldest first: an unstable measurement, a plausibility or tampering flag, an internal "
            + "error, a student's request. Only each student's newest submission of an exercise counts for its "
            + "grading's reasons; a student's open request always counts.")
    @Parameter(name = "course", description = "a course code: only that course's submissions")
    @Parameter(name = "exercise", description = "an exercise's slug: only that exercise's submissions")
    @APIResponse(responseCode = "200", description = "The submissions waiting, each with its reasons in words.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ReviewItem.class)))
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "404", description = "No such course or exercise.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public List<ReviewItem> queue(@QueryParam("course") String course, @QueryParam("exercise") String exercise) {
        return desk.queue(course, exercise, who());
    }

    @POST
    @Path("submissions/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close a submission's review item", description = "Roles: grader, instructor. Recorded "
            + "with who and when; the student's open request is closed with it. A later grading that raises "
            + "reasons again puts the submission back in the queue.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewAction.class)))
    @APIResponse(responseCode = "200", description = "The decision.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewDecisionView.class)))
    @APIResponse(responseCode = "400", description = "An action other than accept, or a comment over 2000 "
            + "characters.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    @APIResponse(responseCode = "409", description = "The submission is not waiting for review.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public ReviewDecisionView accept(@PathParam("id") long id, ReviewAction body) {
        ReviewAction b = body == null ? new ReviewAction(null, null) : body;
        return desk.accept(id, b.action(), b.comment(), who());
    }

    @POST
    @Path("submissions/{id}/review-request")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask a grader to look at your submission", description = "Roles: the student who made "
            + "the submission (others get 404, staff 403). One open request per submission, at most 5 open at "
            + "once per student; the queue shows it as \"the student asks: ...\".")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewRequestBody.class)))
    @APIResponse(responseCode = "201", description = "The request, open.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewRequestState.class)))
    @APIResponse(responseCode = "400", description = "No message, one over 2000 characters, or control "
            + "characters in it.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    @APIResponse(responseCode = "409", description = "A request on this submission is open already, or 5 of the "
            + "student's are.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiError.class)))
    public Response ask(@PathParam("id") long id, ReviewRequestBody body) {
        ReviewRequestState state = desk.ask(id, body == null ? null : body.message(), who());
        return Response.status(201).entity(state).build();
    }

    @GET
    @Path("submissions/{id}/review-request")
    @Operation(summary = "The state of the review request", description = "Roles: the student who made the "
            + "submission, grader, instructor; anyone else gets 404. none, open or closed, with the newest message.")
    @APIResponse(responseCode = "200", description = "The request's state.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewRequestState.class)))
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public ReviewRequestState request(@PathParam("id") long id) {
        return desk.request(id, who());
    }

    @GET
    @Path("submissions/{id}/files")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @Operation(summary = "The submitted files as a zip", description = "Roles: the student who made the "
            + "submission, grader, instructor; anyone else gets 404. The bytes that were graded; a single .py "
            + "upload is solution.py.")
    @APIResponse(responseCode = "200", description = "The zip.", content = @Content(mediaType = "application/zip",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public Response files(@PathParam("id") long id) {
        SubmittedFiles files = desk.files(id, who());
        return Response.ok(files.zip(), "application/zip")
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", "attachment; filename=\"" + files.filename() + "\"").build();
    }

    /** The caller in the desk's words (the per-course rule will be applied in the desk's one place). */
    private Who who() {
        String name = identity.getPrincipal().getName();
        return new Who(name, access.scopeOf(name));
    }
}
