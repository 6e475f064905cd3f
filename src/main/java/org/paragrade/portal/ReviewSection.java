package org.paragrade.portal;

import org.paragrade.review.ReviewDesk;
import org.paragrade.review.ReviewState;

/**
 * The report page's review section: the desk's state of the submission (for staff its reasons and
 * decisions, for its student their request), and a refused request's problem and message to show again.
 */
public record ReviewSection(ReviewState state, String problem, String messageInput) {
    static ReviewSection of(ReviewState state) {
        return new ReviewSection(state, null, "");
    }

    static ReviewSection refused(ReviewDesk desk, long id, Viewer viewer, String problem, String message) {
        return new ReviewSection(desk.state(id, ReviewPages.who(viewer)), problem, message == null ? "" : message);
    }
}
