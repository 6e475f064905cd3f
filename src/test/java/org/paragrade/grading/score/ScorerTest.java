package org.paragrade.grading.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.paragrade.measure.Behaviour;
import org.paragrade.measure.BehaviourVerdict;
import org.paragrade.measure.BenchmarkPlan;
import org.paragrade.measure.Evidence;
import org.paragrade.measure.ExpectedModel;
import org.paragrade.measure.FlagCode;
import org.paragrade.measure.Interval;
import org.paragrade.measure.Judgement;
import org.paragrade.measure.Kind;
import org.paragrade.measure.NoisyMachine;
import org.paragrade.measure.RunVariant;
import org.paragrade.measure.Sample;
import org.paragrade.measure.ScoringPoint;

/** Grades of primes solutions benchmarked on a noisy 2-core machine, as a teacher would give them. */
class ScorerTest {

    /** The primes exercise: 50 / 35 / 15, full performance points at 0.8 × the reference. */
    private static final ScoringWeights PRIMES = new ScoringWeights(50, 35, 15, 0.8);
    private static final List<RunVariant> VARIANTS =
            List.of(RunVariant.STUDENT, RunVariant.SEQUENTIAL, RunVariant.THREADS, RunVariant.PROCESSES);
    private static final int SCORED_AT = ScoringPoint.defaultWorkers(NoisyMachine.WORKERS, NoisyMachine.CORES);

    private static BenchmarkPlan plan(long seed) {
        return BenchmarkPlan.of(VARIANTS, NoisyMachine.WORKERS, SCORED_AT, ExpectedModel.PROCESSES,
                NoisyMachine.CORES, seed, Scorer.stoppingRule(PRIMES, Kind.CPU, ExpectedModel.PROCESSES, SCORED_AT));
    }

    /** Benchmarks the solution with the adaptive plan and grades it as the engine does. */
    private static ScoreBreakdown graded(NoisyMachine machine, long seed) {
        BenchmarkPlan plan = plan(seed);
        List<Sample> samples = machine.benchmark(plan);
        Judgement judgement = Judgement.of(Kind.CPU, ExpectedModel.PROCESSES, plan.curve(samples), SCORED_AT);
        return Scorer.score(PRIMES, 7, 7, judgement, plan.stable(samples));
    }

    private static void forTwentyGradings(LongFunction<NoisyMachine> solution, java.util.function.Consumer<ScoreBreakdown> check) {
        for (long seed = 1; seed <= 20; seed++) check.accept(graded(solution.apply(seed), seed));
    }

    @Test
    void theScoringPointIsTheLargestCountNotAboveTheCores() {
        assertThat(SCORED_AT).isEqualTo(2);
    }

    @Test
    void aPoolMapSolutionEarnsEveryPerformancePointEveryTime() {
        forTwentyGradings(seed -> NoisyMachine.typical(seed).processesStudent(), score -> {
            assertThat(score.performance()).as(score.notes().toString()).isEqualTo(35.0);
            assertThat(score.behaviour()).isEqualTo(15.0);
            assertThat(score.total()).isEqualTo(100.0);
            assertThat(score.needsReview()).as(score.notes().toString()).isFalse();
            assertThat(score.flags()).isEmpty();
        });
    }

    @Test
    void gilBoundThreadsEarnNoPerformancePointsButHalfTheBehaviourPoints() {
        forTwentyGradings(seed -> NoisyMachine.typical(seed).gilBoundThreads(), score -> {
            assertThat(score.performance()).isZero();
            assertThat(score.performanceHigh()).as("not even the interval allows any").isZero();
            assertThat(score.behaviour()).isEqualTo(7.5);
            assertThat(score.total()).isEqualTo(57.5);
            assertThat(score.needsReview()).isFalse();
        });
    }

    @Test
    void theStarterAndALuckyStarterEarnNoPerformancePoints() {
        forTwentyGradings(seed -> NoisyMachine.typical(seed).sequentialStudent(), score -> {
            assertThat(score.performance()).isZero();
            assertThat(score.total()).isEqualTo(50.0);
        });
        forTwentyGradings(seed -> NoisyMachine.typical(seed).luckySequentialStudent(), score -> {
            assertThat(score.performance()).as(score.notes().toString()).isZero();
            assertThat(score.total()).isEqualTo(50.0);
            assertThat(score.notes()).anyMatch(n -> n.contains("1.0 core busy") && n.contains("whatever the wall clock said"));
        });
    }

    @Test
    void aFasterAlgorithmOnOneCoreIsReportedAsLessWorkAndEarnsNoPerformancePoints() {
        forTwentyGradings(seed -> NoisyMachine.typical(seed).fasterAlgorithmThreads(), score -> {
            assertThat(score.performance()).isZero();
            assertThat(score.flags()).as("a faster algorithm is no fraud").isEmpty();
            assertThat(score.notes()).anyMatch(n -> n.contains("less work than the reference on one core")
                    && n.contains("your threads added nothing"));
        });
    }

