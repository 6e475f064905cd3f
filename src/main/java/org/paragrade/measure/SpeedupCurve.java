package org.paragrade.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a benchmark measured: the figures of every variant at every worker count, the student's
 * speed-up and the reference speed-up at the largest worker count, and whether the measurement
 * is stable enough to grade without a human look.
 */
public final class SpeedupCurve {

    private final List<RunFigures> runs;
    private final int cores;
    private final String expectedModel;
    private final double spreadThreshold;

    private SpeedupCurve(List<RunFigures> runs, int cores, String expectedModel, double spreadThreshold) {
        this.runs = List.copyOf(runs);
        this.cores = cores;
        this.expectedModel = expectedModel;
        this.spreadThreshold = spreadThreshold;
    }

    /** Figures from the samples, judged with {@link BenchmarkPlan#DEFAULT_SPREAD_THRESHOLD}. */
    public static SpeedupCurve from(List<Sample> samples, int cores, String expectedModel) {
        return from(samples, cores, expectedModel, BenchmarkPlan.DEFAULT_SPREAD_THRESHOLD);
    }

    /**
     * @param samples         every run of the benchmark (any order)
     * @param cores           cores the benchmark had
     * @param expectedModel   the exercise's expected model: threads | processes | asyncio | any
     * @param spreadThreshold largest relative spread of a stable cell
     */
    public static SpeedupCurve from(List<Sample> samples, int cores, String expectedModel, double spreadThreshold) {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(expectedModel, "expectedModel");
        if (cores < 1) throw new IllegalArgumentException("cores must be >= 1");
        Map<Trial, List<Sample>> cells = new LinkedHashMap<>();
        for (Sample s : samples) cells.computeIfAbsent(s.trial(), t -> new ArrayList<>()).add(s);

        Map<Trial, Double> medians = new LinkedHashMap<>();
        cells.forEach((trial, list) -> medians.put(trial, Statistics.median(list.stream().map(Sample::wallMs).toList())));
        Double sequential = medians.get(new Trial(Sample.SEQUENTIAL, 1));

        List<String> variantOrder = variantOrder(cells.keySet().stream().map(Trial::variant).toList());
        List<RunFigures> runs = new ArrayList<>();
        cells.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Trial, List<Sample>>>comparingInt(e -> variantOrder.indexOf(e.getKey().variant()))
                        .thenComparingInt(e -> e.getKey().workers()))
                .forEach(e -> runs.add(figures(e.getKey(), e.getValue(), sequential, medians.get(new Trial(e.getKey().variant(), 1)))));
        return new SpeedupCurve(runs, cores, expectedModel.toLowerCase(Locale.ROOT), spreadThreshold);
    }

    private static RunFigures figures(Trial trial, List<Sample> list, Double sequentialMedian, Double oneWorkerMedian) {
        Spread wall = Statistics.spread(list.stream().map(Sample::wallMs).toList());
        double median = wall.median();
        Double speedup = ratio(sequentialMedian, median);
        Double self = ratio(oneWorkerMedian, median);
        return new RunFigures(trial.variant(), trial.workers(), wall,
                Statistics.median(list.stream().map(Sample::cpuMs).toList()),
                Statistics.median(list.stream().map(Sample::cpuUtilisation).toList()),
                speedup, self,
                speedup == null ? null : speedup / trial.workers(),
                RunFigures.karpFlatt(self, trial.workers()),
                list.stream().mapToInt(Sample::maxThreads).max().orElse(0),
                list.stream().mapToInt(Sample::maxProcesses).max().orElse(0),
                list.stream().mapToDouble(Sample::peakMemoryMb).max().orElse(0),
                list.size());
    }

    private static Double ratio(Double base, double median) {
        return base == null || !(median > 0) ? null : base / median;
    }

    /** Student first, then the sequential reference, then the other references as first seen. */
    private static List<String> variantOrder(List<String> seen) {
        List<String> order = new ArrayList<>();
        if (seen.contains(Sample.STUDENT)) order.add(Sample.STUDENT);
        if (seen.contains(Sample.SEQUENTIAL)) order.add(Sample.SEQUENTIAL);
        for (String v : seen) if (!order.contains(v)) order.add(v);
        return order;
    }

    /** Every (variant, workers) figure: student, sequential, other references; by workers. */
    public List<RunFigures> runs() {
        return runs;
    }

    public Optional<RunFigures> run(String variant, int workers) {
        return runs.stream().filter(r -> r.variant().equals(variant) && r.workers() == workers).findFirst();
    }

    /** The figures of one variant, by increasing workers. */
    public List<RunFigures> runsOf(String variant) {
        return runs.stream().filter(r -> r.variant().equals(variant)).toList();
    }

    /** The largest worker count benchmarked (the student's, or any variant's without student runs). */
    public int largestWorkers() {
        List<RunFigures> student = runsOf(Sample.STUDENT);
        List<RunFigures> pool = student.isEmpty() ? runs : student;
        return pool.stream().mapToInt(RunFigures::workers).max().orElse(1);
    }

    /**
     * The worker count where the fitting reference showed its best speed-up: where parallelism paid
     * most on this machine, so the fairest place to hold the student to it (beyond the core count a
     * reference may lose ground to oversubscription, which would lower the bar for everyone).
     */
    public int bestReferenceWorkers() {
        int best = largestWorkers();
        double bestSpeedup = referenceRunAt(best).map(RunFigures::speedup).orElse(0.0);
        for (RunFigures r : runsOf(Sample.STUDENT)) {
            double ref = referenceRunAt(r.workers()).map(RunFigures::speedup).orElse(0.0);
            if (r.workers() > 1 && ref > bestSpeedup) {
                best = r.workers();
                bestSpeedup = ref;
            }
        }
        return best;
    }

    /** The student's speed-up over the sequential reference at {@code workers}. */
    public Double studentSpeedupAt(int workers) {
        return run(Sample.STUDENT, workers).map(RunFigures::speedup).orElse(null);
    }

    /** The student's speed-up over the sequential reference at the largest worker count. */
    public Double studentSpeedup() {
        return run(Sample.STUDENT, largestWorkers()).map(RunFigures::speedup).orElse(null);
    }

    /**
     * The best speed-up, at the largest worker count, among the references that fit the expected
     * model: threads → threads, processes → processes, asyncio → asyncio (else threads), any → every
     * non-sequential reference. A reference fits a model when its name is the model's or starts
     * with it ({@code processes_chunked}). When none fits, every non-sequential reference counts.
     */
    public Double referenceSpeedup() {
        return referenceRun().map(RunFigures::speedup).orElse(null);
    }

    /** The reference figures behind {@link #referenceSpeedup()}. */
    public Optional<RunFigures> referenceRun() {
        return referenceRunAt(largestWorkers());
    }

    /** The best fitting reference's figures at {@code workers} (same rule as {@link #referenceRun()}). */
    public Optional<RunFigures> referenceRunAt(int workers) {
        List<RunFigures> candidates = runs.stream()
                .filter(r -> r.workers() == workers && r.speedup() != null)
                .filter(r -> !r.variant().equals(Sample.STUDENT) && !r.variant().equals(Sample.SEQUENTIAL))
                .toList();
        List<String> fittingNames = fittingReferences(candidates.stream().map(RunFigures::variant).distinct().toList(),
                expectedModel);
        List<RunFigures> pool = candidates.stream().filter(r -> fittingNames.contains(r.variant())).toList();
        return pool.stream().max(Comparator.comparingDouble(RunFigures::speedup));
    }

    /** Every graded cell's relative spread is within the threshold (see {@link #gradedVariants}). */
    public boolean stable() {
        return unstableRuns().isEmpty();
    }

    /** Graded cells whose relative spread is above the threshold. */
    public List<RunFigures> unstableRuns() {
        java.util.Set<String> graded = gradedVariants(runs.stream().map(RunFigures::variant).distinct().toList(), expectedModel);
        return runs.stream().filter(r -> graded.contains(r.variant()))
                .filter(r -> r.wallMs().relativeSpread() > spreadThreshold).toList();
    }

    /**
     * The variants a grade depends on, whose measurement must be steady: the student's, the sequential
     * baseline, and the references fitting the expected model (the same rule as {@link #referenceRunAt}).
     * The other references are context — shown beside the student's figures, a noisy one is shown with
     * its spread, but it neither sends the grade to review nor costs extra rounds.
     */
    public static java.util.Set<String> gradedVariants(List<String> variants, String expectedModel) {
        List<String> references = variants.stream()
                .filter(v -> !v.equals(Sample.STUDENT) && !v.equals(Sample.SEQUENTIAL)).toList();
        java.util.Set<String> graded = new java.util.LinkedHashSet<>(List.of(Sample.STUDENT, Sample.SEQUENTIAL));
        graded.addAll(fittingReferences(references, expectedModel));
        graded.retainAll(variants);
        return graded;
    }

    /**
     * The references that fit a model: threads → threads, processes → processes, asyncio → asyncio
     * (else threads), any → all; a name fits when it is the model's or starts with it
     * ({@code processes_chunked}). When none fits, all of them.
     */
    private static List<String> fittingReferences(List<String> references, String expectedModel) {
        String model = expectedModel == null ? "any" : expectedModel.toLowerCase(Locale.ROOT);
        List<String> fitting = switch (model) {
            case "threads", "processes" -> fittingNames(references, model);
            case "asyncio" -> {
                List<String> asyncio = fittingNames(references, "asyncio");
                yield asyncio.isEmpty() ? fittingNames(references, "threads") : asyncio;
            }
            default -> references;
        };
        return fitting.isEmpty() ? references : fitting;
    }

    private static List<String> fittingNames(List<String> references, String model) {
        return references.stream().filter(v -> v.equals(model) || v.startsWith(model + "_") || v.startsWith(model + "-"))
                .toList();
    }

    public int cores() {
        return cores;
    }

    public String expectedModel() {
        return expectedModel;
    }

    public double spreadThreshold() {
        return spreadThreshold;
    }
}
