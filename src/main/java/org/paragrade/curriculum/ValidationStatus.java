package org.paragrade.curriculum;

/** Where a bundle's validation is: waiting for a worker, running, passed (it is a version now) or failed (it is not). */
public enum ValidationStatus {
    QUEUED, RUNNING, PASSED, FAILED;

    public boolean finished() {
        return this == PASSED || this == FAILED;
    }
}
