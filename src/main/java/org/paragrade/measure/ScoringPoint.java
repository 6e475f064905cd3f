package org.paragrade.measure;

import java.util.List;
import java.util.Objects;

/**
 * The worker count a grade is made at ({@code performance.scoredAtWorkers}). An exercise may name it
 * ({@code benchmark.scoreAt}); by default it is the largest benchmarked count not above the cores,
 * where a correct solution can show all the parallelism the machine has. It is declared before the
 * benchmark, never chosen from the results: choosing "where the reference gained most" made the
 * scoring point flip between gradings of the same solution.
 */
public final class ScoringPoint {

    private ScoringPoint() {
    }

    /**
     * @param declared     the exercise's {@code scoreAt}, or null; must be one of {@code workerCounts}
     * @param workerCounts the benchmark's worker counts (not empty)
     * @param cores        cores the benchmark has
     */
    public static int of(Integer declared, List<Integer> workerCounts, int cores) {
        if (declared == null) return defaultWorkers(workerCounts, cores);
        if (!workerCounts.contains(declared)) {
            throw new IllegalArgumentException("scoreAt " + declared + " is not a benchmarked worker count " + workerCounts);
        }
        return declared;
    }

    /**
     * The default for an exercise of this kind: on I/O the largest count (waits overlap far past the
     * cores, which is the lesson), otherwise {@link #defaultWorkers(List, int)}.
     */
    public static int defaultWorkers(Kind kind, List<Integer> workerCounts, int cores) {
        if (kind == Kind.IO) return workerCounts.stream().mapToInt(Integer::intValue).max().orElseThrow();
        return defaultWorkers(workerCounts, cores);
    }

    /** The exercise's declared count, else the default for its kind. */
    public static int of(Integer declared, Kind kind, List<Integer> workerCounts, int cores) {
        return declared == null ? defaultWorkers(kind, workerCounts, cores) : of(declared, workerCounts, cores);
    }

    /** The largest count not above {@code cores}; the smallest count when every count is above. */
    public static int defaultWorkers(List<Integer> workerCounts, int cores) {
        Objects.requireNonNull(workerCounts, "workerCounts");
        if (workerCounts.isEmpty()) throw new IllegalArgumentException("need at least one worker count");
        return workerCounts.stream().filter(w -> w <= cores).mapToInt(Integer::intValue).max()
                .orElseGet(() -> workerCounts.stream().mapToInt(Integer::intValue).min().orElseThrow());
    }
}
