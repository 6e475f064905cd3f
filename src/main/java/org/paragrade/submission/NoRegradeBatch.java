package org.paragrade.submission;

/** A regrade-all's state was asked for where none was ever started: answered 404. */
public class NoRegradeBatch extends RuntimeException {
    public NoRegradeBatch(String slug, String course) {
        super("No regrade-all of '" + slug + "'" + (course == null ? "" : " in " + course)
                + " has been asked for yet.");
    }
}
