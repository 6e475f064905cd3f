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
import org.paragrade.submission.SubmissionAccess;
import org.paragrade.submission.SubmissionService;
import org.paragrade.submission.UploadRefused;

/**
 * A submission's report: the student's own, or one of their courses' for its staff (site staff: any),
 * who also get the regrade and override forms ({@link SubmissionAccess}). Other students' submissions
 * are answered exactly like missing ones (404).
 */
@Path("/submissions")
@Produces(MediaType.TEXT_HTML)
@CsrfProtected
public class ReportResource {
    private final Viewer viewer;
    private final Reports reports;
    private final SubmissionService submissions;
    private final SubmissionAccess access;
    private final ErrorPages errors;
    private final ReviewDesk desk;

    public ReportResource(Viewer viewer, Reports reports, SubmissionService submissions, SubmissionAccess access,
                          ErrorPages errors, ReviewDesk desk) {
        this.viewer = viewer;
        this.reports = reports;
        this.submissions = submissions;
        this.access = access;
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
        Reports.Shown shown = reports.view(id, viewer.name());
        return Templates.report(shown.report(), shown.staff(), notice, null, "", "", ReviewSection.of(desk, id, viewer));
    }

    @POST
    @Path("{id}/regrade")
    public Response regrade(@PathParam("id") long id) {
        submissions.regrade(id, viewer.name());
        return Response.seeOther(URI.create("/submissions/" + id + "?done=regrade")).build();
    }

    @POST
    @Path("{id}/grade")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response override(@PathParam("id") long id, @RestForm("score") String score,
                             @RestForm("comment") String comment) {
        access.requireGradable(id, viewer.name()); // before reading the form: 404 not theirs, 403 their own
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
            Reports.Shown shown = reports.view(id, viewer.name());
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(Templates.report(shown.report(),
                    shown.staff(), null, e.getMessage(), score == null ? "" : score, comment == null ? "" : comment,
                    ReviewSection.of(desk, id, viewer))).build();
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
        private final SubmissionAccess access;

        public Reports(JobQueue queue, SubmissionAccess access) {
            this.queue = queue;
            this.access = access;
        }

        /** The report as its viewer may see it; {@code staff}: with the student's name and the grader's forms. */
        public record Shown(ReportView report, boolean staff) {
        }

        @Transactional
        public Shown view(long id, String username) {
            SubmissionAccess.Seen seen = access.see(id, username);
            Submission s = seen.submission();
            SubmissionView view = SubmissionView.of(s, Submission.QUEUED.equals(s.status) ? queue.waitOf(s.id) : null);
            Submission newer = s.supersededBy == null ? null : Submission.findById(s.supersededBy);
            return new Shown(ReportView.of(seen.asStaff() ? view : view.forStudent(Concealment.forStudent(s)),
                    newer == null ? null : new ReportView.Superseded(newer.id, newer.attempt)), seen.asStaff());
        }
    }
}
