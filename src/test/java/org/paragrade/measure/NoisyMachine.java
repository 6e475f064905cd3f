package org.paragrade.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Recorded-style benchmarks of primes on a shared 2-core machine, as measured on the development
 * machine: a bare run varies by about ±25% between rounds (a shared slow-down: frequency, a
 * neighbour), each run adds its own one-sided noise (a disturbed run is slower, never faster), and
 * CPU time moves far less than wall time. Seeded: the same seed gives the same samples.
 */
public final class NoisyMachine {

    /** What a cell does on a quiet machine: its wall and CPU time and its peak counts. */
    public record Truth(double wallMs, double cpuMs, int threads, int processes) {
    }

    public static final List<Integer> WORKERS = List.of(1, 2, 4);
    public static final int CORES = 2;

    private final Random random;
    private final double roundSwing;
    private final double runNoise;
    private final Map<Trial, Truth> truths = new HashMap<>();
    private final Map<Integer, Double> roundFactors = new HashMap<>();

    /**
     * @param roundSwing shared slow-down of a round, uniform in [1 - swing/2, 1 + swing] (0.2: ±25% overall)
     * @param runNoise   mean of each run's own exponential slow-down (0.03 on this machine)
     */
    public NoisyMachine(long seed, double roundSwing, double runNoise) {
        this.random = new Random(seed);
        this.roundSwing = roundSwing;
        this.runNoise = runNoise;
        references();
    }

    /** The development machine. */
    public static NoisyMachine typical(long seed) {
        return new NoisyMachine(seed, 0.2, 0.03);
    }

    private void references() {
        cell(RunVariant.SEQUENTIAL, 1, 1000, 990, 1, 1);
        cell(RunVariant.PROCESSES, 1, 1040, 1030, 2, 2);
        cell(RunVariant.PROCESSES, 2, 540, 1060, 4, 3);
        cell(RunVariant.PROCESSES, 4, 560, 1100, 6, 5);
        cell(RunVariant.THREADS, 1, 1010, 1000, 2, 1);
        cell(RunVariant.THREADS, 2, 1020, 1015, 3, 1);
        cell(RunVariant.THREADS, 4, 1030, 1025, 5, 1);
    }

    public NoisyMachine cell(RunVariant variant, int workers, double wallMs, double cpuMs, int threads, int processes) {
        truths.put(new Trial(variant, workers), new Truth(wallMs, cpuMs, threads, processes));
        return this;
    }

    /** The student's solution, the same at every worker count. */
    public NoisyMachine student(double wallMs, double cpuMs, int threads, int processes) {
        for (int w : WORKERS) cell(RunVariant.STUDENT, w, wallMs, cpuMs, threads, processes);
        return this;
    }

    /** A Pool.map solution: 1.79× at 2 workers, oversubscribed at 4. */
    public NoisyMachine processesStudent() {
        cell(RunVariant.STUDENT, 1, 1050, 1040, 2, 2);
        cell(RunVariant.STUDENT, 2, 560, 1080, 4, 3);
        return cell(RunVariant.STUDENT, 4, 575, 1120, 6, 5);
    }

    /** GIL-bound threads: about the sequential time on one core. */
    public NoisyMachine gilBoundThreads() {
        cell(RunVariant.STUDENT, 1, 1010, 1000, 2, 1);
        cell(RunVariant.STUDENT, 2, 1010, 1010, 3, 1);
        return cell(RunVariant.STUDENT, 4, 1020, 1020, 5, 1);
    }

    /** Threads around a cheaper is_prime: 0.7× the reference's CPU time, one core busy. */
    public NoisyMachine fasterAlgorithmThreads() {
        cell(RunVariant.STUDENT, 1, 700, 693, 2, 1);
        cell(RunVariant.STUDENT, 2, 705, 697, 3, 1);
        return cell(RunVariant.STUDENT, 4, 710, 700, 5, 1);
    }

    /** Returns the known count at once and starts {@code workers} processes that only sleep: 0.1 cores busy. */
    public NoisyMachine hardCodedSleeper() {
        cell(RunVariant.STUDENT, 1, 300, 30, 2, 2);
        cell(RunVariant.STUDENT, 2, 300, 30, 4, 3);
        return cell(RunVariant.STUDENT, 4, 300, 30, 6, 5);
    }

    /** The starter: one loop, workers ignored. */
    public NoisyMachine sequentialStudent() {
        return student(1000, 990, 1, 1);
    }

    /** The starter measured in lucky moments: 1.15× "faster" than the reference it copies. */
    public NoisyMachine luckySequentialStudent() {
        return student(870, 880, 1, 1);
    }

    /** One run of {@code trial} in round {@code round}. */
    public Sample run(Trial trial, int round) {
        Truth t = truths.get(trial);
        if (t == null) throw new IllegalArgumentException("no such cell " + trial);
        double shared = roundFactors.computeIfAbsent(round,
                r -> 1 - roundSwing / 2 + random.nextDouble() * roundSwing * 1.5);
        double own = 1 - runNoise * Math.log(1 - random.nextDouble());
        double wall = t.wallMs() * shared * own;
        // a slow round (frequency, caches) costs CPU time too; a run's own disturbance (preemption) mostly does not
        double cpu = t.cpuMs() * shared * (1 + (random.nextDouble() - 0.5) * 0.04) * Math.min(own, 1.05);
        return new Sample(trial.variant(), trial.workers(), round, wall, Math.min(cpu, wall * CORES),
                t.threads(), t.processes(), 30);
    }

    /** Runs the plan as the engine does, round after round, until it needs no more. */
    public List<Sample> benchmark(BenchmarkPlan plan) {
        List<Sample> samples = new ArrayList<>();
        for (int r = 0; plan.needsMoreRounds(samples); r++) {
            for (Trial t : plan.round(r, samples)) samples.add(run(t, r));
        }
        return samples;
    }

    /** {@code rounds} full rounds of every cell (no plan). */
    public List<Sample> fullRounds(int rounds) {
        List<Sample> samples = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (Trial t : truths.keySet().stream().sorted(java.util.Comparator.comparing(Trial::toString)).toList()) {
                samples.add(run(t, r));
            }
        }
        return samples;
    }
}
