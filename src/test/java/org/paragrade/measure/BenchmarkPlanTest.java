package org.paragrade.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchmarkPlanTest {

    private static final List<RunVariant> VARIANTS =
            List.of(RunVariant.STUDENT, RunVariant.SEQUENTIAL, RunVariant.THREADS, RunVariant.PROCESSES);
    private static final List<Integer> WORKERS = NoisyMachine.WORKERS;
    private static final Trial BASELINE = new Trial(RunVariant.SEQUENTIAL, 1);

    /** Decided once the student's speed-up at 2 workers is known within ±5%. */
    private static final StoppingRule WITHIN_5_PERCENT = curve -> curve.run(RunVariant.STUDENT, 2)
            .map(RunFigures::speedupInterval).map(i -> i.relativeHalfWidth() <= 0.05).orElse(false);

    private static BenchmarkPlan plan(long seed, StoppingRule rule) {
        return BenchmarkPlan.of(VARIANTS, WORKERS, 2, ExpectedModel.PROCESSES, 2, seed, rule);
    }

    private final BenchmarkPlan plan = plan(42L, WITHIN_5_PERCENT);

    @Test
    void theCellsTheGradeNeedsAreTheStudentAndTheFittingReferenceAtTheScoringPointAndTheBaseline() {
        assertThat(plan.gradeTrials()).containsExactlyInAnyOrder(BASELINE,
                new Trial(RunVariant.STUDENT, 2), new Trial(RunVariant.PROCESSES, 2));
        assertThat(plan.curveTrials()).as("the rest of the curve, with the baseline to pair with")
                .containsExactlyInAnyOrder(BASELINE,
                        new Trial(RunVariant.STUDENT, 1), new Trial(RunVariant.STUDENT, 4),
                        new Trial(RunVariant.THREADS, 1), new Trial(RunVariant.THREADS, 2), new Trial(RunVariant.THREADS, 4),
                        new Trial(RunVariant.PROCESSES, 1), new Trial(RunVariant.PROCESSES, 4));
        assertThat(plan.trials()).hasSize(10);
        BenchmarkPlan any = BenchmarkPlan.of(VARIANTS, WORKERS, 2, ExpectedModel.ANY, 2, 1L, WITHIN_5_PERCENT);
        assertThat(any.gradeTrials()).as("under 'any' every reference counts").contains(new Trial(RunVariant.THREADS, 2));
    }

    @Test
    void theGradesCellsComeFirstAndTheRestOfTheCurveAfter() {
        List<Sample> samples = new ArrayList<>();
        assertThat(plan.phase(samples)).isEqualTo(BenchmarkPlan.Phase.GRADE);
        assertThat(plan.round(0, samples)).containsExactlyInAnyOrderElementsOf(plan.gradeTrials());
        samples = NoisyMachine.typical(3).processesStudent().benchmark(plan);
        assertThat(plan.phase(samples)).isEqualTo(BenchmarkPlan.Phase.DONE);
        int lastGradeRound = samples.stream().filter(s -> s.trial().equals(new Trial(RunVariant.STUDENT, 2)))
                .mapToInt(Sample::round).max().orElseThrow();
        assertThat(samples).filteredOn(s -> s.trial().equals(new Trial(RunVariant.THREADS, 2)))
                .allMatch(s -> s.round() > lastGradeRound).hasSize(BenchmarkPlan.DEFAULT_CURVE_ROUNDS);
    }

    @Test
    void onCleanDataTheStoppingRuleStopsAtTheMinimumRounds() {
        List<Sample> samples = new NoisyMachine(5, 0.2, 0.01).processesStudent().benchmark(plan);
        assertThat(plan.gradeRounds(samples)).isEqualTo(BenchmarkPlan.DEFAULT_MIN_ROUNDS);
        assertThat(plan.stable(samples)).isTrue();
        // three grade cells a round, plus two rounds of the other seven cells and the baseline
        assertThat(samples).hasSize(3 * 6 + 8 * 2);
    }

    @Test
    void onWideDataTheGradeRoundsGoToTheCapAndTheGradeIsUnstable() {
        List<Sample> samples = new NoisyMachine(5, 0.0, 0.4).processesStudent().benchmark(plan);
        assertThat(plan.gradeRounds(samples)).isEqualTo(BenchmarkPlan.DEFAULT_MAX_ROUNDS);
        assertThat(plan.stable(samples)).isFalse();
    }

    @Test
    void theMinimumRoundsAreRunEvenWhenTheScoreLooksDecidedAtOnce() {
        BenchmarkPlan eager = plan(42L, curve -> true);
        List<Sample> samples = NoisyMachine.typical(1).processesStudent().benchmark(eager);
        assertThat(eager.gradeRounds(samples)).isEqualTo(Statistics.RUNS_FOR_CONFIDENCE);
    }

    @Test
    void withoutTimeLeftTheRestOfTheCurveIsSkipped() {
        BenchmarkPlan eager = plan(42L, curve -> true);
        NoisyMachine machine = NoisyMachine.typical(1).processesStudent();
        List<Sample> samples = new ArrayList<>();
        for (int r = 0; eager.needsMoreRounds(samples, false); r++) {
            for (Trial t : eager.round(r, samples, false)) samples.add(machine.run(t, r));
        }
        assertThat(samples).extracting(Sample::trial).allMatch(eager.gradeTrials()::contains);
        assertThat(eager.phase(samples, true)).as("with time again, the curve follows").isEqualTo(BenchmarkPlan.Phase.CURVE);
    }

    @Test
    void everyRoundOfAPhaseRunsEachOfItsCellsExactlyOnceInAnotherOrder() {
        List<Sample> none = List.of();
        for (int r = 0; r < 12; r++) {
            assertThat(plan.round(r, none)).containsExactlyInAnyOrderElementsOf(plan.gradeTrials());
            assertThat(plan.round(r + 1, none)).isNotEqualTo(plan.round(r, none));
            assertThat(plan.fullRound(r)).hasSize(10).containsExactlyInAnyOrderElementsOf(plan.trials());
        }
    }

    @Test
    void overAFullCycleEveryTrialRunsInEveryPositionOnceSoDriftHitsAllAlike() {
        int n = plan.trials().size();
        for (int position = 0; position < n; position++) {
            Set<Trial> seen = new HashSet<>();
            for (int r = 0; r < n; r++) seen.add(plan.fullRound(r).get(position));
            assertThat(seen).as("position %d", position).hasSize(n);
        }
    }

    @Test
    void overAFullCycleEveryTrialFollowsEveryOtherOnce() {
        int n = plan.trials().size(); // even: a Williams square of n rows balances carry-over
        Set<List<Trial>> pairs = new HashSet<>();
        for (int r = 0; r < n; r++) {
            List<Trial> order = plan.fullRound(r);
            for (int i = 0; i + 1 < n; i++) pairs.add(List.of(order.get(i), order.get(i + 1)));
        }
        assertThat(pairs).hasSize(n * (n - 1));
    }

    @Test
    void anOddNumberOfCellsStillBalancesPositionsOverTwiceAsManyRounds() {
        List<Trial> three = plan.gradeTrials();
        for (int position = 0; position < 3; position++) {
            Set<Trial> seen = new HashSet<>();
            for (int r = 0; r < 6; r++) seen.add(BenchmarkPlan.williams(three, r).get(position));
            assertThat(seen).hasSize(3);
        }
    }

    @Test
    void theSameSeedGivesTheSameOrdersAndAnotherSeedOtherOrders() {
        BenchmarkPlan again = plan(42L, WITHIN_5_PERCENT);
        BenchmarkPlan other = plan(43L, WITHIN_5_PERCENT);
        assertThat(again.fullRound(0)).isEqualTo(plan.fullRound(0));
        assertThat(again.round(5, List.of())).isEqualTo(plan.round(5, List.of()));
        assertThat(other.fullRound(0)).isNotEqualTo(plan.fullRound(0));
    }

    @Test
    void theScoringPointMustBeABenchmarkedCount() {
        assertThatThrownBy(() -> BenchmarkPlan.of(VARIANTS, WORKERS, 3, ExpectedModel.PROCESSES, 2, 1L, WITHIN_5_PERCENT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
