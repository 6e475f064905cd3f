package org.paragrade.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a benchmark measured: the figures of every variant at every worker count, with each
 * speed-up taken as the median of paired per-round ratios and its 95% interval
 * ({@link PairedRounds}). Descriptive only: what the figures are worth is judged by
 * {@link Judgement}.
 */
public final class SpeedupCurve {

    private final List<RunFigures> runs;
    private final List<Sample> samples;
    private final int cores;
    private final ExpectedModel expectedModel;

    private SpeedupCurve(List<RunFigures> runs, List<Sample> samples, int cores, ExpectedModel expectedModel) {
        this.runs = List.copyOf(runs);
        this.samples = List.copyOf(samples);
        this.cores = cores;
        this.expectedModel = expectedModel;
    }

    /**
     * @param samples       every run of the benchmark (any order)
     * @param cores         cores the benchmark had
     * @param expectedModel the exercise's expected model (which references the student is held to)
     */
    public static SpeedupCurve from(List<Sample> samples, int cores, ExpectedModel expectedModel) {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(expectedModel, "expectedModel");
        if (cores < 1) throw new IllegalArgumentException("cores must be >= 1");
        Map<Trial, List<Sample>> cells = new LinkedHashMap<>();
        for (Sample s : samples) cells.computeIfAbsent(s.trial(), t -> new ArrayList<>()).add(s);
        List<RunFigures> runs = new ArrayList<>();
        cells.keySet().stream()
                .sorted(Comparator.comparing((Trial t) -> order(t.variant())).thenComparingInt(Trial::workers))
                .forEach(t -> runs.add(figures(t, cells.get(t), samples, cells.get(new Trial(t.variant(), 1)))));
        return new SpeedupCurve(runs, samples, cores, expectedModel);
    }

    private static RunFigures figures(Trial trial, List<Sample> list, List<Sample> all, List<Sample> oneWorker) {
        Spread wall = Statistics.spread(list.stream().map(Sample::wallMs).toList());
        List<Double> paired = PairedRounds.speedups(all, trial);
        Interval interval = paired.isEmpty() ? null : Statistics.medianInterval(paired);
        Double speedup = interval == null ? null : interval.estimate();
        Double self = selfSpeedup(trial, wall, speedup, all, oneWorker);
        return new RunFigures(trial.variant(), trial.workers(), wall,
                Statistics.median(list.stream().map(Sample::cpuMs).toList()),
                Statistics.median(list.stream().map(Sample::cpuUtilisation).toList()),
                speedup, interval, self,
                speedup == null ? null : speedup / trial.workers(),
                RunFigures.karpFlatt(self, trial.workers()),
                list.stream().mapToInt(Sample::maxThreads).max().orElse(0),
                list.stream().mapToInt(Sample::maxProcesses).max().orElse(0),
                list.stream().mapToDouble(Sample::peakMemoryMb).max().orElse(0),
                list.size(),
                list.stream().map(Sample::concurrentRequests).filter(Objects::nonNull).max(Integer::compare).orElse(null));
    }

    /**
     * This variant's 1-worker wall over this wall. The 1-worker run may be measured in other rounds (the
     * rest of the curve comes after the grade's cells), so when both are paired with the sequential
     * baseline the ratio of their paired speed-ups is taken, from which the rounds' drift has divided
     * out; else the ratio of medians.
     */
    private static Double selfSpeedup(Trial trial, Spread wall, Double speedup, List<Sample> all, List<Sample> oneWorker) {
        if (oneWorker == null || !(wall.median() > 0)) return null;
        if (trial.workers() == 1) return 1.0;
        List<Double> atOne = PairedRounds.speedups(all, new Trial(trial.variant(), 1));
        if (speedup != null && !atOne.isEmpty()) return speedup / Statistics.median(atOne);
        return Statistics.median(oneWorker.stream().map(Sample::wallMs).toList()) / wall.median();
    }

    /** Student first, then the sequential reference, then the other references in enum order. */
    private static int order(RunVariant v) {
        return switch (v) {
            case STUDENT -> -2;
            case SEQUENTIAL -> -1;
            default -> v.ordinal();
        };
    }

