package org.paragrade.authoring;

/** A new bundle whose slug is taken: answered 409; the instructor replaces that exercise's bundle instead. */
public class ExerciseExists extends RuntimeException {
    private final String slug;

    public ExerciseExists(String slug) {
        super("An exercise called '" + slug + "' exists already; upload the bundle as a new version of '" + slug
                + "' instead.");
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
