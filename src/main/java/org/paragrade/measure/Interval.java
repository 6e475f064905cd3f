package org.paragrade.measure;

import java.util.Locale;

/**
 * An estimate with its confidence interval, e.g. a speed-up of "1.46× (1.39–1.52)".
 *
 * @param estimate the median of the paired per-round values
 * @param low      lower end of the interval
 * @param high     upper end of the interval
 * @param coverage probability that the interval covers the true median (distribution-free,
 *                 binomial); {@value Statistics#CONFIDENCE} once there are at least
 *                 {@value Statistics#RUNS_FOR_CONFIDENCE} values, less with fewer
 * @param count    number of paired values behind it
 */
public record Interval(double estimate, double low, double high, double coverage, int count) {

    public Interval {
        if (!(low <= estimate && estimate <= high)) {
            throw new IllegalArgumentException("need low <= estimate <= high, got " + low + ", " + estimate + ", " + high);
        }
        if (count < 1) throw new IllegalArgumentException("count must be >= 1");
    }

    /** An exact value (no uncertainty), e.g. a cap imposed by the physics. */
    public static Interval exactly(double value) {
        return new Interval(value, value, value, 1.0, 1);
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** The interval reaches the promised confidence (enough values). */
    public boolean confident() {
        return coverage >= Statistics.CONFIDENCE;
    }

    /** Half the width relative to the estimate: 0.05 for 1.00 (0.95–1.05). */
    public double relativeHalfWidth() {
        return estimate > 0 ? (high - low) / 2 / estimate : Double.POSITIVE_INFINITY;
    }

    /** Each end (and the estimate) passed through a monotone increasing function. */
    public Interval map(java.util.function.DoubleUnaryOperator f) {
        return new Interval(f.applyAsDouble(estimate), f.applyAsDouble(low), f.applyAsDouble(high), coverage, count);
    }

    /** "1.46× (1.39–1.52)". */
    public String describe() {
        return String.format(Locale.ROOT, "%.2f× (%.2f–%.2f)", estimate, low, high);
    }
}
