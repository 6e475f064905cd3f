package org.paragrade.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The interleaved-rounds benchmark protocol. Every round runs each trial (variant, workers) once,
 * each in a fresh process, so slow drift of the machine (heat, a neighbour) hits every variant
 * alike. The order inside a round follows a Williams design over a seeded arrangement of the
 * trials: across a full cycle of rounds every trial sits in every position once, and every trial
 * follows every other trial equally often, so neither position nor carry-over (the run just
 * before) favours anyone. The same seed always gives the same orders.
 *
 * <p>The engine's loop is: {@code for (r = 0; plan.needsMoreRounds(samples); r++) run plan.round(r, samples)}.
 * The minimum rounds are full; an extra round re-runs only the trials whose spread is still too wide,
 * together with the sequential baseline every speed-up is divided by, so that one disturbed run costs
 * a few runs more rather than whole rounds (and the steady cells are not measured again for nothing).
 */
public final class BenchmarkPlan {

    /**
     * A cell is steady when its relative spread ({@link Spread#relativeSpread()}) is at most this.
     * Fresh CPython runs of a 1–2 s workload on a quiet machine vary by a few percent (range of 3
     * runs ~5%); 15% leaves room for that and still catches a run disturbed by something else.
     */
    public static final double DEFAULT_SPREAD_THRESHOLD = 0.15;
    /** Extra rounds allowed beyond the minimum before giving up and flagging the benchmark unstable. */
    public static final int DEFAULT_EXTRA_ROUNDS = 4;

    private final List<Trial> trials;
    private final int minRounds;
    private final int maxRounds;
    private final double spreadThreshold;
    private final List<Integer> williams;
    /** Variants whose cells must be steady. */
    private final Set<String> graded;

    /**
     * @param variants        {@code student} and the reference names; {@code sequential} is run at 1 worker only
     * @param workerCounts    worker counts of the exercise's benchmark
     * @param minRounds       rounds always run
     * @param maxRounds       rounds never exceeded, however noisy
     * @param seed            varies the arrangement between benchmarks, reproducibly
     * @param spreadThreshold largest relative spread of a steady cell
     */
    public BenchmarkPlan(List<String> variants, List<Integer> workerCounts, int minRounds, int maxRounds,
                         long seed, double spreadThreshold) {
        this(variants, workerCounts, minRounds, maxRounds, seed, spreadThreshold, "any");
    }

    /**
     * As above; only the cells the grade depends on under {@code expectedModel}
     * ({@link SpeedupCurve#gradedVariants}) must be steady: the other references are run in every
     * minimum round but never cost extra rounds.
     */
    public BenchmarkPlan(List<String> variants, List<Integer> workerCounts, int minRounds, int maxRounds,
                         long seed, double spreadThreshold, String expectedModel) {
        Objects.requireNonNull(variants, "variants");
        Objects.requireNonNull(workerCounts, "workerCounts");
        if (variants.isEmpty()) throw new IllegalArgumentException("need at least one variant");
        if (workerCounts.isEmpty()) throw new IllegalArgumentException("need at least one worker count");
        if (minRounds < 1) throw new IllegalArgumentException("minRounds must be >= 1");
        if (maxRounds < minRounds) throw new IllegalArgumentException("maxRounds must be >= minRounds");
        if (!(spreadThreshold > 0)) throw new IllegalArgumentException("spreadThreshold must be > 0");
        Set<Integer> counts = new TreeSet<>(workerCounts);
        if (counts.stream().anyMatch(w -> w == null || w < 1)) throw new IllegalArgumentException("worker counts must be >= 1");
        Set<Trial> cells = new LinkedHashSet<>();
        for (String variant : new LinkedHashSet<>(variants)) {
            if (Sample.SEQUENTIAL.equals(variant)) {
                cells.add(new Trial(variant, 1));
            } else {
                for (int w : counts) cells.add(new Trial(variant, w));
            }
        }
        List<Trial> arranged = new ArrayList<>(cells);
        Collections.shuffle(arranged, new Random(seed));
        this.trials = List.copyOf(arranged);
        this.minRounds = minRounds;
        this.maxRounds = maxRounds;
        this.spreadThreshold = spreadThreshold;
        this.williams = williamsSequence(trials.size());
        this.graded = SpeedupCurve.gradedVariants(List.copyOf(new LinkedHashSet<>(variants)), expectedModel);
    }

