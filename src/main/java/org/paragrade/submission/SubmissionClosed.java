package org.paragrade.submission;

/** Past the deadline or out of attempts: answered 409. */
public class SubmissionClosed extends RuntimeException {
    public SubmissionClosed(String message) {
        super(message);
    }
}
