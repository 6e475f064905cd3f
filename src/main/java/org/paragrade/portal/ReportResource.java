package org.paragrade.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paragrade.queue.JobQueue;
import org.paragrade.report.Concealment;
import org.paragrade.report.SubmissionView;
import org.paragrade.review.ReviewDesk;
import org.paragrade.submission.Submission;
import org.paragrade.submission.SubmissionService;
import org.paragrade.submission.UnknownSubmission;
import org.paragrade.submission.UploadRefused;

/**
 * A submission's report: the student's own, or anyone's for staff, who also get the regrade and
 * override forms. Other students' submissions are answered exactly like missing ones (404).
 */
@Path("/submissions")
@Produces(MediaType.TEXT_HTML)
@CsrfProtected
public class ReportResource {
    private final Viewer viewer;
    private final Reports reports;
    private final SubmissionService submissions;
    private final ErrorPages errors;
    private final ReviewDesk desk;

    public ReportResource(Viewer viewer, Reports reports, SubmissionService submissions, ErrorPages errors,
                          ReviewDesk desk) {
        this.viewer = viewer;
        this.reports = reports;
        this.submissions = submissions;
        this.errors = errors;
        this.desk = desk;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(ReportView report, boolean staff, String notice, String problem,
                                              String scoreInput, String commentInput, ReviewSection review);
    }

    @GET
    @Path("{id}")
    public TemplateInstance report(@PathParam("id") long id, @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "regrade" -> "Queued for grading again. The earlier grade stays in the history.";
            case "override" -> "The grade override is saved; the automatic grade is kept beside it.";
            case "review-request" -> "Your request is sent: a grader will look at this submission.";
            case "accepted" -> "Accepted: the submission is out of the review queue.";
            default -> null;
        };
        ReportView report = reports.view(id, viewer);
        return Templates.report(report, viewer.staff(), notice, null, "", "", ReviewSection.of(desk, id, viewer));
    }

    @POST
    @Path("{id}/regrade")
    public Response regrade(@PathParam("id") long id) {
        requireStaff(id);
        submissions.regrade(id);
        return Response.seeOther(URI.create("/submissions/" + id + "?done=regrade")).build();
    }

    @POST
    @Path("{id}/grade")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response override(@PathParam("id") long id, @RestForm("score") String score,
                             @RestForm("comment") String comment) {
        requireStaff(id);
        try {
            double value;
            try {
                value = Double.parseDouble(score == null ? "" : score.trim().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new UploadRefused("The score must be a number, like 42 or 42.5.", false);
            }
            submissions.override(id, value, comment, viewer.name());
            return Response.seeOther(URI.create("/submissions/" + id + "?done=override")).build();
        } catch (UploadRefused e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(Templates.report(reports.view(id, viewer),
                    true, null, e.getMessage(), score == null ? "" : score, comment == null ? "" : comment,
                    ReviewSection.of(desk, id, viewer))).build();
        }
    }

    /** A student asking for a staff action on a submission gets the same 404 as for anything not theirs. */
    private void requireStaff(long id) {
        if (!viewer.staff()) {
            reports.view(id, viewer); // 404 when not theirs
            throw new PageForbidden();
        }
    }

    @ServerExceptionMapper
    public Response error(Exception e) {
        return errors.of(e);
    }

    /** Reads a submission for the viewer inside a transaction. */
    @ApplicationScoped
    public static class Reports {
        private final JobQueue queue;

        public Reports(JobQueue queue) {
            this.queue = queue;
        }

        @Transactional
        public ReportView view(long id, Viewer viewer) {
            Submission s = Submission.<Submission>findByIdOptional(id).orElseThrow(() -> new UnknownSubmission(id));
            if (!viewer.staff() && !s.student.username.equals(viewer.name())) {
                throw new UnknownSubmission(id);
            }
            SubmissionView view = SubmissionView.of(s, Submission.QUEUED.equals(s.status) ? queue.waitOf(s.id) : null);
            Submission newer = s.supersededBy == null ? null : Submission.findById(s.supersededBy);
            return ReportView.of(viewer.staff() ? view : view.forStudent(Concealment.forStudent(s)),
                    newer == null ? null : new ReportView.Superseded(newer.id, newer.attempt));
        }
    }
}
