package org.paragrade.grading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.grading.score.Scorer;
import org.paragrade.measure.BenchmarkPlan;
import org.paragrade.measure.Flag;
import org.paragrade.measure.RunVariant;
import org.paragrade.measure.ScoringPoint;

/**
 * The grading of one solution against one exercise version, as a pipeline of stages (see
 * package-info): scan → correctness ({@link #check}), then the benchmark (only for a correct solution,
 * in a session that {@link BatchGrading} runs, alone or with other solutions of the same version), then
 * {@link #judge}. Preparing the workspace comes before it and recording the grade after it, in the worker.
 * It decides; storing is someone else's job.
 */
final class Grader {
    private final MachineLock machine;
    private final CorrectnessStage correctness;
    private final CorrectnessStage.ExpectedLookup expected;
    private final JudgeStage judge;
    private final BenchmarkPlan plan;
    private final ProgressTracker progress;
    private final Map<String, Object> workload;
    private final ExerciseRunner runner;
    private final Map<String, byte[]> files;
    private final ExerciseManifest manifest;
    /** The other interpreters the exercise lists, benchmarked as evidence beside the scored one. */
    private final List<String> evidence;

    /**
     * How the benchmark is run on this machine.
     *
     * @param seed              orders the benchmark's rounds (reproducibly)
     * @param workloadSeed      draws the workload from the exercise's ranges: unknown to the student in advance
     *                          (one draw per benchmark session: a batch shares its workload)
     */
    record Settings(int cores, long seed, long workloadSeed) {
    }

    /** @param files the submitted files (for the tampering scan; the runs read them from the workspace) */
    Grader(ExerciseManifest manifest, ExerciseRunner runner, Map<String, byte[]> files,
           CorrectnessStage.ExpectedLookup expected, MachineLock machine, Progress progress, Settings settings) {
        String missing = ExerciseRunner.unavailable(runner.sandbox(), manifest);
        if (missing != null) {
            throw new InfrastructureFailure(missing);
        }
        this.machine = machine;
        this.manifest = manifest;
        this.runner = runner.on(manifest.benchmark().scoredInterpreter());
        this.evidence = manifest.benchmark().evidenceInterpreters();
        this.files = files;
        this.plan = plan(manifest, settings);
        int interpreters = 1 + evidence.size();
        this.progress = new ProgressTracker(progress, interpreters * (CorrectnessStage.plannedRuns(manifest, true)
                + plan.gradeTrials().size() * plan.minRounds() + plan.curveTrials().size() * plan.curveRounds()));
        this.correctness = new CorrectnessStage(manifest, this.runner, expected, this.progress, where(this.runner));
        this.expected = expected;
        this.judge = new JudgeStage(manifest, settings.cores(), runner.sandbox().info().interpreters(),
                this.runner.interpreter());
        this.workload = manifest.benchmark().draw(settings.workloadSeed());
    }

    /** What the checks before the benchmark found: the source scan and correctness. */
    record Checked(List<Flag> flags, CorrectnessStage.Result correctness, double seconds) {
        boolean benchmarked() {
            return correctness.allPassed();
        }
    }

    /** The source scan and the correctness runs, sharing the machine with other gradings' checks. */
    Checked check() throws InterruptedException {
        long start = System.nanoTime();
        try (var held = machine.correctness()) {
            List<Flag> flags = ScanStage.scan(runner, files);
            List<CorrectnessStage.Result> each = new ArrayList<>(List.of(correctness.run(RunVariant.STUDENT, true)));
            for (String id : evidence) {
                ExerciseRunner other = runner.on(id);
                each.add(new CorrectnessStage(manifest, other, expected, progress, where(other)).run(RunVariant.STUDENT, true));
            }
            CorrectnessStage.Result checked = CorrectnessStage.Result.merged(each);
            return new Checked(flags, checked, (System.nanoTime() - start) / 1e9);
        }
    }

    /** This solution as a member of a benchmark session. */
    BatchBenchmarkStage.Member member() {
        return new BatchBenchmarkStage.Member(runner, expected, progress, plan);
    }

    /** This solution in an evidence session on another interpreter: the same plan, that interpreter's runs. */
    BatchBenchmarkStage.Member member(String interpreter) {
        return new BatchBenchmarkStage.Member(runner.on(interpreter), expected, progress, plan);
    }

    /** The other interpreters the exercise lists (none for most). */
    List<String> evidenceInterpreters() {
        return evidence;
    }

    /** " on cpython-3.13t" after each case's name when the exercise runs on several interpreters. */
    private String where(ExerciseRunner r) {
        return evidence.isEmpty() ? "" : " on " + r.interpreter();
    }

    /**
     * The verdict, score and report from the checks and the benchmark (null when it did not run).
     *
     * @param batchSize        solutions benchmarked in the same session (1: alone)
     * @param benchmarkSeconds how long the session took
     */
    GradingOutcome judge(Checked checked, BenchmarkStage.Result measured, int batchSize, double benchmarkSeconds) {
        return judge(checked, measured, Map.of(), batchSize, benchmarkSeconds);
    }

    /** @param evidence the other interpreters' benchmarks, by id (empty when the exercise lists none) */
    GradingOutcome judge(Checked checked, BenchmarkStage.Result measured, Map<String, BenchmarkStage.Result> evidence,
                         int batchSize, double benchmarkSeconds) {
        progress.phase("scoring");
        JudgeStage.Judgement j = judge.judge(checked.correctness(), measured, evidence, plan, workload, checked.flags(),
                batchSize);
        var samples = measured == null ? List.<org.paragrade.measure.Sample>of() : measured.samples();
        Map<String, List<org.paragrade.measure.Sample>> bySource = new java.util.LinkedHashMap<>();
        bySource.put(runner.interpreter(), samples);
        evidence.forEach((id, r) -> bySource.put(id, r == null ? List.of() : r.samples()));
        int runs = bySource.values().stream().mapToInt(List::size).sum();
        var timing = new GradingOutcome.Timing(checked.seconds(), checked.correctness().runsMade(),
                measured == null ? 0 : benchmarkSeconds, runs);
        return new GradingOutcome(j.verdict(), j.score().total(), j.score().max(), j.report(), samples, timing, bySource);
    }

    void phase(String phase) {
        progress.phase(phase);
    }

    /** The benchmark's workload, drawn from the exercise's ranges with the settings' workload seed. */
    Map<String, Object> workload() {
        return workload;
    }

    /** The student first, then every reference, over the exercise's worker counts; scored where it says. */
    static BenchmarkPlan plan(ExerciseManifest manifest, Settings settings) {
        List<RunVariant> variants = new ArrayList<>();
        variants.add(RunVariant.STUDENT);
        variants.addAll(manifest.references());
        var b = manifest.benchmark();
        int scoredAt = ScoringPoint.of(b.scoreAt(), manifest.kind(), b.workers(), settings.cores());
        return BenchmarkPlan.of(variants, b.workers(), scoredAt, manifest.expectedModel(), settings.cores(),
                settings.seed(), Scorer.stoppingRule(JudgeStage.weights(manifest), manifest.kind(),
                        manifest.expectedModel(), scoredAt));
    }
}
