package org.paragrade.review;

import java.util.List;

/**
 * What the report page shows of the desk: to staff, the reasons it waits for (empty when not in the
 * queue) and every decision so far; to its student, their request. Both get the files' download.
 */
public record ReviewState(long submission, List<String> reasons, List<ReviewDecisionView> decisions,
                          ReviewRequestState request) {
    public boolean waiting() {
        return !reasons.isEmpty();
    }
}
