package org.paragrade.measure;

import java.util.Collection;
import java.util.Objects;

/**
 * Order statistics for small samples: medians and distribution-free confidence intervals for them.
 *
 * <p>A median interval {@code [x(k), x(n+1-k)]} covers the true median with probability
 * {@code 1 - 2 P(B <= k-1)}, B ~ Binomial(n, 1/2), whatever the distribution of the values: no
 * normality is assumed, which matters for run times, whose noise is one-sided (a disturbed run is
 * slower, never faster; Chen &amp; Revels 2016) and heavy-tailed.
 */
public final class Statistics {

    /** Minimum probability that {@link Spread}'s interval covers the true median (a cell's steadiness). */
    static final double MEDIAN_INTERVAL_COVERAGE = 0.75;
    /** Confidence of every speed-up interval in a report. */
    public static final double CONFIDENCE = 0.95;
    /**
     * Fewest values whose extremes cover the median with {@link #CONFIDENCE}: with 6, [min, max]
     * covers it with probability 1 - 2/64 = 96.9%; with 5 only 93.8%.
     */
    public static final int RUNS_FOR_CONFIDENCE = 6;

    private Statistics() {
    }

    public static double median(Collection<Double> values) {
        double[] sorted = sorted(values);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    public static double min(Collection<Double> values) {
        return sorted(values)[0];
    }

    public static double max(Collection<Double> values) {
        double[] sorted = sorted(values);
        return sorted[sorted.length - 1];
    }

    /** Median, range and the median's confidence interval of the values (at least one). */
    public static Spread spread(Collection<Double> values) {
        double[] sorted = sorted(values);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        int k = medianIntervalRank(n);
        return new Spread(median, sorted[0], sorted[n - 1], sorted[k - 1], sorted[n - k], n);
    }

    /**
     * The largest rank {@code k} (1-based) such that the interval between the k-th smallest and the
     * k-th largest of {@code n} runs covers the true median with probability at least 75%
     * (binomial, distribution-free). 1 for n <= 5, 2 for n = 6..8, 3 for n = 9..10, ...
     */
    static int medianIntervalRank(int n) {
        return medianIntervalRank(n, MEDIAN_INTERVAL_COVERAGE);
    }

    /** The largest rank k whose interval [x(k), x(n+1-k)] covers the median with at least {@code confidence}; 1 at least. */
    static int medianIntervalRank(int n, double confidence) {
        if (n < 1) throw new IllegalArgumentException("need at least one value");
        int best = 1;
        for (int k = 1; k <= (n + 1) / 2; k++) {
            if (coverage(n, k) >= confidence) best = k;
        }
        return best;
    }

    /** Probability that [x(k), x(n+1-k)] of n values covers the true median. */
    static double coverage(int n, int k) {
        return 1 - 2 * binomialCdfHalf(n, k - 1);
    }

    /**
     * The median of the values and its {@link #CONFIDENCE} interval from order statistics. With fewer
     * than {@link #RUNS_FOR_CONFIDENCE} values the interval is [min, max] and its (lower) coverage is
     * said in {@link Interval#coverage()}.
     */
    public static Interval medianInterval(Collection<Double> values) {
        double[] sorted = sorted(values);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        int k = medianIntervalRank(n, CONFIDENCE);
        return new Interval(median, sorted[k - 1], sorted[n - k], n == 1 ? 0.0 : coverage(n, k), n);
    }

    private static double binomialCdfHalf(int n, int upTo) {
        double sum = 0;
        double term = Math.pow(0.5, n); // C(n,0) / 2^n
        for (int i = 0; i <= upTo; i++) {
            sum += term;
            term = term * (n - i) / (i + 1);
        }
        return sum;
    }

    private static double[] sorted(Collection<Double> values) {
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) throw new IllegalArgumentException("need at least one value");
        double[] array = new double[values.size()];
        int i = 0;
        for (Double v : values) {
            if (v == null || Double.isNaN(v)) throw new IllegalArgumentException("values must be numbers");
            array[i++] = v;
        }
        java.util.Arrays.sort(array);
        return array;
    }
}
