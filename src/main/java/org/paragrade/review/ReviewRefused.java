package org.paragrade.review;

/**
 * A review action that cannot be done: 400 for a request that cannot be used (a bad message or action),
 * 409 for one that the submission's state does not allow (a request already open, nothing to accept).
 */
public class ReviewRefused extends RuntimeException {
    private final boolean conflict;

    private ReviewRefused(String message, boolean conflict) {
        super(message);
        this.conflict = conflict;
    }

    public static ReviewRefused badRequest(String message) {
        return new ReviewRefused(message, false);
    }

    public static ReviewRefused conflict(String message) {
        return new ReviewRefused(message, true);
    }

    public int status() {
        return conflict ? 409 : 400;
    }
}