    /** Every (variant, workers) figure: student, sequential, other references; by workers. */
    public List<RunFigures> runs() {
        return runs;
    }

    /** The samples the figures were made from (the judgement pairs them by round). */
    public List<Sample> samples() {
        return samples;
    }

    public Optional<RunFigures> run(RunVariant variant, int workers) {
        return runs.stream().filter(r -> r.variant() == variant && r.workers() == workers).findFirst();
    }

    /** The figures of one variant, by increasing workers. */
    public List<RunFigures> runsOf(RunVariant variant) {
        return runs.stream().filter(r -> r.variant() == variant).toList();
    }

    /** The largest worker count benchmarked (the student's, or any variant's without student runs). */
    public int largestWorkers() {
        List<RunFigures> student = runsOf(RunVariant.STUDENT);
        List<RunFigures> pool = student.isEmpty() ? runs : student;
        return pool.stream().mapToInt(RunFigures::workers).max().orElse(1);
    }

    /** The student's speed-up over the sequential reference at {@code workers}. */
    public Double studentSpeedupAt(int workers) {
        return run(RunVariant.STUDENT, workers).map(RunFigures::speedup).orElse(null);
    }

    /** The student's speed-up over the sequential reference at the largest worker count. */
    public Double studentSpeedup() {
        return studentSpeedupAt(largestWorkers());
    }

    /** The best fitting reference's speed-up at the largest worker count ({@link #referenceRunAt}). */
    public Double referenceSpeedup() {
        return referenceRun().map(RunFigures::speedup).orElse(null);
    }

    /** The reference figures behind {@link #referenceSpeedup()}. */
    public Optional<RunFigures> referenceRun() {
        return referenceRunAt(largestWorkers());
    }

    /**
     * The best speed-up at {@code workers} among the references that fit the expected model
     * ({@link #fittingReferences}).
     */
    public Optional<RunFigures> referenceRunAt(int workers) {
        List<RunFigures> candidates = runs.stream()
                .filter(r -> r.workers() == workers && r.speedup() != null && r.variant().isReference()
                        && r.variant() != RunVariant.SEQUENTIAL)
                .toList();
        List<RunVariant> fitting = fittingReferences(candidates.stream().map(RunFigures::variant).toList(), expectedModel);
        return candidates.stream().filter(r -> fitting.contains(r.variant()))
                .max(Comparator.comparingDouble(RunFigures::speedup));
    }

    /**
     * The variants a grade depends on: the student's, the sequential baseline, and the references
     * fitting the expected model. The other references are context, shown beside the student's figures.
     */
    public static Set<RunVariant> gradedVariants(List<RunVariant> variants, ExpectedModel expectedModel) {
        List<RunVariant> references = variants.stream()
                .filter(v -> v.isReference() && v != RunVariant.SEQUENTIAL).distinct().toList();
        Set<RunVariant> graded = new LinkedHashSet<>(List.of(RunVariant.STUDENT, RunVariant.SEQUENTIAL));
        graded.addAll(fittingReferences(references, expectedModel));
        graded.retainAll(variants);
        return graded;
    }

    /**
     * The references that fit a model: threads → threads, processes → processes, asyncio → asyncio
     * (else threads), any → all. When none fits, all of them.
     */
    static List<RunVariant> fittingReferences(List<RunVariant> references, ExpectedModel model) {
        List<RunVariant> fitting = switch (model) {
            case THREADS -> only(references, RunVariant.THREADS);
            case PROCESSES -> only(references, RunVariant.PROCESSES);
            case ASYNCIO -> references.contains(RunVariant.ASYNCIO)
                    ? List.of(RunVariant.ASYNCIO) : only(references, RunVariant.THREADS);
            case ANY -> references;
        };
        return fitting.isEmpty() ? references : fitting;
    }

    private static List<RunVariant> only(List<RunVariant> references, RunVariant wanted) {
        return references.contains(wanted) ? List.of(wanted) : List.of();
    }

    public int cores() {
        return cores;
    }

    public ExpectedModel expectedModel() {
        return expectedModel;
    }
}
