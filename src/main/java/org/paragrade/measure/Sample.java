package org.paragrade.measure;

import java.util.Objects;

/**
 * One benchmark run in a fresh process, as measured by the supervisor (never by student code).
 *
 * @param variant      the student's solution or a reference
 * @param workers      the worker count passed to the run
 * @param round        the interleaved round the run belonged to, counted from 0
 * @param wallMs       wall-clock time of the run
 * @param cpuMs        user + system CPU time of the whole process tree
 * @param maxThreads   peak threads seen (the main thread counts)
 * @param maxProcesses peak processes seen (the main process counts)
 * @param peakMemoryMb peak memory of the tree
 * @param concurrentRequests the checker's server-side peak of requests in flight during the run
 *                     (I/O exercises whose checker serves the requests), or null when it has none
 */
public record Sample(RunVariant variant, int workers, int round, double wallMs, double cpuMs,
                     int maxThreads, int maxProcesses, double peakMemoryMb, Integer concurrentRequests) {

    public Sample {
        Objects.requireNonNull(variant, "variant");
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, was " + workers);
        if (round < 0) throw new IllegalArgumentException("round must be >= 0, was " + round);
        requireMeasure("wallMs", wallMs);
        requireMeasure("cpuMs", cpuMs);
        requireMeasure("peakMemoryMb", peakMemoryMb);
        if (maxThreads < 0 || maxProcesses < 0) throw new IllegalArgumentException("counts must be >= 0");
        if (concurrentRequests != null && concurrentRequests < 0) throw new IllegalArgumentException("counts must be >= 0");
    }

    /** A run without a checker count of concurrent requests. */
    public Sample(RunVariant variant, int workers, int round, double wallMs, double cpuMs,
                  int maxThreads, int maxProcesses, double peakMemoryMb) {
        this(variant, workers, round, wallMs, cpuMs, maxThreads, maxProcesses, peakMemoryMb, null);
    }

    /** CPU time over wall time: how many cores this run kept busy on average. */
    public double cpuUtilisation() {
        return wallMs > 0 ? cpuMs / wallMs : 0.0;
    }

    public Trial trial() {
        return new Trial(variant, workers);
    }

    private static void requireMeasure(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
        }
    }
}
