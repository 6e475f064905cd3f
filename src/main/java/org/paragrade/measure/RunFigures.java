package org.paragrade.measure;

/**
 * The figures of one variant at one worker count, over all its runs.
 *
 * @param wallMs         wall time: median, min, max (and the median's interval)
 * @param cpuMs          median CPU time of the whole process tree
 * @param cpuUtilisation median over runs of CPU time / wall time: cores kept busy on average
 * @param speedup        median over rounds of the sequential reference's wall / this wall in the same round
 *                       (paired ratios); null without a sequential run in any of this cell's rounds
 * @param speedupInterval the speed-up's {@value Statistics#CONFIDENCE} interval; null with the speed-up
 * @param selfSpeedup    same variant's 1-worker wall / this wall (as a ratio of the two paired speed-ups when
 *                       both have them); null without a 1-worker run
 * @param efficiency     speedup / workers; null when speedup is null
 * @param karpFlatt      experimentally determined serial fraction (1/s - 1/p) / (1 - 1/p) from the self
 *                       speed-up s at p workers; null at p = 1. Near 0: scales perfectly; near 1: serial;
 *                       negative: faster than linear (the workers overlap waiting, not computing)
 * @param maxThreads     peak threads over the runs
 * @param maxProcesses   peak processes over the runs
 * @param peakMemoryMb   peak memory over the runs
 * @param samples        number of runs
 * @param concurrentRequests the most requests in flight the checker's service saw over the runs (its own
 *                       count, outside the student's process); null when the checker serves none
 */
public record RunFigures(RunVariant variant, int workers, Spread wallMs, double cpuMs, double cpuUtilisation,
                         Double speedup, Interval speedupInterval, Double selfSpeedup, Double efficiency, Double karpFlatt,
                         int maxThreads, int maxProcesses, double peakMemoryMb, int samples,
                         Integer concurrentRequests) {

    public Trial trial() {
        return new Trial(variant, workers);
    }

    /** Karp–Flatt metric for self speed-up {@code s} at {@code p} workers; null when undefined. */
    static Double karpFlatt(Double s, int p) {
        if (s == null || p <= 1 || !(s > 0)) return null;
        return (1.0 / s - 1.0 / p) / (1.0 - 1.0 / p);
    }
}
