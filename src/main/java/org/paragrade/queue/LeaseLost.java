package org.paragrade.queue;

/** The job is no longer ours (lease expired and another worker took it): our result must be dropped. */
public class LeaseLost extends RuntimeException {
    public LeaseLost(Claim claim) {
        super("Lease of job " + claim.jobId() + " attempt " + claim.attempt() + " lost by " + claim.owner());
    }
}
