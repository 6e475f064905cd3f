package org.paragrade.grading;

/** Our failure (sandbox would not start, a trusted reference failed): retried, never the student's verdict. */
public class InfrastructureFailure extends RuntimeException {
    public InfrastructureFailure(String message) {
        super(message);
    }

    public InfrastructureFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
