package org.paragrade.submission;

/** Where a submission is in its life: waiting, being graded, graded, or failed on our side. */
public enum SubmissionStatus {
    QUEUED, RUNNING, GRADED, ERROR;

    /** Still waiting for or in its grading. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
