package org.paragrade.grading;

import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.grading.score.Scorer;
import org.paragrade.measure.BenchmarkPlan;
import org.paragrade.measure.Contention;
import org.paragrade.measure.Flag;
import org.paragrade.measure.RunVariant;
import org.paragrade.measure.ScoringPoint;

/**
 * The grading of one solution against one exercise version, as a pipeline of stages (see
 * package-info): scan → correctness → benchmark (only for a correct solution) → judge. Preparing the
 * workspace comes before it and recording the grade after it, in the worker. It decides; storing is
 * someone else's job.
 */
final class Grader {
    private final MachineLock machine;
    private final CorrectnessStage correctness;
    private final BenchmarkStage benchmark;
    private final JudgeStage judge;
    private final BenchmarkPlan plan;
    private final ProgressTracker progress;
    private final Map<String, Object> workload;
    private final ExerciseRunner runner;
    private final Map<String, byte[]> files;
    private final Settings settings;

    /**
     * How the benchmark is run on this machine.
     *
     * @param seed              orders the benchmark's rounds (reproducibly)
     * @param workloadSeed      draws the workload from the exercise's ranges: unknown to the student in advance
     * @param curveBudget       benchmark time after which the rest of the curve is no longer measured
     * @param contentionRetries times a benchmark made on a busy machine is paused and made again
     * @param contentionPause   the pause before such a retry
     */
    record Settings(int cores, long seed, long workloadSeed, Duration curveBudget, int contentionRetries,
                    Duration contentionPause) {
    }

    /** @param files the submitted files (for the tampering scan; the runs read them from the workspace) */
    Grader(ExerciseManifest manifest, ExerciseRunner runner, Map<String, byte[]> files,
           CorrectnessStage.ExpectedLookup expected, MachineLock machine, Progress progress, Settings settings) {
        this.machine = machine;
        this.runner = runner;
        this.files = files;
        this.settings = settings;
        this.plan = plan(manifest, settings);
        this.progress = new ProgressTracker(progress, CorrectnessStage.plannedRuns(manifest, true)
                + plan.gradeTrials().size() * plan.minRounds() + plan.curveTrials().size() * plan.curveRounds());
        this.correctness = new CorrectnessStage(manifest, runner, expected, this.progress);
        this.benchmark = new BenchmarkStage(runner, expected, this.progress, settings.curveBudget());
        this.judge = new JudgeStage(manifest, settings.cores());
        this.workload = manifest.benchmark().draw(settings.workloadSeed());
    }

    GradingOutcome grade() throws InterruptedException {
        long start = System.nanoTime();
        CorrectnessStage.Result checked;
        List<Flag> flags;
        try (var held = machine.correctness()) {
            flags = ScanStage.scan(runner, files);
            checked = correctness.run(RunVariant.STUDENT, true);
        }
        long benchmarkStart = System.nanoTime();
        BenchmarkStage.Result measured = checked.allPassed() ? benchmarkOnAQuietMachine() : null;
        if (measured != null) {
            Metrics.timer("paragrade_benchmark_seconds").record(System.nanoTime() - benchmarkStart, TimeUnit.NANOSECONDS);
        }
        progress.phase("scoring");
        JudgeStage.Judgement j = judge.judge(checked, measured, plan, workload, flags);
        var samples = measured == null ? List.<org.paragrade.measure.Sample>of() : measured.samples();
        var timing = new GradingOutcome.Timing((benchmarkStart - start) / 1e9, checked.runsMade(),
                measured == null ? 0 : (System.nanoTime() - benchmarkStart) / 1e9, samples.size());
        return new GradingOutcome(j.verdict(), j.score().total(), j.score().max(), j.report(), samples, timing);
    }

    /**
     * The benchmark, made again (after a pause, a bounded number of times) when a neighbour kept the
     * machine busy meanwhile: a grade is made on noise only when no quiet machine came.
     */
    private BenchmarkStage.Result benchmarkOnAQuietMachine() throws InterruptedException {
        for (int retriesLeft = settings.contentionRetries(); ; retriesLeft--) {
            progress.phase("benchmark");
            BenchmarkStage.Result measured;
            try (var held = machine.benchmark()) {
                measured = benchmark.run(plan, workload, RunVariant.STUDENT);
            }
            Contention c = measured.contention();
            if (c == null || c.decide(retriesLeft) != Contention.Decision.PAUSE_AND_RETRY) {
                return measured;
            }
            progress.phase("waiting for a quiet machine"); // a phase is at most 40 characters
            Thread.sleep(settings.contentionPause().toMillis());
        }
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
