package org.paragrade.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paragrade.grading.report.ReportCodec;
import org.paragrade.measure.BenchmarkPlan;
import org.paragrade.measure.Contention;
import org.paragrade.measure.CpuTimes;
import org.paragrade.measure.Flag;
import org.paragrade.measure.PairedRounds;
import org.paragrade.measure.RunVariant;
import org.paragrade.measure.Sample;
import org.paragrade.measure.Trial;
import org.paragrade.sandbox.Outcome;
import org.paragrade.sandbox.RunResult;
import org.paragrade.submission.Verdict;

/**
 * Stage 3 of the pipeline: the benchmark, in interleaved rounds as the {@link BenchmarkPlan} orders
 * them, each run a fresh process. The tested variant's value at every worker count is compared with the
 * sequential reference's on the same workload. A tested variant that fails a run ends the stage with
 * that failure; a reference that fails is ours ({@link ReferenceFailed}).
 */
final class BenchmarkStage {
    private final ExerciseRunner runner;
    private final CorrectnessStage.ExpectedLookup expected;
    private final ProgressTracker progress;
    private final java.time.Duration curveBudget;

    /** A trusted reference failed its benchmark run: the bundle is broken, or the machine is. */
    static final class ReferenceFailed extends InfrastructureFailure {
        ReferenceFailed(String message) {
            super(message);
        }
    }

    /** The tested variant's run that ended the benchmark. */
    record Failure(Verdict verdict, String message, String traceback, String stacks) {
    }

    /**
     * @param samples     every run measured (empty after a failure)
     * @param failure     the tested variant failed a run (null when none)
     * @param wrongAnswer the tested variant's value on the workload differs from the reference's (null when equal)
     * @param flags       the tested variant's runs whose figures contradict the host's ({@link Plausibility})
     * @param contention  what else the machine did meanwhile (null when it could not be read)
     */
    record Result(List<Sample> samples, String accounting, Failure failure, String wrongAnswer, List<Flag> flags,
                  Contention contention) {
        boolean measured() {
            return failure == null && wrongAnswer == null && !samples.isEmpty();
        }
    }

    /** @param curveBudget benchmark time after which the curve's other cells are no longer measured */
    BenchmarkStage(ExerciseRunner runner, CorrectnessStage.ExpectedLookup expected, ProgressTracker progress,
                   java.time.Duration curveBudget) {
        this.runner = runner;
        this.expected = CorrectnessStage.ExpectedLookup.memoised(expected);
        this.progress = progress;
        this.curveBudget = curveBudget;
    }

    /**
     * Runs the plan's rounds on this grading's workload (drawn from the exercise's ranges, see
     * {@link ExerciseManifest.Benchmark#draw}); {@code tested} is the variant being graded (null: references only).
     */
    Result run(BenchmarkPlan plan, Map<String, Object> workload, RunVariant tested) {
        Measured m = new Measured();
        long start = System.nanoTime();
        CpuTimes before = HostCpu.read();
        int planned = plan.gradeTrials().size() * plan.minRounds() + plan.curveTrials().size() * plan.curveRounds();
        for (int round = 0; plan.needsMoreRounds(m.samples, timeLeft(start, plan, m)); round++) {
            for (Trial t : plan.round(round, m.samples, timeLeft(start, plan, m))) {
                if (m.runs++ >= planned) {
                    progress.plan(1);
                }
                Failure failure = runTrial(t, round, workload, tested, m);
                if (failure != null) {
                    return new Result(List.of(), m.accounting, failure, null, List.of(), null);
                }
            }
        }
        // Without every run's own CPU (a run with no cgroup), the grader's work would look like a neighbour's.
        Contention contention = m.unaccounted ? null : HostCpu.contention(before, m.cgroupCpuMs);
        return new Result(List.copyOf(m.samples), m.accounting, null,
                wrongValue(runner, expected, workload, m.values, m.sequentialAtOne),
                m.flags.stream().distinct().limit(3).toList(), contention);
    }

    /** What the runs so far measured. */
    private static final class Measured {
        final List<Sample> samples = new ArrayList<>();
        final List<Flag> flags = new ArrayList<>();
        final Map<Integer, List<JsonNode>> values = new LinkedHashMap<>();
        JsonNode sequentialAtOne;
        String accounting;
        double cgroupCpuMs;
        boolean unaccounted;
        int runs;
    }

