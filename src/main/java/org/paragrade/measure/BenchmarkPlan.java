package org.paragrade.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The adaptive, interleaved-rounds benchmark protocol, in two phases.
 *
 * <ol>
 *   <li><b>Grade rounds</b> run only the cells the grade needs: the student and the references fitting
 *       the expected model at the scoring point, and the sequential baseline. At least
 *       {@code minRounds} of them (by default {@value Statistics#RUNS_FOR_CONFIDENCE}, the fewest that
 *       give a 95% interval), then one more at a time until the {@link StoppingRule} says the score is
 *       decided, or {@code maxRounds}: a grade still undecided there is unstable.</li>
 *   <li><b>Curve rounds</b> run every other cell, with the baseline so their speed-ups pair by round,
 *       up to {@code curveRounds} rounds, while the engine's time budget allows.</li>
 * </ol>
 * Inside a phase the order of a round follows a Williams design over a seeded arrangement of its
 * cells: across a cycle of rounds every cell sits in every position once and follows every other cell
 * equally often, so neither position nor carry-over favours anyone. The same seed gives the same orders.
 *
 * <p>The plan keeps no state: where the benchmark stands is read from the samples.
 */
public final class BenchmarkPlan {

    public static final int DEFAULT_MIN_ROUNDS = Statistics.RUNS_FOR_CONFIDENCE;
    /** 15 grade rounds of primes' three cells take ~25 s on 2 cores: the most a noisy machine may cost. */
    public static final int DEFAULT_MAX_ROUNDS = 15;
    /** Rounds of the rest of the curve: enough for its medians, not for grading. */
    public static final int DEFAULT_CURVE_ROUNDS = 2;

    /** What the next round is for. */
    public enum Phase { GRADE, CURVE, DONE }

    private final List<Trial> gradeCells;
    private final List<Trial> curveCells;
    private final Trial marker;
    private final int scoredAt;
    private final int minRounds;
    private final int maxRounds;
    private final int curveRounds;
    private final int cores;
    private final ExpectedModel model;
    private final StoppingRule rule;
    private final List<Trial> all;

    /**
     * @param variants     the student and the references to run; the sequential reference at 1 worker only
     * @param workerCounts the exercise's benchmark worker counts
     * @param scoredAt     the scoring point ({@link ScoringPoint}); one of {@code workerCounts}
     * @param model        the expected model: which references the grade needs
     * @param cores        cores of the machine (for the curve the stopping rule sees)
     * @param seed         varies the arrangement between benchmarks, reproducibly
     * @param rule         says when the score is decided
     */
    public BenchmarkPlan(List<RunVariant> variants, List<Integer> workerCounts, int scoredAt, ExpectedModel model,
                         int cores, int minRounds, int maxRounds, int curveRounds, long seed, StoppingRule rule) {
        Objects.requireNonNull(variants, "variants");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(rule, "rule");
        Set<Integer> counts = new TreeSet<>(Objects.requireNonNull(workerCounts, "workerCounts"));
        if (variants.isEmpty() || counts.isEmpty()) throw new IllegalArgumentException("need variants and worker counts");
        if (!counts.contains(scoredAt)) throw new IllegalArgumentException("scoredAt must be a benchmarked count");
        if (minRounds < 1 || maxRounds < minRounds || curveRounds < 0) throw new IllegalArgumentException("bad rounds");
        Set<RunVariant> graded = SpeedupCurve.gradedVariants(variants, model);
        List<Trial> grade = new ArrayList<>(List.of(PairedRounds.BASELINE));
        List<Trial> curve = new ArrayList<>();
        for (RunVariant v : new LinkedHashSet<>(variants)) {
            if (v == RunVariant.SEQUENTIAL) continue;
            for (int w : counts) (graded.contains(v) && w == scoredAt ? grade : curve).add(new Trial(v, w));
        }
        this.gradeCells = arranged(grade, seed);
        this.curveCells = curve.isEmpty() ? List.of() : arranged(withBaseline(curve), seed + 1);
        this.marker = grade.size() > 1 ? grade.get(1) : PairedRounds.BASELINE;
        this.scoredAt = scoredAt;
        this.minRounds = minRounds;
        this.maxRounds = maxRounds;
        this.curveRounds = curveRounds;
        this.cores = cores;
        this.model = model;
        this.rule = rule;
        this.all = List.copyOf(new LinkedHashSet<>(concat(gradeCells, curveCells)));
    }

    /** A plan with the default rounds. */
    public static BenchmarkPlan of(List<RunVariant> variants, List<Integer> workerCounts, int scoredAt,
                                   ExpectedModel model, int cores, long seed, StoppingRule rule) {
        return new BenchmarkPlan(variants, workerCounts, scoredAt, model, cores, DEFAULT_MIN_ROUNDS, DEFAULT_MAX_ROUNDS,
                DEFAULT_CURVE_ROUNDS, seed, rule);
    }

    /** Every cell of the benchmark, once each: the grade's cells first. */
    public List<Trial> trials() {
        return all;
    }

    /** The cells the grade needs, measured first and until the score is decided. */
    public List<Trial> gradeTrials() {
        return gradeCells;
    }

    /** The rest of the curve, with the sequential baseline; empty when the grade's cells are all there is. */
    public List<Trial> curveTrials() {
        return curveCells;
    }

    /** What the next round is for, given the samples so far (all curve rounds allowed). */
    public Phase phase(List<Sample> samples) {
        return phase(samples, true);
    }

    /**
     * @param timeLeft the engine's budget still allows the rest of the curve
     */
    public Phase phase(List<Sample> samples, boolean timeLeft) {
        int graded = roundsWith(samples, marker);
        if (graded < minRounds || (graded < maxRounds && !decided(samples))) return Phase.GRADE;
        int curved = curveCells.isEmpty() ? 0 : roundsWith(samples, curveMarker());
        return timeLeft && curved < curveRounds && !curveCells.isEmpty() ? Phase.CURVE : Phase.DONE;
    }

    /** True while {@link #phase} is not {@link Phase#DONE}. */
    public boolean needsMoreRounds(List<Sample> samples) {
        return phase(samples) != Phase.DONE;
    }

    public boolean needsMoreRounds(List<Sample> samples, boolean timeLeft) {
        return phase(samples, timeLeft) != Phase.DONE;
    }

    /**
     * The trials of round {@code r} (from 0; also each sample's {@code round}): the grade's cells or
     * the rest of the curve, in this round's order; empty when the benchmark is done.
     */
    public List<Trial> round(int r, List<Sample> samples) {
        return round(r, samples, true);
    }

    public List<Trial> round(int r, List<Sample> samples, boolean timeLeft) {
        if (r < 0) throw new IllegalArgumentException("round must be >= 0");
        return switch (phase(samples, timeLeft)) {
            case GRADE -> williams(gradeCells, r);
            case CURVE -> williams(curveCells, r);
            case DONE -> List.of();
        };
    }

    /** Every cell, in round {@code r}'s order (a plain full round, as the bundle validator runs them). */
    public List<Trial> fullRound(int r) {
        return williams(all, r);
    }

    /** The stopping rule holds on these samples. */
    public boolean decided(List<Sample> samples) {
        return rule.decided(curve(samples));
    }

    /** Decided within the cap: the grade needs no human look for its measurement. */
    public boolean stable(List<Sample> samples) {
        return roundsWith(samples, marker) >= minRounds && decided(samples);
    }

    /** Grade rounds run so far. */
    public int gradeRounds(List<Sample> samples) {
        return roundsWith(samples, marker);
    }

    public SpeedupCurve curve(List<Sample> samples) {
        return SpeedupCurve.from(samples, cores, model);
    }

    public int scoredAt() {
        return scoredAt;
    }

    public int minRounds() {
        return minRounds;
    }

    public int maxRounds() {
        return maxRounds;
    }

    public int curveRounds() {
        return curveRounds;
    }

    private Trial curveMarker() {
        return curveCells.stream().filter(t -> !t.equals(PairedRounds.BASELINE)).findFirst().orElseThrow();
    }

    private static int roundsWith(List<Sample> samples, Trial trial) {
        Objects.requireNonNull(samples, "samples");
        return (int) samples.stream().filter(s -> s.trial().equals(trial)).mapToInt(Sample::round).distinct().count();
    }

    private static List<Trial> withBaseline(List<Trial> cells) {
        List<Trial> out = new ArrayList<>(cells);
        out.add(0, PairedRounds.BASELINE);
        return out;
    }

    private static List<Trial> concat(List<Trial> a, List<Trial> b) {
        List<Trial> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static <T> List<T> arranged(List<T> cells, long seed) {
        List<T> copy = new ArrayList<>(cells);
        Collections.shuffle(copy, new Random(seed));
        return List.copyOf(copy);
    }

    /** Row {@code r} of a Williams design over {@code cells}; n rows balance carry-over for even n, 2n for odd. */
    static <T> List<T> williams(List<T> cells, int r) {
        int n = cells.size();
        if (n <= 1) return cells;
        int cycle = n % 2 == 0 ? n : 2 * n;
        int row = r % cycle;
        List<T> order = new ArrayList<>(n);
        int low = 1;
        int high = n - 1;
        for (int i = 0; i < n; i++) {
            int first = i == 0 ? 0 : i % 2 == 1 ? low++ : high--;  // 0, 1, n-1, 2, n-2, ...
            order.add(cells.get((first + row) % n));
        }
        if (row >= n) Collections.reverse(order);
        return List.copyOf(order);
    }
}
