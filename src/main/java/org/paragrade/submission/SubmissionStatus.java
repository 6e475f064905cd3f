package org.paragrade.submission;

/**
 * Where a submission is in its life: waiting, being graded, graded, failed on our side, or replaced
 * by the student's newer upload while it was still waiting (never graded, not an attempt).
 */
public enum SubmissionStatus {
    QUEUED, RUNNING, GRADED, ERROR, SUPERSEDED;

    /** Still waiting for or in its grading. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
