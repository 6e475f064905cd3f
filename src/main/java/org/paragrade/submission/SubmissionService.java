package org.paragrade.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.paragrade.account.Account;
import org.paragrade.queue.JobQueue;

/** Regrades and grade overrides, by the staff of the submission's course (uploads: {@link SolutionUpload}). */
@ApplicationScoped
@Transactional
public class SubmissionService {
    private final JobQueue queue;
    private final SubmissionAccess access;

    public SubmissionService(JobQueue queue, SubmissionAccess access) {
        this.queue = queue;
        this.access = access;
    }

    /**
     * Grades the submission again; the earlier automatic grades stay in the history.
     *
     * @throws UnknownSubmission when {@code graderName} may not see it; NotCourseStaff when it is their own
     */
    public Submission regrade(long id, String graderName) {
        Submission s = access.requireGradable(id, graderName);
        s.status = Submission.QUEUED;
        s.progressPhase = "queued";
        s.progressDone = 0;
        s.progressTotal = 0;
        queue.enqueue(s.id);
        return s;
    }

    /** A grader's score, kept beside the automatic grade (which is not changed). */
    public Grade override(long id, double score, String comment, String graderName) {
        Submission s = access.requireGradable(id, graderName);
        double max = s.maxScore != null ? s.maxScore : s.version.manifest().scoring().max();
        if (Double.isNaN(score) || score < 0 || score > max) {
            throw new UploadRefused("The score must be between 0 and " + fmt(max) + ".", false);
        }
        if (comment == null || comment.isBlank()) {
            throw new UploadRefused("Say why in a comment: the student will read it.", false);
        }
        Grade g = new Grade();
        g.submissionId = s.id;
        g.kind = Grade.OVERRIDE;
        g.score = score;
        g.maxScore = max;
        g.verdict = s.verdict;
        g.comment = comment.strip();
        g.author = Account.findByUsername(graderName).orElse(null);
        g.persist();
        return g;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

}
