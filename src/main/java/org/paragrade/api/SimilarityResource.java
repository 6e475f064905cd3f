package org.paragrade.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.paragrade.similarity.SimilarityDesk;
import org.paragrade.similarity.SimilarityRun;

/**
 * Which students' kept submissions of an exercise look alike, from a kept JPlag run. The list answer is
 * the one DESIGN fixes; the run it comes from (state, when computed, stale) is in headers and at {@code /run}.
 */
@Path("/api/exercises/{slug}/similarity")
@Produces(MediaType.APPLICATION_JSON)
@io.quarkus.security.Authenticated
@Tag(name = "Similarity")
@APIResponse(responseCode = "401", ref = ApiDocument.REF_401)
@APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
@APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
@APIResponse(responseCode = "400", ref = ApiDocument.REF_400)
public class SimilarityResource {
    static final String RUN = "X-Similarity-Run";
    static final String STATE = "X-Similarity-State";
    static final String COMPUTED_AT = "X-Similarity-Computed-At";
    static final String STALE = "X-Similarity-Stale";
    private static final String COURSE = "A course code: the kept submissions made in that course (404 when there is "
            + "no such course or it does not offer the exercise). Without it: site staff compare every course at "
            + "once; a course's staff their one course that offers the exercise (400 when they staff several).";

    private final SimilarityDesk desk;
    private final SecurityIdentity identity;

    public SimilarityResource(SimilarityDesk desk, SecurityIdentity identity) {
        this.desk = desk;
        this.identity = identity;
    }

    @Schema(name = "SimilarPair")
    public record Pair(
            @Schema(required = true, description = "one submission's id") long a,
            @Schema(required = true, description = "the other's id") long b,
            @Schema(required = true) String studentA,
            @Schema(required = true) String studentB,
            @Schema(required = true, description = "0..1: JPlag's average similarity (matched tokens over both "
                    + "sides' tokens, the starter code not counted)") double similarity,
            @Schema(required = true, nullable = true, description = "who marked the pair reviewed") String reviewedBy,
            @Schema(required = true, nullable = true) Instant reviewedAt) {
        static Pair of(SimilarityDesk.PairView p) {
            return new Pair(p.a(), p.b(), p.studentA(), p.studentB(), p.similarity(), p.reviewedBy(), p.reviewedAt());
        }
    }

    @Schema(name = "SimilarityRunSkipped")
    public record Skipped(@Schema(required = true) long submission, @Schema(required = true) String student,
                          @Schema(required = true) String reason) {
    }

    @Schema(name = "SimilarityRun")
    public record Run(
            @Schema(required = true) long id,
            @Schema(required = true) String exercise,
            @Schema(required = true, nullable = true, description = "null: every course") String course,
            @Schema(required = true, description = "RUNNING, DONE or FAILED") String state,
            @Schema(required = true) Instant startedAt,
            @Schema(required = true, nullable = true, description = "when the pairs were computed") Instant computedAt,
            @Schema(required = true, description = "the kept submissions changed since: run it again (POST)") boolean stale,
            @Schema(required = true, description = "kept submissions compared") int submissions,
            @Schema(required = true, description = "kept submissions over the bound, not compared") int leftOut,
            @Schema(required = true, description = "pairs compared (the most similar are listed)") int pairsTotal,
            @Schema(required = true) List<Skipped> skipped,
            @Schema(required = true, nullable = true) String message,
            @Schema(required = true, nullable = true) String requestedBy,
            @Schema(required = true) List<Pair> pairs) {
        static Run of(SimilarityDesk.RunView r) {
            return new Run(r.id(), r.exercise(), r.course(), r.state().name(), r.startedAt(), r.computedAt(), r.stale(),
                    r.submissions(), r.leftOut(), r.pairsTotal(),
                    r.skipped().stream().map(s -> new Skipped(s.submission(), s.student(), s.reason())).toList(),
                    r.message(), r.requestedBy(), r.pairs().stream().map(Pair::of).toList());
        }
    }

    @GET
    @Operation(summary = "Similar pairs of kept submissions", description = "Roles: site staff; a course's graders and "
            + "instructors for their course. Each student's kept submission is compared with every other's by JPlag "
            + "(token-based, so renamed names and changed comments do not hide a copy; the exercise's starter code "
            + "does not count). The pairs come from the newest kept run, most similar first; the first look starts "
            + "a run and waits briefly for it. 202 with an empty list while it runs. The run's state, when it was "
            + "computed and whether it is stale are in the headers.")
    @APIResponse(responseCode = "200", description = "The pairs, most similar first.", headers = {
            @Header(name = RUN, schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = STATE, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = COMPUTED_AT, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = STALE, schema = @Schema(type = SchemaType.BOOLEAN))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Pair.class)))
    @APIResponse(responseCode = "202", description = "The run is still going: ask again shortly.")
    public Response pairs(@PathParam("slug") String slug, @Parameter(description = COURSE) @QueryParam("course") String course) {
        String me = identity.getPrincipal().getName();
        SimilarityDesk.RunView run = desk.look(desk.target(slug, course, me), me);
        List<Pair> pairs = run.pairs().stream().map(Pair::of).toList();
        Response.ResponseBuilder answer = run.state() == SimilarityRun.State.RUNNING ? Response.accepted(pairs)
                : Response.ok(pairs);
        answer.header(RUN, run.id()).header(STATE, run.state().name()).header(STALE, run.stale());
        if (run.computedAt() != null) {
            answer.header(COMPUTED_AT, run.computedAt().toString());
        }
        return answer.build();
    }

    @GET
    @Path("run")
    @Operation(summary = "The newest similarity run", description = "Roles: as the pairs. The run the pairs come from: "
            + "its state, when it was computed, whether it is stale, what was left out and why, and the pairs. "
            + "Starts one when there is none, as the pairs do.")
    @APIResponse(responseCode = "200", description = "The run.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Run.class)))
    public Run run(@PathParam("slug") String slug, @Parameter(description = COURSE) @QueryParam("course") String course) {
        String me = identity.getPrincipal().getName();
        return Run.of(desk.look(desk.target(slug, course, me), me));
    }

    @POST
    @Operation(summary = "Run the comparison again", description = "Roles: as the pairs. Starts a new run over the "
            + "current kept submissions (unless one is running: that one is answered). No body.")
    @APIResponse(responseCode = "202", description = "Started (or already running).", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Run.class)))
    public Response rerun(@PathParam("slug") String slug, @Parameter(description = COURSE) @QueryParam("course") String course) {
        String me = identity.getPrincipal().getName();
        return Response.accepted(Run.of(desk.rerun(desk.target(slug, course, me), me))).build();
    }
}
