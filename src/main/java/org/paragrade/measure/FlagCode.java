package org.paragrade.measure;

/**
 * Why a grade carries a flag ({@code flags[].code} in the submission JSON). A physics flag means the
 * machine rules the measured result out: the run earns no performance or behaviour points and the
 * grade goes to review.
 */
public enum FlagCode {
    /** A CPU-bound run used far less CPU time than the sequential reference needs for the same work. */
    TOO_FAST_FOR_ITS_CPU(true),
    /** More speed-up than the cores and the run's own work can give. */
    FASTER_THAN_CORES(true),
    /** A CPU-bound run did clearly less work than any trial division: a grader looks (points kept). */
    LESS_WORK_THAN_REFERENCE(false),
    /** More processes or threads than {@code workers} allows, beyond the slack for pool helpers. */
    IGNORES_WORKERS(true),
    /**
     * Found by the scan of the submitted source (not raised in this package): the grade is sent to review
     * but keeps its points, since the scan reads code, not what the code did.
     */
    TAMPERING(false),
    /** The supervisor's figures exceed what the server measured itself (not raised in this package). */
    FIGURES_CONTRADICT_HOST(true),
    /** The benchmark ran while something else kept the machine busy; the grade says so. */
    NOISY_MACHINE(false),
    /** The score's interval stayed wider than the stopping rule allows up to the round cap. */
    UNSTABLE_MEASUREMENT(false);

    private final boolean physics;

    FlagCode(boolean physics) {
        this.physics = physics;
    }

    /** The flagged result is ruled out: no performance or behaviour points for it. */
    public boolean withholdsPoints() {
        return physics;
    }
}
