package org.paragrade.measure;

/**
 * The wall times of one benchmark cell, summarised.
 *
 * <p>{@link #relativeSpread()} is the width of a distribution-free confidence interval for the
 * median ({@code intervalLow..intervalHigh}, order statistics chosen so that it covers the true
 * median with probability at least 75%), divided by the median. For up to 5 runs this is exactly
 * {@code (max - min) / median}: with so few runs every run counts. From 6 runs on the interval
 * drops the extreme runs, so a single stray run (a hiccup of the machine) no longer keeps a cell
 * unstable forever, and more rounds narrow it. It measures what we grade — how well the median is
 * pinned down — not whether every run agreed.
 *
 * @param intervalLow  lower end of the median's confidence interval (= min for 5 runs or fewer)
 * @param intervalHigh upper end of the median's confidence interval (= max for 5 runs or fewer)
 * @param count        number of runs summarised
 */
public record Spread(double median, double min, double max,
                     double intervalLow, double intervalHigh, int count) {

    public Spread {
        if (!(min <= median && median <= max)) {
            throw new IllegalArgumentException("need min <= median <= max, got " + min + ", " + median + ", " + max);
        }
        if (!(min <= intervalLow && intervalLow <= intervalHigh && intervalHigh <= max)) {
            throw new IllegalArgumentException("interval must lie within [min, max]");
        }
        if (count < 1) throw new IllegalArgumentException("count must be >= 1");
    }

    /** A spread known only by its median and range (treated like a handful of runs). */
    public Spread(double median, double min, double max) {
        this(median, min, max, min, max, 3);
    }

    /** Summarises the given values (at least one). */
    public static Spread of(java.util.Collection<Double> values) {
        return Statistics.spread(values);
    }

    /** Width of the median's confidence interval relative to the median; 0 for identical runs. */
    public double relativeSpread() {
        double width = intervalHigh - intervalLow;
        if (width == 0) return 0.0;
        return median > 0 ? width / median : Double.POSITIVE_INFINITY;
    }
}
