package org.paragrade.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.paragrade.report.SubmissionView;
import org.paragrade.submission.Submission;

/** A submission as one line of a list. {@code score} is the effective score (an override wins). */
public record SubmissionRow(long id, String student, int attempt, String status, String verdict, Double score,
                            Double maxScore, Double speedup, boolean overridden, Instant createdAt) {

    public boolean active() {
        return Submission.QUEUED.equals(status) || Submission.RUNNING.equals(status);
    }

    static SubmissionRow of(Submission s) {
        JsonNode n = SubmissionView.summary(s);
        JsonNode sp = n.path("studentSpeedup");
        Double score = n.path("score").isNumber() ? n.path("score").asDouble() : null;
        boolean overridden = score != null && (s.score == null || Double.compare(score, s.score) != 0);
        return new SubmissionRow(s.id, s.student.username, s.attempt, s.status, s.verdict, score,
                s.maxScore != null ? s.maxScore : s.version.manifest().scoring().max(),
                sp.isNumber() ? sp.asDouble() : null, overridden, s.createdAt);
    }
}