    @Test
    void aHardCodedAnswerThatSleepsIsFlaggedAndEarnsNeitherPerformanceNorBehaviourPoints() {
        forTwentyGradings(seed -> NoisyMachine.typical(seed).hardCodedSleeper(), score -> {
            assertThat(score.flags()).extracting(f -> f.code()).contains(FlagCode.TOO_FAST_FOR_ITS_CPU);
            assertThat(score.performance()).isZero();
            assertThat(score.behaviour()).isZero();
            assertThat(score.total()).isEqualTo(50.0);
            assertThat(score.needsReview()).isTrue();
            assertThat(score.flags().get(0).message()).contains("ms of CPU time", "a grader will look at it");
        });
    }

    @Test
    void theTeachersOrderHoldsInEveryGrading() {
        for (long seed = 1; seed <= 10; seed++) {
            double processes = graded(NoisyMachine.typical(seed).processesStudent(), seed).total();
            double threads = graded(NoisyMachine.typical(seed).gilBoundThreads(), seed).total();
            double sequential = graded(NoisyMachine.typical(seed).sequentialStudent(), seed).total();
            double lucky = graded(NoisyMachine.typical(seed).luckySequentialStudent(), seed).total();
            assertThat(processes).isGreaterThan(threads);
            assertThat(threads).isGreaterThanOrEqualTo(sequential).isGreaterThanOrEqualTo(lucky);
        }
    }

    @Test
    void withANeighbourBurningOneCoreProcessesStillEarnFullPointsAndThreadsNone() {
        // 3 busy tasks on 2 cores: two worker processes get 2/3 of a core each, so the reference is 1.33×
        LongFunction<NoisyMachine> busy = seed -> NoisyMachine.typical(seed)
                .cell(RunVariant.PROCESSES, 2, 760, 1010, 4, 3)
                .cell(RunVariant.STUDENT, 1, 1050, 1040, 2, 2)
                .cell(RunVariant.STUDENT, 2, 780, 1040, 4, 3)
                .cell(RunVariant.STUDENT, 4, 790, 1060, 6, 5);
        forTwentyGradings(busy, score -> assertThat(score.performance()).as(score.notes().toString()).isEqualTo(35.0));
        forTwentyGradings(seed -> NoisyMachine.typical(seed).cell(RunVariant.PROCESSES, 2, 760, 1010, 4, 3).gilBoundThreads(),
                score -> assertThat(score.performance()).isZero());
    }

    @Test
    void fiveGradingsOfEachTeachingSolutionAgreeExactly() {
        for (LongFunction<NoisyMachine> solution : List.<LongFunction<NoisyMachine>>of(
                seed -> NoisyMachine.typical(seed).processesStudent(),
                seed -> NoisyMachine.typical(seed).gilBoundThreads(),
                seed -> NoisyMachine.typical(seed).sequentialStudent())) {
            double first = graded(solution.apply(1), 1).total();
            for (long seed = 2; seed <= 5; seed++) assertThat(graded(solution.apply(seed), seed).total()).isEqualTo(first);
        }
    }

    @Test
    void fiveGradingsOfAHalfWaySolutionAgreeWithinTheStoppingRulesFourPoints() {
        // half-way to the goal is where noise moves points most: each grading stops once its range is
        // within ±2 points (or at the cap), so five gradings spread by about 3 points
        LongFunction<NoisyMachine> halfWay = seed -> NoisyMachine.typical(seed)
                .cell(RunVariant.STUDENT, 1, 1100, 1090, 2, 2)
                .cell(RunVariant.STUDENT, 2, 810, 1150, 4, 3)
                .cell(RunVariant.STUDENT, 4, 830, 1170, 6, 5);
        double min = Double.MAX_VALUE;
        double max = -1;
        for (long seed = 1; seed <= 5; seed++) {
            double total = graded(halfWay.apply(seed), seed).total();
            min = Math.min(min, total);
            max = Math.max(max, total);
        }
        assertThat(max - min).isLessThanOrEqualTo(2 * Scorer.DECIDED_POINTS);
        assertThat(min).isGreaterThan(50.0).isLessThan(100.0);
    }

    @Test
    void theScorersStoppingRuleEndsTheGradeRoundsAtTheMinimumForEveryTeachingSolution() {
        for (long seed = 1; seed <= 10; seed++) {
            for (NoisyMachine machine : List.of(NoisyMachine.typical(seed).processesStudent(),
                    NoisyMachine.typical(seed).gilBoundThreads(), NoisyMachine.typical(seed).sequentialStudent())) {
                BenchmarkPlan plan = plan(seed);
                List<Sample> samples = machine.benchmark(plan);
                assertThat(plan.gradeRounds(samples)).isEqualTo(BenchmarkPlan.DEFAULT_MIN_ROUNDS);
                assertThat(plan.stable(samples)).isTrue();
            }
        }
    }

