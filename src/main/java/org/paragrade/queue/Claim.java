package org.paragrade.queue;

/** A job held by this worker: the fence (owner + attempt) every later write must present. */
public record Claim(long jobId, long submissionId, int attempt, String owner) {
}