    /**
     * The curve's other cells are measured while the budget lasts, and once in any case, so that the
     * largest worker count (the design's {@code studentSpeedup}) is always measured.
     */
    private boolean timeLeft(long start, BenchmarkPlan plan, Measured m) {
        boolean curveMeasured = m.samples.stream().anyMatch(x -> plan.curveTrials().contains(x.trial())
                && !x.trial().equals(PairedRounds.BASELINE));
        return !curveMeasured || System.nanoTime() - start < curveBudget.toNanos();
    }

    /** One run of one cell; the tested variant's failure ends the benchmark. */
    private Failure runTrial(Trial t, int round, Map<String, Object> workload, RunVariant tested, Measured m) {
        progress.before("benchmark");
        RunVariant variant = t.variant();
        RunResult r = runner.run(variant, ExerciseRunner.withWorkers(workload, t.workers()), null);
        progress.ran();
        m.accounting = r.accounting();
        Failure failure = failure(t, variant, variant == tested, r);
        if (failure != null) {
            return failure;
        }
        implausible(t, variant == tested, r).ifPresent(m.flags::add);
        m.cgroupCpuMs += Math.max(0, r.cgroupCpuMs());
        m.unaccounted |= r.cgroupCpuMs() < 0;
        if (variant == tested) {
            m.values.computeIfAbsent(t.workers(), w -> new ArrayList<>()).add(r.value());
        } else if (variant == RunVariant.SEQUENTIAL && m.sequentialAtOne == null) {
            m.sequentialAtOne = r.value();
        }
        m.samples.add(new Sample(variant, t.workers(), round, r.wallMs(), r.cpuMs(), r.maxThreads(), r.maxProcesses(),
                r.peakMemoryMb(), r.service() == null ? null : r.service().maxConcurrent()));
        return null;
    }

    /** A reference whose figures contradict the host's is our problem; the tested variant's is flagged. */
    static java.util.Optional<Flag> implausible(Trial t, boolean tested, RunResult r) {
        var flag = Plausibility.check(r);
        if (flag.isPresent() && !tested) {
            throw new InfrastructureFailure("reference run " + t + ": " + flag.get().message());
        }
        return flag;
    }

    /** A run that did not complete: the tested variant's failure, or ours. */
    static Failure failure(Trial t, RunVariant variant, boolean tested, RunResult r) {
        if (r.outcome() == Outcome.INTERNAL_ERROR) {
            throw new InfrastructureFailure("benchmark run " + t + ": " + r.message());
        }
        if (r.completed()) {
            return null;
        }
        if (!tested) {
            throw new ReferenceFailed(variant.word() + " fails the benchmark workload with " + t.workers()
                    + " worker(s): " + r.outcome() + " — " + r.message());
        }
        return new Failure(Verdicts.of(r.outcome()), "On the benchmark workload with " + t.workers()
                + " worker(s): " + r.message(), ReportCodec.cut(r.traceback()), ReportCodec.cut(r.stacks()));
    }

    /**
     * The tested variant's value at every worker count must equal the sequential reference's value for
     * the same params (some checkers' values depend on the worker count, so each is compared with its own).
     */
    static String wrongValue(ExerciseRunner runner, CorrectnessStage.ExpectedLookup expected,
                             Map<String, Object> workload, Map<Integer, List<JsonNode>> values, JsonNode sequentialAtOne) {
        for (var e : values.entrySet()) {
            int workers = e.getKey();
            // Without a checker the value is the function's, which the worker count must not change: the
            // sequential run of this grading is the answer (no extra run). A checker's value may depend on it.
            JsonNode want = sequentialAtOne != null && (workers == 1 || !runner.hasChecker()) ? sequentialAtOne
                    : expected.of(ExerciseRunner.withWorkers(workload, workers));
            for (JsonNode value : e.getValue()) {
                if (Comparison.firstDifference(want, value) != null) {
                    // Not the expected value itself: the workload is drawn so that it cannot be learned.
                    return "Wrong answer on the benchmark workload with " + workers + " worker(s): the returned value"
                            + " differs from the sequential reference's on the same workload.";
                }
            }
        }
        return null;
    }
}