    @Test
    void aHalfWaySolutionOnAVeryNoisyMachineRunsToTheCapAndGoesToAGrader() {
        NoisyMachine wide = new NoisyMachine(3, 0.2, 0.25)
                .cell(RunVariant.STUDENT, 1, 1100, 1090, 2, 2)
                .cell(RunVariant.STUDENT, 2, 810, 1150, 4, 3)
                .cell(RunVariant.STUDENT, 4, 830, 1170, 6, 5);
        BenchmarkPlan plan = plan(3);
        List<Sample> samples = wide.benchmark(plan);
        assertThat(plan.gradeRounds(samples)).isEqualTo(BenchmarkPlan.DEFAULT_MAX_ROUNDS);
        ScoreBreakdown score = graded(new NoisyMachine(3, 0.2, 0.25)
                .cell(RunVariant.STUDENT, 1, 1100, 1090, 2, 2)
                .cell(RunVariant.STUDENT, 2, 810, 1150, 4, 3)
                .cell(RunVariant.STUDENT, 4, 830, 1170, 6, 5), 3);
        assertThat(score.flags()).extracting(f -> f.code()).containsExactly(FlagCode.UNSTABLE_MEASUREMENT);
        assertThat(score.needsReview()).isTrue();
    }

    @Test
    void withAReferenceUnderOneAndAHalfTheStarterStillEarnsNothing() {
        // the old ramp started below 1× when the reference gained less than 1.5×: the starter earned points
        for (double reference = 1.0; reference < 3; reference += 0.01) {
            double goal = Scorer.goal(PRIMES, Kind.CPU, reference);
            assertThat(Scorer.fraction(1.0, goal, Kind.CPU)).as("reference %.2f", reference).isZero();
            assertThat(Scorer.fraction(0.92, goal, Kind.CPU)).isZero();
            assertThat(goal).isGreaterThanOrEqualTo(Scorer.MIN_GOAL);
        }
    }

    @Test
    void performanceRisesLinearlyFromNoSpeedupToTheGoal() {
        double goal = Scorer.goal(PRIMES, Kind.CPU, 1.9); // 1.52
        assertThat(goal).isCloseTo(1.52, within(1e-9));
        assertThat(Scorer.fraction(1.26, goal, Kind.CPU)).isCloseTo(0.5, within(1e-9));
        assertThat(Scorer.fraction(1.52, goal, Kind.CPU)).isEqualTo(1.0);
        assertThat(Scorer.fraction(2.3, goal, Kind.CPU)).isEqualTo(1.0);
    }

    @Test
    void onASyncExerciseKeepingUpWithTheReferenceEarnsFullPoints() {
        ScoringWeights bank = new ScoringWeights(60, 20, 20, 0.8);
        double goal = Scorer.goal(bank, Kind.SYNC, 1.0); // 0.8, ramp from 0.3
        assertThat(Scorer.fraction(0.95, goal, Kind.SYNC)).isEqualTo(1.0);
        assertThat(Scorer.fraction(0.55, goal, Kind.SYNC)).isCloseTo(0.5, within(1e-9));
        assertThat(Scorer.fraction(0.25, goal, Kind.SYNC)).isZero();
    }

    @Test
    void theScoreComesFromTheIntervalsAndTheirEndsGiveItsRange() {
        Judgement j = judgement(new Interval(1.30, 1.20, 1.40, 0.97, 8), new Interval(1.80, 1.70, 1.90, 0.97, 8));
        ScoreBreakdown score = Scorer.score(PRIMES, 7, 7, j, true);
        // goal 0.8 × 1.80 = 1.44: (1.30 - 1) / 0.44 of 35
        assertThat(score.performance()).isCloseTo(35 * 0.30 / 0.44, within(0.05));
        assertThat(score.performanceLow()).isCloseTo(35 * 0.20 / (0.8 * 1.9 - 1), within(0.05));
        assertThat(score.performanceHigh()).as("1.40 against 0.8 × 1.70 = 1.36 is past the goal").isEqualTo(35.0);
        assertThat(score.decided()).as("a 10-point range is not decided").isFalse();
        assertThat(score.notes()).anyMatch(n -> n.contains("1.30× (1.20–1.40)") && n.contains("1.44×")
                && n.contains("80% of the processes reference's 1.80× (1.70–1.90)") && n.contains("the intervals allow"));

        Judgement clear = judgement(new Interval(1.80, 1.74, 1.86, 0.97, 6), new Interval(1.85, 1.80, 1.90, 0.97, 6));
        ScoreBreakdown settled = Scorer.score(PRIMES, 7, 7, clear, true);
        assertThat(settled.performanceLow()).as("every end is above the goal").isEqualTo(35.0);
        assertThat(settled.decided()).isTrue();
    }

