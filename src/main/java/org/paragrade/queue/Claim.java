package org.paragrade.queue;

/**
 * A job held by this worker: the fence (owner + attempt) every later write must present. A job grades
 * {@code submissionId} or, when {@code validationId} is set, validates that bundle (then submissionId is 0).
 */
public record Claim(long jobId, long submissionId, int attempt, String owner, Long validationId) {
    public Claim(long jobId, long submissionId, int attempt, String owner) {
        this(jobId, submissionId, attempt, owner, null);
    }

    public boolean validation() {
        return validationId != null;
    }
}
