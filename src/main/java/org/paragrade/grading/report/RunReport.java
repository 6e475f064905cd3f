package org.paragrade.grading.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.paragrade.measure.RunFigures;
import org.paragrade.measure.RunVariant;

/**
 * One cell of the benchmark (a variant at a worker count) as the report shows it, rounded for reading:
 * times to 0.1 ms, ratios to 0.01. See {@link RunFigures} for what each figure means. {@code concurrentRequests}
 * is absent in reports stored before the checkers' services counted. {@code interpreter} is the id of the interpreter
 * the cell ran on (absent in reports stored before several interpreters existed: the server's default).
 */
public record RunReport(RunVariant variant, int workers, Wall wallMs, double cpuMs, double cpuUtilisation,
                        Double speedup, Double selfSpeedup, Double efficiency, Double karpFlatt, int maxThreads,
                        int maxProcesses, double peakMemoryMb, int samples, Integer concurrentRequests,
                        String interpreter) {

    public RunReport(RunVariant variant, int workers, Wall wallMs, double cpuMs, double cpuUtilisation,
                     Double speedup, Double selfSpeedup, Double efficiency, Double karpFlatt, int maxThreads,
                     int maxProcesses, double peakMemoryMb, int samples, Integer concurrentRequests) {
        this(variant, workers, wallMs, cpuMs, cpuUtilisation, speedup, selfSpeedup, efficiency, karpFlatt, maxThreads,
                maxProcesses, peakMemoryMb, samples, concurrentRequests, null);
    }

    /** Wall time over the cell's runs. */
    public record Wall(double median, double min, double max) {
        /** Reports written before the spread was kept stored the median alone. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Wall ofMedian(double median) {
            return new Wall(median, median, median);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static Wall of(@com.fasterxml.jackson.annotation.JsonProperty("median") double median,
                       @com.fasterxml.jackson.annotation.JsonProperty("min") double min,
                       @com.fasterxml.jackson.annotation.JsonProperty("max") double max) {
            return new Wall(median, min, max);
        }
    }

    public static RunReport of(RunFigures f) {
        return of(f, null);
    }

    /** A cell measured on the interpreter {@code interpreter} (its id). */
    public static RunReport of(RunFigures f, String interpreter) {
        return new RunReport(f.variant(), f.workers(),
                new Wall(r1(f.wallMs().median()), r1(f.wallMs().min()), r1(f.wallMs().max())), r1(f.cpuMs()),
                r2(f.cpuUtilisation()), r2(f.speedup()), r2(f.selfSpeedup()), r2(f.efficiency()), r2(f.karpFlatt()),
                f.maxThreads(), f.maxProcesses(), r1(f.peakMemoryMb()), f.samples(), f.concurrentRequests(), interpreter);
    }

    static double r1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Two decimals; absent (and not NaN or infinite) when the figure is undefined. */
    public static Double r2(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : Math.round(v * 100) / 100.0;
    }
}