    /** A plan with the default spread threshold and up to {@value #DEFAULT_EXTRA_ROUNDS} extra rounds. */
    public static BenchmarkPlan of(List<String> variants, List<Integer> workerCounts, int minRounds, long seed) {
        return new BenchmarkPlan(variants, workerCounts, minRounds, minRounds + DEFAULT_EXTRA_ROUNDS, seed,
                DEFAULT_SPREAD_THRESHOLD);
    }

    /** Every trial of the benchmark, once each (in the plan's base arrangement). */
    public List<Trial> trials() {
        return trials;
    }

    /** The trials of round {@code r} (from 0), each exactly once, in that round's order. */
    public List<Trial> round(int r) {
        if (r < 0) throw new IllegalArgumentException("round must be >= 0");
        int n = trials.size();
        if (n == 1) return trials;
        // Williams square: n rows balance carry-over when n is even; odd n needs the n mirrored rows too.
        int cycle = n % 2 == 0 ? n : 2 * n;
        int row = r % cycle;
        List<Trial> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) order.add(trials.get((williams.get(i) + row) % n));
        if (row >= n) Collections.reverse(order);
        return List.copyOf(order);
    }

    /**
     * The trials of round {@code r} given the samples so far: the whole round while the minimum rounds
     * are not done; after them only the unsteady trials and the sequential baseline, in the round's order
     * (empty when everything is steady).
     */
    public List<Trial> round(int r, List<Sample> samples) {
        List<Trial> full = round(r);
        if (r < minRounds) return full;
        Set<Trial> again = new LinkedHashSet<>(unsteadyTrials(samples));
        if (again.isEmpty()) return List.of();
        return full.stream().filter(t -> again.contains(t) || Sample.SEQUENTIAL.equals(t.variant())).toList();
    }

    /**
     * True while the minimum rounds are not done, or, after it, while some trial's spread is above
     * the threshold (or it has no sample yet) and the cap is not reached.
     */
    public boolean needsMoreRounds(List<Sample> samples) {
        int done = roundsDone(samples);
        if (done < minRounds) return true;
        if (done >= maxRounds) return false;
        return !unsteadyTrials(samples).isEmpty();
    }

    /** Every trial has at least the minimum runs and a spread within the threshold. */
    public boolean stable(List<Sample> samples) {
        Map<Trial, List<Double>> walls = wallTimes(samples);
        for (Trial trial : trials) {
            List<Double> times = walls.get(trial);
            if (times == null || times.size() < minRounds) return false;
        }
        return unsteadyTrials(samples).isEmpty();
    }

    /** Graded trials with no sample yet or a spread above the threshold. */
    public List<Trial> unsteadyTrials(List<Sample> samples) {
        Map<Trial, List<Double>> walls = wallTimes(samples);
        List<Trial> unsteady = new ArrayList<>();
        for (Trial trial : trials) {
            if (!graded.contains(trial.variant())) continue;
            List<Double> times = walls.get(trial);
            if (times == null || Statistics.spread(times).relativeSpread() > spreadThreshold) unsteady.add(trial);
        }
        return unsteady;
    }

    /** The figures of these samples, judged with this plan's spread threshold. */
    public SpeedupCurve curve(List<Sample> samples, int cores, String expectedModel) {
        return SpeedupCurve.from(samples, cores, expectedModel, spreadThreshold);
    }

    public int minRounds() {
        return minRounds;
    }

    public int maxRounds() {
        return maxRounds;
    }

    public double spreadThreshold() {
        return spreadThreshold;
    }

    private static int roundsDone(List<Sample> samples) {
        Objects.requireNonNull(samples, "samples");
        return (int) samples.stream().mapToInt(Sample::round).distinct().count();
    }

    private static Map<Trial, List<Double>> wallTimes(List<Sample> samples) {
        Map<Trial, List<Double>> walls = new LinkedHashMap<>();
        for (Sample s : samples) walls.computeIfAbsent(s.trial(), t -> new ArrayList<>()).add(s.wallMs());
        return walls;
    }

    /** 0, 1, n-1, 2, n-2, ...: the first row of a Williams design. */
    private static List<Integer> williamsSequence(int n) {
        List<Integer> seq = new ArrayList<>(n);
        int low = 1;
        int high = n - 1;
        seq.add(0);
        for (int i = 1; i < n; i++) seq.add(i % 2 == 1 ? low++ : high--);
        return List.copyOf(seq);
    }
}
