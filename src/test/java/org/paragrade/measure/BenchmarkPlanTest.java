package org.paragrade.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchmarkPlanTest {

    private static final List<String> VARIANTS = List.of("student", "sequential", "threads", "processes");
    private static final List<Integer> WORKERS = List.of(1, 2, 4);

    private final BenchmarkPlan plan = new BenchmarkPlan(VARIANTS, WORKERS, 3, 6, 42L, 0.15);

    @Test
    void sequentialReferenceRunsAtOneWorkerOnlyAndEveryOtherVariantAtEveryCount() {
        assertThat(plan.trials()).containsExactlyInAnyOrder(
                new Trial("sequential", 1),
                new Trial("student", 1), new Trial("student", 2), new Trial("student", 4),
                new Trial("threads", 1), new Trial("threads", 2), new Trial("threads", 4),
                new Trial("processes", 1), new Trial("processes", 2), new Trial("processes", 4));
    }

    @Test
    void everyRoundRunsEveryTrialExactlyOnce() {
        for (int r = 0; r < 25; r++) {
            assertThat(plan.round(r)).hasSize(10).containsExactlyInAnyOrderElementsOf(plan.trials());
        }
    }

    @Test
    void consecutiveRoundsRunInDifferentOrders() {
        for (int r = 0; r < 20; r++) {
            assertThat(plan.round(r + 1)).isNotEqualTo(plan.round(r));
        }
    }

    @Test
    void overAFullCycleEveryTrialRunsInEveryPositionOnceSoDriftHitsAllAlike() {
        int n = plan.trials().size();
        for (int position = 0; position < n; position++) {
            Set<Trial> seen = new HashSet<>();
            for (int r = 0; r < n; r++) seen.add(plan.round(r).get(position));
            assertThat(seen).as("position %d", position).hasSize(n);
        }
    }

    @Test
    void overAFullCycleEveryTrialFollowsEveryOtherOnce() {
        int n = plan.trials().size(); // even: a Williams square of n rows balances carry-over
        Set<List<Trial>> pairs = new HashSet<>();
        for (int r = 0; r < n; r++) {
            List<Trial> order = plan.round(r);
            for (int i = 0; i + 1 < n; i++) pairs.add(List.of(order.get(i), order.get(i + 1)));
        }
        assertThat(pairs).hasSize(n * (n - 1));
    }

    @Test
    void anOddNumberOfTrialsStillVariesAndBalancesPositions() {
        BenchmarkPlan odd = new BenchmarkPlan(List.of("student", "sequential", "processes"), List.of(1, 2), 3, 6, 7L, 0.15);
        assertThat(odd.trials()).hasSize(5);
        for (int r = 0; r < 10; r++) {
            assertThat(odd.round(r)).containsExactlyInAnyOrderElementsOf(odd.trials());
            assertThat(odd.round(r + 1)).isNotEqualTo(odd.round(r));
        }
    }

    @Test
    void theSameSeedGivesTheSameOrdersAndAnotherSeedOtherOrders() {
        BenchmarkPlan again = new BenchmarkPlan(VARIANTS, WORKERS, 3, 6, 42L, 0.15);
        BenchmarkPlan other = new BenchmarkPlan(VARIANTS, WORKERS, 3, 6, 43L, 0.15);
        assertThat(again.round(0)).isEqualTo(plan.round(0));
        assertThat(again.round(5)).isEqualTo(plan.round(5));
        assertThat(other.round(0)).isNotEqualTo(plan.round(0));
    }

    @Test
    void theMinimumRoundsAreAlwaysRun() {
        List<Sample> samples = new ArrayList<>();
        assertThat(plan.needsMoreRounds(samples)).isTrue();
        runRounds(samples, 0, 2, 0.0);
        assertThat(plan.needsMoreRounds(samples)).isTrue();
        runRounds(samples, 2, 3, 0.0);
        assertThat(plan.needsMoreRounds(samples)).isFalse();
        assertThat(plan.stable(samples)).isTrue();
    }

    @Test
    void aNoisyCellAsksForMoreRoundsThenTheCapStopsItAndItIsFlaggedUnstable() {
        List<Sample> samples = new ArrayList<>();
        runRounds(samples, 0, 3, 0.30); // student@2 swings by 30%
        assertThat(plan.needsMoreRounds(samples)).isTrue();
        assertThat(plan.unsteadyTrials(samples)).containsExactly(new Trial("student", 2));
        runRounds(samples, 3, 6, 0.30);
        assertThat(plan.needsMoreRounds(samples)).as("cap of 6 rounds reached").isFalse();
        assertThat(plan.stable(samples)).isFalse();
    }

    @Test
    void extraRoundsThatSettleTheMedianMakeTheBenchmarkStable() {
        List<Sample> samples = new ArrayList<>();
        runRounds(samples, 0, 3, 0.0);
        // one disturbed run of student@2 in round 1
        samples.replaceAll(s -> s.round() == 1 && s.variant().equals("student") && s.workers() == 2
                ? new Sample("student", 2, 1, s.wallMs() * 1.4, s.cpuMs(), 3, 1, 20) : s);
        assertThat(plan.needsMoreRounds(samples)).isTrue();
        runRounds(samples, 3, 6, 0.0);
        assertThat(plan.needsMoreRounds(samples)).isFalse();
        assertThat(plan.stable(samples)).as("with 6 runs the stray one is outside the median's interval").isTrue();
    }

    @Test
    void extraRoundsReRunOnlyTheUnsteadyCellsAndTheSequentialBaseline() {
        List<Sample> samples = new ArrayList<>();
        assertThat(plan.round(0, samples)).as("minimum rounds are whole").hasSize(10);
        runRounds(samples, 0, 3, 0.30);
        assertThat(plan.round(3, samples)).containsExactlyInAnyOrder(new Trial("student", 2), new Trial("sequential", 1));
        assertThat(plan.round(3, samples)).as("in that round's order")
                .isEqualTo(plan.round(3).stream().filter(plan.round(3, samples)::contains).toList());

        List<Sample> steady = new ArrayList<>();
        runRounds(steady, 0, 3, 0.0);
        assertThat(plan.round(3, steady)).isEmpty();
    }

    @Test
    void aNoisyReferenceOutsideTheExpectedModelCostsNoExtraRound() {
        BenchmarkPlan processes = new BenchmarkPlan(VARIANTS, WORKERS, 3, 6, 42L, 0.15, "processes");
        List<Sample> samples = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (Trial t : processes.round(r)) {
                double wall = 1000.0 / t.workers() * (t.variant().equals("threads") && r == 1 ? 1.5 : 1.0);
                samples.add(new Sample(t.variant(), t.workers(), r, wall, 1000.0, 2, 1, 20.0));
            }
        }
        assertThat(processes.needsMoreRounds(samples)).isFalse();
        assertThat(processes.stable(samples)).isTrue();
        assertThat(plan.needsMoreRounds(samples)).as("every reference counts under 'any'").isTrue();
    }

    @Test
    void aTrialWithoutAnySampleIsNotStable() {
        List<Sample> samples = new ArrayList<>();
        runRounds(samples, 0, 3, 0.0);
        samples.removeIf(s -> s.variant().equals("threads") && s.workers() == 4);
        assertThat(plan.stable(samples)).isFalse();
        assertThat(plan.needsMoreRounds(samples)).isTrue();
    }

    /** Rounds [from, to) of every trial; student@2 alternates by +-noise/2 when noise > 0. */
    private void runRounds(List<Sample> samples, int from, int to, double noise) {
        for (int r = from; r < to; r++) {
            for (Trial t : plan.round(r)) {
                double wall = 1000.0 / t.workers();
                if (noise > 0 && t.variant().equals("student") && t.workers() == 2) {
                    wall *= 1 + (r % 2 == 0 ? noise / 2 : -noise / 2);
                }
                samples.add(new Sample(t.variant(), t.workers(), r, wall, 1000.0, t.workers() + 1, 1, 20.0));
            }
        }
    }
}
