package org.paragrade.grading.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.paragrade.measure.BatchRounds;
import org.paragrade.measure.BenchmarkPlan;
import org.paragrade.measure.ExpectedModel;
import org.paragrade.measure.Judgement;
import org.paragrade.measure.Kind;
import org.paragrade.measure.PairedRounds;
import org.paragrade.measure.RunVariant;
import org.paragrade.measure.Sample;
import org.paragrade.measure.StoppingRule;
import org.paragrade.measure.Trial;

/**
 * A solution's score does not depend on its batch mates: on a machine where a run of a cell in a round
 * measures the same whoever else is in the session (drift by round, each run's own one-sided noise, as
 * recorded on the 2-core development machine), a processes solution graded alone and graded in a batch
 * with a mate whose measurement never settles (grade rounds up to the cap) and a mate that fails its third round gets the same grade
 * cells and the same score within the scorer's noise rule; the references run once per round for all.
 */
class BatchScoreTest {
    private static final ScoringWeights PRIMES = new ScoringWeights(50, 35, 15, 0.8);
    private static final List<RunVariant> VARIANTS =
            List.of(RunVariant.STUDENT, RunVariant.SEQUENTIAL, RunVariant.THREADS, RunVariant.PROCESSES);
    private static final List<Integer> WORKERS = List.of(1, 2, 4);
    private static final int SCORED_AT = 2;

    /** What a solution's cells take on a quiet machine (ms at 1, 2, 4 workers) and how noisy its runs are. */
    private record Solution(String name, double at1, double at2, double at4, double cpuPerWall, double noise,
                            int failsInRound) {
        double wall(int workers) {
            return workers == 1 ? at1 : workers == 2 ? at2 : at4;
        }
    }

    private static final Solution PROCESSES = new Solution("processes", 1050, 560, 575, 1.9, 0.03, -1);
    private static final Solution NOISY = new Solution("noisy", 1000, 640, 900, 1.55, 1.2, -1);
    private static final Solution FAILING = new Solution("failing", 1000, 520, 530, 1.9, 0.03, 2);
    private static final Map<Trial, Double> REFERENCES = Map.of(PairedRounds.BASELINE, 1000.0,
            new Trial(RunVariant.PROCESSES, 1), 1040.0, new Trial(RunVariant.PROCESSES, 2), 540.0,
            new Trial(RunVariant.PROCESSES, 4), 560.0, new Trial(RunVariant.THREADS, 1), 1010.0,
            new Trial(RunVariant.THREADS, 2), 1020.0, new Trial(RunVariant.THREADS, 4), 1030.0);

    /** One run: the round's shared slow-down times the run's own, both drawn from what ran and when. */
    private static Sample run(BatchRounds.Cell cell, int round, List<Solution> members) {
        Trial t = cell.trial();
        Solution s = cell.shared() ? null : members.get(cell.member());
        double quiet = s == null ? REFERENCES.get(t) : s.wall(t.workers());
        double noise = s == null ? 0.03 : s.noise();
        double shared = 0.9 + new Random(round * 7919L).nextDouble() * 0.3;
        double own = 1 - noise * Math.log(1 - new Random(Objects.hash(s == null ? "ref" : s.name(), t, round)).nextDouble());
        boolean parallel = t.workers() > 1 && t.variant() != RunVariant.THREADS;
        double wall = quiet * shared * own;
        double cpuPerWall = s != null ? (parallel ? s.cpuPerWall() : 1.0) : parallel ? 1.9 : 0.99;
        int processes = parallel ? t.workers() + 1 : 1;
        return new Sample(t.variant(), t.workers(), round, wall, Math.min(wall * 2, quiet * shared * cpuPerWall),
                processes + 1, processes, 30);
    }

    private static BenchmarkPlan plan(long seed) {
        return BenchmarkPlan.of(VARIANTS, WORKERS, SCORED_AT, ExpectedModel.PROCESSES, 2, seed,
                Scorer.stoppingRule(PRIMES, Kind.CPU, ExpectedModel.PROCESSES, SCORED_AT));
    }

    /** A mate whose measurement never settles: its plan runs grade rounds up to the cap. */
    private static BenchmarkPlan neverDecided(long seed) {
        return BenchmarkPlan.of(VARIANTS, WORKERS, SCORED_AT, ExpectedModel.PROCESSES, 2, seed, StoppingRule.NEVER);
    }

    /** The engine's session loop (BatchBenchmarkStage) over the simulated machine; returns the batch and its run count. */
    private static BatchRounds session(List<Solution> members, List<Integer> runs) {
        return session(members, runs, true);
    }

