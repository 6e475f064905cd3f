package org.paragrade.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.paragrade.grading.report.GradingReport;
import org.paragrade.grading.report.ReportCodec;
import org.paragrade.portal.PortalFixtures;
import org.paragrade.submission.Submission;
import org.paragrade.submission.Verdict;

/**
 * Gradings for desk tests where no engine runs: what {@code RecordStage} writes for an internal error, and
 * a later grading of the same submission (a regrade's result), stored directly as {@link PortalFixtures} does.
 */
@ApplicationScoped
public class ReviewFixtures {
    /** A flagged report: the engine's physics flag on an otherwise full report. */
    public static final String FLAGGED = PortalFixtures.FULL_REPORT.replace("\"feedback\":",
            "\"flags\": [{\"code\": \"TOO_FAST_FOR_ITS_CPU\", \"message\": \"2 workers used 0.1 s of CPU where the "
                    + "sequential reference needs 0.8 s.\"}], \"feedback\":");
    /** An unstable measurement. */
    public static final String UNSTABLE = PortalFixtures.FULL_REPORT.replace("\"stable\": true", "\"stable\": false");

    private final PortalFixtures portal;

    public ReviewFixtures(PortalFixtures portal) {
        this.portal = portal;
    }

    /** An upload whose grading failed on our side, as the worker records it once its attempts are used up. */
    @Transactional
    public long internalError(String slug, String student, String why) {
        long id = portal.upload(slug, student);
        Submission s = Submission.findById(id);
        s.status = Submission.ERROR;
        s.verdict = Verdict.INTERNAL_ERROR;
        s.progressPhase = "failed";
        s.report = ReportCodec.write(GradingReport.internalError(why));
        s.gradedAt = Instant.now();
        Submission.getEntityManager().createNativeQuery("update grading_job set state = 'DEAD' where submission_id = :id")
                .setParameter("id", id).executeUpdate();
        return id;
    }

    /** A new grading of the submission with this report (what a regrade ends in). */
    @Transactional
    public void regraded(long id, String report) {
        Submission s = Submission.findById(id);
        s.status = Submission.GRADED;
        s.verdict = Verdict.WRONG_ANSWER;
        s.report = report;
        s.gradedAt = Instant.now().plusMillis(5);
    }
}
