package org.paragrade.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.paragrade.submission.RegradeAll;
import org.paragrade.submission.RegradeBatch;

/** Staff regrade-all of an exercise: every student's kept submission, against the current version. */
@Path("/api/exercises/{slug}/regrade-all")
@Produces(MediaType.APPLICATION_JSON)
@io.quarkus.security.Authenticated
@Tag(name = "Submissions")
@APIResponse(responseCode = "401", ref = ApiDocument.REF_401)
@APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
public class RegradeAllResource {
    private static final String COURSE = "A course code: only the submissions made in that course (404 when there "
            + "is no such course or it does not offer the exercise). Without it: every student's, in any course.";

    private final RegradeAll regradeAll;
    private final SecurityIdentity identity;

    public RegradeAllResource(RegradeAll regradeAll, SecurityIdentity identity) {
        this.regradeAll = regradeAll;
        this.identity = identity;
    }

    @Schema(name = "RegradeAllQueued")
    public record Queued(
            @Schema(required = true, description = "the batch, for its state") long batch,
            @Schema(required = true, description = "the exercise version they are graded against") int version,
            @Schema(required = true, description = "kept submissions queued (those already waiting are skipped)")
            int queued) {
        static Queued of(RegradeBatch b) {
            return new Queued(b.id, b.version.version, b.queued);
        }
    }

    @Schema(name = "RegradeAllState")
    public record State(
            @Schema(required = true) long batch,
            @Schema(required = true, nullable = true, description = "null: every course") String course,
            @Schema(required = true) int version,
            @Schema(required = true) String requestedBy,
            @Schema(required = true) Instant requestedAt,
            @Schema(required = true, description = "still waiting") long queued,
            @Schema(required = true, description = "being graded now") long running,
            @Schema(required = true, description = "graded (or ended in our error)") long done) {
        static State of(RegradeAll.State s) {
            RegradeBatch b = s.batch();
            return new State(b.id, b.course == null ? null : b.course.code, b.version.version,
                    b.requestedBy.username, b.createdAt, s.jobs().queued(), s.jobs().running(), s.jobs().done());
        }
    }

    @POST
    @Transactional
    @Operation(summary = "Regrade every student's kept submission", description = "Roles: site staff; a course's graders and "
            + "instructors with ?course= naming it. Each student's kept submission (best or latest, as the exercise says) is graded again against the "
            + "exercise's current version, after every waiting student upload. Grades keep their history, each "
            + "with its version and who asked. No body.")
    @APIResponse(responseCode = "202", description = "Queued.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Queued.class)))
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    @APIResponse(responseCode = "409", description = "The exercise has no version to grade against.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response start(@PathParam("slug") String slug,
                          @Parameter(description = COURSE) @QueryParam("course") String course) {
        RegradeBatch batch = regradeAll.start(slug, course, identity.getPrincipal().getName());
        return Response.accepted(Queued.of(batch)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "The newest regrade-all's state", description = "Roles: as the regrade-all. How many of "
            + "its gradings wait, run and are done.")
    @APIResponse(responseCode = "200", description = "The batch and its gradings.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = State.class)))
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public State state(@PathParam("slug") String slug,
                       @Parameter(description = COURSE) @QueryParam("course") String course) {
        return State.of(regradeAll.state(slug, course, identity.getPrincipal().getName()));
    }
}
