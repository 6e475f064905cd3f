package org.paragrade.grading.report;

import java.util.List;
import org.paragrade.measure.Behaviour;
import org.paragrade.measure.ExpectedModel;

/**
 * The benchmark as the report shows it. {@code studentSpeedup} and {@code referenceSpeedup} are taken at
 * the largest worker count (the design's contract); the score is taken at {@code scoredAtWorkers}.
 *
 * @param rounds          the rounds every cell was measured at least
 * @param accounting      how CPU time and limits were measured ("cgroup v1", ...)
 * @param studentSpeedupInterval   95% interval of the student's speed-up at the scoring point (may be absent)
 * @param referenceSpeedupInterval 95% interval of the reference's speed-up at the scoring point (may be absent)
 * @param contention      what else the machine did during the benchmark (may be absent)
 * @param evidence        which evidence decided the credited speed-up, in words
 * @param workload        the benchmark's arguments in this grading (drawn per grading where the exercise says)
 * @param batchSize       solutions benchmarked in the same session against the same reference runs (1: alone;
 *                        absent in reports made before batches)
 * @param interpreter     the id of the interpreter the score's figures come from (absent in reports made before
 *                        several interpreters: the default)
 * @param interpreters    when the exercise benchmarks on several interpreters: each one's figures at the scoring
 *                        point and what they show, the scored one first (empty otherwise); every run of each is in
 *                        {@code runs} with its {@code interpreter}
 * @param comparison      the difference between the interpreters in words, from the measured figures (absent with
 *                        one interpreter)
 */
public record PerformanceReport(int cores, boolean stable, int rounds, Double studentSpeedup, Double referenceSpeedup,
                                int largestWorkers, int scoredAtWorkers, ExpectedModel expectedModel,
                                Behaviour behaviour, String behaviourLabel, Boolean matchesExpected,
                                String explanation, String accounting, List<RunReport> runs,
                                Interval studentSpeedupInterval, Interval referenceSpeedupInterval,
                                Contention contention, String evidence, java.util.Map<String, Object> workload,
                                Integer batchSize, String interpreter, List<InterpreterFigures> interpreters,
                                String comparison) {

    public PerformanceReport {
        runs = runs == null ? List.of() : List.copyOf(runs);
        interpreters = interpreters == null ? List.of() : List.copyOf(interpreters);
    }

    public PerformanceReport(int cores, boolean stable, int rounds, Double studentSpeedup, Double referenceSpeedup,
                             int largestWorkers, int scoredAtWorkers, ExpectedModel expectedModel,
                             Behaviour behaviour, String behaviourLabel, Boolean matchesExpected,
                             String explanation, String accounting, List<RunReport> runs,
                             Interval studentSpeedupInterval, Interval referenceSpeedupInterval,
                             Contention contention, String evidence, java.util.Map<String, Object> workload,
                             Integer batchSize) {
        this(cores, stable, rounds, studentSpeedup, referenceSpeedup, largestWorkers, scoredAtWorkers, expectedModel,
                behaviour, behaviourLabel, matchesExpected, explanation, accounting, runs, studentSpeedupInterval,
                referenceSpeedupInterval, contention, evidence, workload, batchSize, null, List.of(), null);
    }

    /**
     * One interpreter's benchmark at the scoring point.
     *
     * @param scored          the score's performance part comes from this one
     * @param studentSpeedup  the student's speed-up against this interpreter's own sequential reference
     * @param studentCores    cores the student's run kept busy
     * @param threadsSpeedup  the threads reference's speed-up (absent when the exercise has none)
     * @param threadsCores    cores the threads reference kept busy
     * @param explanation     the behaviour on this interpreter, in words
     */
    public record InterpreterFigures(String id, String label, String version, boolean freeThreaded,
                                     boolean gilEnabled, boolean scored, Double studentSpeedup, Double studentCores,
                                     Double threadsSpeedup, Double threadsCores, Behaviour behaviour,
                                     String explanation) {
    }

    /** A 95% interval. */
    public record Interval(double low, double high) {
    }

    /**
     * What else the machine did while the benchmark ran.
     *
     * @param neighbourCores cores others kept busy on average (host busy CPU minus the runs' own cgroups')
     * @param stealShare     share of the CPU time stolen by the hypervisor
     * @param busy           above what a quiet grading allows (the grade then carries NOISY_MACHINE)
     * @param description    the same in words
     */
    public record Contention(double neighbourCores, double stealShare, boolean busy, String description) {
    }
}
