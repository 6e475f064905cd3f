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
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.paragrade.account.Account;
import org.paragrade.account.Role;
import org.paragrade.curriculum.CurriculumService;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.UnknownExercise;
import org.paragrade.queue.JobQueue;
import org.paragrade.report.SubmissionView;
import org.paragrade.submission.Submission;
import org.paragrade.submission.SubmissionService;
import org.paragrade.submission.UnknownSubmission;
import org.paragrade.submission.UploadRefused;
import org.paragrade.submission.UploadValidator;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecurityIdentity identity;
    private final SubmissionService submissions;
    private final JobQueue queue;
    private final CurriculumService curriculum;

    public SubmissionResource(SecurityIdentity identity, SubmissionService submissions, JobQueue queue,
                              CurriculumService curriculum) {
        this.curriculum = curriculum;
        this.identity = identity;
        this.submissions = submissions;
        this.queue = queue;
    }

    @GET
    @Path("submissions/{id}")
    @Transactional
    public ObjectNode get(@PathParam("id") long id) {
        Submission s = visible(id);
        return SubmissionView.of(s, Submission.QUEUED.equals(s.status) ? queue.positionOf(s.id) : 0);
    }

    @GET
    @Path("submissions")
    @Transactional
    public ArrayNode list(@QueryParam("exercise") String slug) {
        Caller caller = Caller.of(identity);
        Exercise exercise = null;
        if (slug != null && !slug.isBlank()) {
            exercise = Exercise.findBySlug(slug).orElseThrow(() -> new UnknownExercise(slug));
        }
        List<Submission> list;
        if (caller.staff()) {
            list = exercise == null ? Submission.list("order by id desc") : Submission.forExercise(exercise);
        } else {
            Account me = Account.findByUsername(caller.username()).orElseThrow();
            list = exercise == null ? Submission.forStudent(me) : Submission.forStudent(me, exercise);
        }
        ArrayNode out = JSON.createArrayNode();
        list.forEach(s -> out.add(SubmissionView.summary(s)));
        return out;
    }

    @POST
    @Path("submissions/{id}/regrade")
    @RolesAllowed({Role.GRADER, Role.INSTRUCTOR})
    public Response regrade(@PathParam("id") long id) {
        Submission s = submissions.regrade(id);
        return Response.accepted(Map.of("id", s.id, "status", s.status)).build();
    }

    public record GradeOverride(Double score, String comment) {
    }

    @PUT
    @Path("submissions/{id}/grade")
    @RolesAllowed({Role.GRADER, Role.INSTRUCTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode override(@PathParam("id") long id, GradeOverride body) {
        if (body == null || body.score() == null) {
            throw new UploadRefused("Send {\"score\": number, \"comment\": \"why\"}.", false);
        }
        submissions.override(id, body.score(), body.comment(), identity.getPrincipal().getName());
        return get(id);
    }

    /** Students see only their own submissions; anyone else's is answered 404, so ids reveal nothing. */
    private Submission visible(long id) {
        Submission s = Submission.<Submission>findByIdOptional(id).orElseThrow(() -> new UnknownSubmission(id));
        Caller caller = Caller.of(identity);
        if (!caller.staff() && !s.student.username.equals(caller.username())) {
            throw new UnknownSubmission(id);
        }
        return s;
    }
}
