package org.paragrade.audit;

/** What a staff member did that a grade, a deadline or a course's people depend on. */
public enum AuditAction {
    /** One submission graded again. */
    REGRADE("regrade"),
    /** Every student's kept submission of an exercise graded again. */
    REGRADE_ALL("regrade-all"),
    /** A grader's score kept beside the automatic grade. */
    OVERRIDE("grade override"),
    /** A review item closed at the graders' desk. */
    REVIEW_ACCEPT("review accepted"),
    /** The deadline or late window of an offer, or an exercise's own deadline. */
    DEADLINE_CHANGE("deadline change"),
    /** One student's deadline moved. */
    EXTENSION("extension"),
    /** A course offers an exercise, or changes its penalty, attempts or release. */
    OFFER_CHANGE("offer change"),
    /** An exercise published or hidden. */
    PUBLISH("publish"),
    /** An exercise's attempt limit. */
    EXERCISE_SETTINGS("exercise settings"),
    /** A roster imported into a course. */
    ROSTER_IMPORT("roster import"),
    /** A member's role in a course changed. */
    MEMBER_ROLE("member role"),
    /**
     * An uploaded bundle that passed its validation: a new exercise, or a new version of one (recorded when it
     * is stored, possibly on a worker long after the upload, under the name of the instructor who uploaded it).
     */
    BUNDLE_UPLOAD("bundle upload"),
    /** The browser editor's new limits (and statement), once the edited bundle passed its validation. */
    LIMITS_EDIT("limits edit"),
    /** A course created, with its code, title and time zone. */
    COURSE_CREATE("course created");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    /** In the course's words, for the portal. */
    public String label() {
        return label;
    }
}