    /** @param timeLeft what the engine answers when a member that measured its curve once asks for more */
    private static BatchRounds session(List<Solution> members, List<Integer> runs, boolean timeLeft) {
        List<BenchmarkPlan> plans = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) plans.add(members.get(i) == NOISY ? neverDecided(100 + i) : plan(100 + i));
        BatchRounds batch = new BatchRounds(plans, 7);
        int made = 0;
        for (int r = 0; ; r++) {
            List<BatchRounds.Cell> cells = batch.round(r, () -> timeLeft);
            if (cells.isEmpty()) break;
            for (BatchRounds.Cell c : cells) {
                if (!c.shared() && !batch.active().contains(c.member())) continue;
                made++;
                if (!c.shared() && members.get(c.member()).failsInRound() == r) {
                    batch.drop(c.member());
                    continue;
                }
                batch.record(c, run(c, r, members));
            }
        }
        runs.add(made);
        return batch;
    }

    private static double score(List<Sample> view) {
        BenchmarkPlan plan = plan(100);
        Judgement j = Judgement.of(Kind.CPU, ExpectedModel.PROCESSES, plan.curve(view), SCORED_AT);
        return Scorer.score(PRIMES, 7, 7, j, plan.stable(view)).total();
    }

    private static List<Sample> gradeCells(List<Sample> view) {
        return view.stream().filter(s -> s.workers() == SCORED_AT && s.variant() != RunVariant.THREADS).toList();
    }

    @Test
    void aSolutionScoresTheSameAloneAndBesideANoisyAndAFailingMate() {
        List<Integer> runs = new ArrayList<>();
        List<Sample> alone = session(List.of(PROCESSES), runs).view(0);
        BatchRounds batch = session(List.of(PROCESSES, NOISY, FAILING), runs);
        List<Sample> inBatch = batch.view(0);

        assertThat(gradeCells(inBatch)).as("the grade's cells: the same runs as alone").isEqualTo(gradeCells(alone));
        assertThat(score(inBatch)).isCloseTo(score(alone), org.assertj.core.data.Offset.offset(Scorer.DECIDED_POINTS));
        assertThat(score(alone)).as("a processes solution earns the performance points").isGreaterThan(95);
        // The unsettled mate needed every grade round up to the cap; the processes solution stopped where it would alone.
        assertThat(plan(100).gradeRounds(inBatch)).isEqualTo(plan(100).gradeRounds(alone))
                .isLessThan(neverDecided(101).gradeRounds(batch.view(1)));
        assertThat(neverDecided(101).gradeRounds(batch.view(1))).isEqualTo(BenchmarkPlan.DEFAULT_MAX_ROUNDS);
        // The view holds no mate's run, and a baseline in every round it ran.
        assertThat(inBatch).filteredOn(s -> s.variant() == RunVariant.STUDENT).hasSameSizeAs(batch.own(0));
        Set<Integer> rounds = new TreeSet<>();
        batch.own(0).forEach(s -> rounds.add(s.round()));
        for (int r : rounds) {
            assertThat(inBatch).filteredOn(s -> s.round() == r && s.trial().equals(PairedRounds.BASELINE)).hasSize(1);
        }
        // The failing mate left at its third round; it measured nothing after.
        assertThat(batch.own(2)).allMatch(s -> s.round() < 2);
        assertThat(batch.active()).as("only the failing mate left the batch").containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void theReferencesArePaidOncePerBatch() {
        List<Integer> runs = new ArrayList<>();
        List<Solution> four = List.of(PROCESSES, new Solution("b", 1040, 555, 570, 1.9, 0.03, -1),
                new Solution("c", 1000, 990, 995, 1.0, 0.03, -1), new Solution("d", 1060, 565, 580, 1.9, 0.03, -1));
        for (Solution s : four) session(List.of(s), runs);
        int aloneRuns = runs.stream().mapToInt(Integer::intValue).sum();
        BatchRounds batch = session(four, runs);
        int batchRuns = runs.get(runs.size() - 1);
        assertThat(batchRuns).as("4 solutions together against %d runs alone", aloneRuns).isLessThan(aloneRuns * 6 / 10);
        for (int m = 0; m < 4; m++) {
            List<Sample> alone = session(List.of(four.get(m)), new ArrayList<>()).view(0);
            assertThat(gradeCells(batch.view(m))).isEqualTo(gradeCells(alone));
        }
    }

    /**
     * While others wait in the queue the engine says no time is left: each member's curve is measured once (not
     * the plan's two rounds), its grade cells and score are what they are with time to spare, and the session is
     * shorter by the second curve round of every member and of the references.
     */
    @Test
    void withOthersWaitingTheCurveIsMeasuredOnceAndTheScoreIsUnchanged() {
        List<Solution> four = List.of(PROCESSES, new Solution("b", 1040, 555, 570, 1.9, 0.03, -1),
                new Solution("c", 1000, 990, 995, 1.0, 0.03, -1), new Solution("d", 1060, 565, 580, 1.9, 0.03, -1));
        List<Integer> runs = new ArrayList<>();
        BatchRounds spare = session(four, runs, true);
        BatchRounds busy = session(four, runs, false);
        Trial curveCell = new Trial(RunVariant.STUDENT, 4);
        for (int m = 0; m < four.size(); m++) {
            assertThat(gradeCells(busy.view(m))).as("member %d's grade cells", m).isEqualTo(gradeCells(spare.view(m)));
            assertThat(score(busy.view(m))).isEqualTo(score(spare.view(m)));
            assertThat(busy.own(m)).filteredOn(s -> s.trial().equals(curveCell)).as("its curve, once").hasSize(1);
            assertThat(spare.own(m)).filteredOn(s -> s.trial().equals(curveCell)).hasSize(BenchmarkPlan.DEFAULT_CURVE_ROUNDS);
        }
        assertThat(runs.get(1)).as("runs of the session with others waiting").isLessThan(runs.get(0));
    }
}
