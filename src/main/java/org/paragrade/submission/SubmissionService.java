package org.paragrade.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.paragrade.account.Account;
import org.paragrade.audit.AuditAction;
import org.paragrade.audit.AuditTrail;
import org.paragrade.queue.GradingJob;
import org.paragrade.queue.JobQueue;

/** Regrades and grade overrides, by the staff of the submission's course (uploads: {@link SolutionUpload}). */
@ApplicationScoped
@Transactional
public class SubmissionService {
    private final JobQueue queue;
    private final SubmissionAccess access;
    private final AuditTrail audit;

    public SubmissionService(JobQueue queue, SubmissionAccess access, AuditTrail audit) {
        this.queue = queue;
        this.access = access;
        this.audit = audit;
    }

    /**
     * Grades the submission again; the earlier automatic grades stay in the history, and the new one names
     * who asked for it.
     *
     * @throws UnknownSubmission when {@code graderName} may not see it; NotCourseStaff when it is their own
     */
    public Submission regrade(long id, String graderName) {
        Submission s = access.requireGradable(id, graderName);
        String was = s.verdict == null ? String.valueOf(s.status) : s.verdict + (s.score == null ? "" : " " + fmt(s.score)
                + (s.maxScore == null ? "" : " / " + fmt(s.maxScore)));
        s.status = Submission.QUEUED;
        s.progressPhase = "queued";
        s.progressDone = 0;
        s.progressTotal = 0;
        Account grader = Account.findByUsername(graderName).orElseThrow();
        // One waiting grading per submission: a regrade of one still waiting joins that job (at a staff
        // request's priority, naming who asked) rather than grading the same files twice in a row.
        queue.waiting(s.id).ifPresentOrElse(job -> {
            job.priority = Math.min(job.priority, GradingJob.PRIORITY_STUDENT);
            job.requestedBy = grader.id;
        }, () -> queue.enqueue(s.id, new JobQueue.Request(GradingJob.PRIORITY_STUDENT, null, grader.id, null)));
        audit.record(graderName, courseId(s), AuditAction.REGRADE, subject(s), "Regrade of " + s.student.username
                + "'s submission #" + s.id + " (" + s.exercise.slug + ", attempt " + s.attempt + ", version "
                + s.version.version + "); it was " + was + ".");
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
        String before = Grade.currentOverride(s.id).map(o -> fmt(o.score) + " (override)")
                .orElse(s.score == null ? "no score" : fmt(s.score) + " (automatic)");
        g.author = Account.findByUsername(graderName).orElse(null);
        g.persist();
        audit.record(graderName, courseId(s), AuditAction.OVERRIDE, subject(s), "Score of " + s.student.username
                + "'s submission #" + s.id + " (" + s.exercise.slug + "): " + before + " → " + fmt(score) + " / "
                + fmt(max) + ". Comment: " + g.comment);
        return g;
    }

    private static Long courseId(Submission s) {
        return s.course == null ? null : s.course.id;
    }

    private static AuditTrail.Subject subject(Submission s) {
        return new AuditTrail.Subject(s.id, s.exercise.slug, s.student.username);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

}
