package org.paragrade.submission;

/** No such submission, or not yours: both answered 404, so ids reveal nothing. */
public class UnknownSubmission extends RuntimeException {
    public UnknownSubmission(long id) {
        super("There is no submission " + id + ".");
    }
}
