package org.paragrade.portal;

import java.time.Instant;
import org.paragrade.report.SubmissionView;
import org.paragrade.submission.Submission;

/** A submission as one line of a list. {@code score} is the effective score (an override wins). */
public record SubmissionRow(long id, String student, int attempt, String status, String verdict, Double score,
                            Double maxScore, Double speedup, boolean overridden, Instant createdAt) {

    public boolean active() {
        return org.paragrade.submission.SubmissionStatus.valueOf(status).active();
    }

    static SubmissionRow of(Submission s) {
        return of(s, SubmissionView.Summary.of(s));
    }

    /** The student's own line: no score while their course releases scores only after the deadline. */
    static SubmissionRow ofStudent(Submission s) {
        return of(s, SubmissionView.Summary.of(s).forStudent(org.paragrade.report.Concealment.forStudent(s)));
    }

    private static SubmissionRow of(Submission s, SubmissionView.Summary n) {
        return new SubmissionRow(s.id, s.student.username, s.attempt, n.status(), n.verdict(), n.score(), n.maxScore(),
                n.studentSpeedup(), n.overridden(), s.createdAt);
    }
}
