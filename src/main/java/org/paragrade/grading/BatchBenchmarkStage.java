package org.paragrade.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paragrade.measure.BatchRounds;
import org.paragrade.measure.BenchmarkPlan;
import org.paragrade.measure.Contention;
import org.paragrade.measure.CpuTimes;
import org.paragrade.measure.Flag;
import org.paragrade.measure.RunVariant;
import org.paragrade.measure.Sample;
import org.paragrade.sandbox.RunResult;

/**
 * Stage 3 for a batch: the benchmarks of several correct solutions of one exercise version in one
 * interleaved session ({@link BatchRounds}) on one workload, the references run once per round for all
 * of them. Each member gets the {@link BenchmarkStage.Result} a benchmark of its own would have given
 * (its view: its runs and the shared runs of its rounds). A member whose run fails, or whose claim is lost,
 * leaves the batch; a reference that fails is ours and ends the session for all.
 */
final class BatchBenchmarkStage {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BatchBenchmarkStage.class);

    /** One solution in the session: how it runs, how it is checked, and where its progress goes. */
    static final class Member {
        final ExerciseRunner runner;
        final CorrectnessStage.ExpectedLookup expected;
        final ProgressTracker progress;
        final BenchmarkPlan plan;
        final List<Flag> flags = new ArrayList<>();
        final Map<Integer, List<JsonNode>> values = new LinkedHashMap<>();
        BenchmarkStage.Failure failure;
        /** The member's claim ended (lease lost, shutdown): no result for it. */
        RuntimeException stopped;
        int runs;

        Member(ExerciseRunner runner, CorrectnessStage.ExpectedLookup expected, ProgressTracker progress,
               BenchmarkPlan plan) {
            this.runner = runner;
            this.expected = CorrectnessStage.ExpectedLookup.memoised(expected);
            this.progress = progress;
            this.plan = plan;
        }

        int planned() {
            return plan.gradeTrials().size() * plan.minRounds() + plan.curveTrials().size() * plan.curveRounds();
        }
    }

    private final Duration curveBudget;
    private final long seed;
    private final java.util.function.BooleanSupplier othersWaiting;

    /**
     * @param curveBudget the curve budget of one benchmark: a session of n members has n times it, so each
     *                    member's curve is measured as far as on its own
     */
    BatchBenchmarkStage(Duration curveBudget, long seed) {
        this(curveBudget, seed, () -> false);
    }

    /**
     * @param othersWaiting whether other solutions wait in the queue: then the rest of the curve (which no grade
     *                      uses) is measured once per member and no more, whatever the budget, and the machine goes
     *                      to the next grading
     */
    BatchBenchmarkStage(Duration curveBudget, long seed, java.util.function.BooleanSupplier othersWaiting) {
        this.curveBudget = curveBudget;
        this.seed = seed;
        this.othersWaiting = othersWaiting;
    }

    /**
     * Runs the session; returns each member's result in order, null for a member whose claim stopped
     * ({@link Member#stopped}). The references run through the first member's runner.
     */
    List<BenchmarkStage.Result> run(List<Member> members, Map<String, Object> workload) {
        BatchRounds rounds = new BatchRounds(members.stream().map(m -> m.plan).toList(), seed);
        ExerciseRunner references = members.get(0).runner;
        long start = System.nanoTime();
        long budget = curveBudget.toNanos() * members.size();
        CpuTimes before = HostCpu.read();
        double cgroupCpuMs = 0;
        boolean unaccounted = false;
        String accounting = null;
        JsonNode sequentialAtOne = null;
        // where the session's time went, for the log: grade rounds and curve rounds, their count and seconds
        int[] roundsOf = new int[2];
        long[] nanosOf = new long[2];
        for (int r = 0; ; r++) {
            long roundStart = System.nanoTime();
            Boolean[] timeLeft = {null}; // asked once a round (the queue's depth is a query)
            List<BatchRounds.Cell> cells = rounds.round(r, () -> timeLeft[0] != null ? timeLeft[0]
                    : (timeLeft[0] = System.nanoTime() - start < budget && !othersWaiting.getAsBoolean()));
            if (cells.isEmpty()) {
                break;
            }
            int phase = cells.stream().anyMatch(c -> plansGrade(members, c)) ? 0 : 1;
            for (BatchRounds.Cell cell : cells) {
                List<Integer> watching = cell.shared() ? List.copyOf(rounds.active()) : List.of(cell.member());
                if (!cell.shared() && !rounds.active().contains(cell.member())) {
                    continue; // left the batch earlier in this round
                }
                for (int m : watching) {
                    before(members.get(m), rounds, m);
                }
                if (rounds.active().isEmpty()) {
                    break;
                }
                ExerciseRunner runner = cell.shared() ? references : members.get(cell.member()).runner;
                RunVariant variant = cell.trial().variant();
                RunResult result = runner.run(variant, ExerciseRunner.withWorkers(workload, cell.trial().workers()), null);
                for (int m : watching) {
                    members.get(m).progress.ran();
                }
                accounting = result.accounting();
                BenchmarkStage.Failure failure = BenchmarkStage.failure(cell.trial(), variant, !cell.shared(), result);
                if (failure != null) {
                    members.get(cell.member()).failure = failure;
                    rounds.drop(cell.member());
                    continue;
                }
                var implausible = BenchmarkStage.implausible(cell.trial(), !cell.shared(), result);
                cgroupCpuMs += Math.max(0, result.cgroupCpuMs());
                unaccounted |= result.cgroupCpuMs() < 0;
                if (cell.shared()) {
                    if (variant == RunVariant.SEQUENTIAL && sequentialAtOne == null) {
                        sequentialAtOne = result.value();
                    }
                } else {
                    Member m = members.get(cell.member());
                    implausible.ifPresent(m.flags::add);
                    m.values.computeIfAbsent(cell.trial().workers(), w -> new ArrayList<>()).add(result.value());
                }
                rounds.record(cell, new Sample(variant, cell.trial().workers(), r, result.wallMs(), result.cpuMs(),
                        result.maxThreads(), result.maxProcesses(), result.peakMemoryMb(),
                        result.service() == null ? null : result.service().maxConcurrent()));
            }
            roundsOf[phase]++;
            nanosOf[phase] += System.nanoTime() - roundStart;
        }
        LOG.infof("Benchmark session of %d: %d grade round(s) in %.1f s, %d curve round(s) in %.1f s", members.size(),
                roundsOf[0], nanosOf[0] / 1e9, roundsOf[1], nanosOf[1] / 1e9);
        // Every run of the session is ours: what the host did beyond them was a neighbour's.
        Contention contention = unaccounted ? null : HostCpu.contention(before, cgroupCpuMs);
        List<BenchmarkStage.Result> out = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (m.stopped != null) {
                out.add(null);
            } else if (m.failure != null) {
                out.add(new BenchmarkStage.Result(List.of(), accounting, m.failure, null, List.of(), null));
            } else {
                // With a checker the value carries this grading's secret: compared with the member's own reference run.
                JsonNode base = m.runner == references || !m.runner.hasChecker() ? sequentialAtOne : null;
                out.add(new BenchmarkStage.Result(List.copyOf(rounds.view(i)), accounting, null,
                        BenchmarkStage.wrongValue(m.runner, m.expected, workload, m.values, base),
                        m.flags.stream().distinct().limit(3).toList(), contention));
            }
        }
        return out;
    }

    /** A cell of the grade's rounds (the scoring point's), not of the rest of the curve. */
    private static boolean plansGrade(List<Member> members, BatchRounds.Cell cell) {
        return !cell.shared() && members.get(cell.member()).plan.gradeTrials().contains(cell.trial());
    }

    /** Before a run the member sees: its progress, and whether its claim still holds. */
    private static void before(Member m, BatchRounds rounds, int index) {
        if (m.runs++ >= m.planned()) {
            m.progress.plan(1);
        }
        try {
            m.progress.before("benchmark");
        } catch (GradingWorker.Cancelled e) {
            m.stopped = e;
            rounds.drop(index);
        }
    }
}
