package org.paragrade.review;

import java.time.Instant;
import java.util.List;

/**
 * A grader's decision on a submission's review item, as staff see it.
 *
 * @param reasons the reasons it closed
 */
public record ReviewDecisionView(long id, long submission, String action, String comment, String by, Instant at,
                                 List<String> reasons) {
    static ReviewDecisionView of(ReviewDecision d) {
        return new ReviewDecisionView(d.id, d.submissionId, d.action, d.comment,
                d.author == null ? null : d.author.username, d.createdAt, d.reasons());
    }
}
