package org.paragrade.authoring;

/** No validation with that id for that exercise: answered 404. */
public class UnknownValidation extends RuntimeException {
    public UnknownValidation(String slug, long id) {
        super("There is no validation " + id + " of a bundle for '" + slug + "'.");
    }
}