    @Test
    void theRangeComesFromThePointsOfEachRoundSoTheSharedSequentialRunDividesOut() {
        // each round's sequential run moves both speed-ups alike, so the points of the rounds stay close
        // where the two intervals combined end to end would allow anything from 10 to 29 points
        List<Judgement.Round> rounds = new java.util.ArrayList<>();
        for (int r = 0; r < 8; r++) {
            double seqNoise = 1 + 0.02 * (r % 4 - 1.5);
            rounds.add(new Judgement.Round(r, 1.22 * seqNoise, 1.80 * seqNoise));
        }
        Judgement loose = judgement(new Interval(1.22, 1.15, 1.30, 0.97, 8), new Interval(1.80, 1.70, 1.90, 0.97, 8));
        Judgement paired = new Judgement(loose.kind(), loose.model(), 2, loose.student(), loose.reference(),
                loose.referenceSpeedup(), rounds, loose.behaviour(), List.of());
        ScoreBreakdown unpaired = Scorer.score(PRIMES, 7, 7, loose, true);
        ScoreBreakdown score = Scorer.score(PRIMES, 7, 7, paired, true);
        assertThat(unpaired.decided()).isFalse();
        assertThat(score.performanceHigh() - score.performanceLow()).isLessThan(unpaired.performanceHigh() - unpaired.performanceLow());
        assertThat(score.decided()).isTrue();
        assertThat(score.performance()).isCloseTo(35 * 0.22 / 0.44, within(0.05));
    }

    @Test
    void anUnstableMeasurementIsScoredButFlaggedForAGrader() {
        Judgement j = judgement(new Interval(1.30, 1.10, 1.50, 0.97, 15), new Interval(1.80, 1.60, 2.00, 0.97, 15));
        ScoreBreakdown score = Scorer.score(PRIMES, 7, 7, j, false);
        assertThat(score.needsReview()).isTrue();
        assertThat(score.performance()).isGreaterThan(0);
        assertThat(score.flags()).extracting(f -> f.code()).containsExactly(FlagCode.UNSTABLE_MEASUREMENT);
    }

    @Test
    void oneFailingCaseCostsAllPerformanceAndBehaviourPointsAndSaysWhy() {
        ScoreBreakdown score = graded(NoisyMachine.typical(1).processesStudent(), 1);
        ScoreBreakdown wrong = Scorer.score(PRIMES, 3, 4, null, true);
        assertThat(score.total()).isEqualTo(100.0);
        assertThat(wrong.correctness()).isEqualTo(37.5);
        assertThat(wrong.total()).isEqualTo(37.5);
        assertThat(wrong.notes()).anyMatch(n -> n.contains("need every correctness case to pass") && n.contains("3 of 4"));
    }

    @Test
    void aMissingBenchmarkGivesNoPerformancePointsAndAsksForReview() {
        ScoreBreakdown none = Scorer.score(PRIMES, 4, 4, null, true);
        assertThat(none.performance()).isZero();
        assertThat(none.needsReview()).isTrue();
        ScoreBreakdown noReference = Scorer.score(PRIMES, 4, 4, judgement(new Interval(1.8, 1.7, 1.9, 0.97, 6), null), true);
        assertThat(noReference.performance()).isZero();
        assertThat(noReference.needsReview()).isTrue();
        assertThat(noReference.total()).isEqualTo(65.0);
    }

    @Test
    void theSameSamplesAlwaysGiveTheSameScore() {
        ScoreBreakdown first = graded(NoisyMachine.typical(7).processesStudent(), 7);
        for (int i = 0; i < 5; i++) {
            assertThat(graded(NoisyMachine.typical(7).processesStudent(), 7)).isEqualTo(first);
        }
    }

    @Test
    void impossibleCountsAreRejected() {
        assertThatThrownBy(() -> Scorer.score(PRIMES, 5, 4, null, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scorer.score(PRIMES, 0, 0, null, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoringWeights(50, -1, 15, 0.8)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A judgement with given intervals: parallel processes on a cpu exercise. */
    private static Judgement judgement(Interval student, Interval reference) {
        Evidence evidence = new Evidence(2, student, Interval.exactly(1.0), Interval.exactly(1.9), 1.9, true, student,
                java.util.Map.of(), "With 2 workers your solution kept 1.9 cores busy.", List.of());
        return new Judgement(Kind.CPU, ExpectedModel.PROCESSES, 2, evidence, RunVariant.PROCESSES, reference, List.of(),
                new BehaviourVerdict(Behaviour.PARALLEL_PROCESSES, true, "Parallel."), List.of());
    }
}
