package org.paragrade.review;

import java.time.Instant;

/**
 * The state of a student's review request on one submission: {@code none} (never asked), {@code open}
 * (waiting for a grader) or {@code closed} (a grader looked and closed the item); the newest request.
 *
 * @param mayAsk whether the caller may send a new request now
 */
public record ReviewRequestState(long submission, String state, String message, Instant askedAt, Instant closedAt,
                                 String closedBy, boolean mayAsk) {
    public static final String NONE = "none";
    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    public boolean open() {
        return OPEN.equals(state);
    }

    public boolean closed() {
        return CLOSED.equals(state);
    }
}
