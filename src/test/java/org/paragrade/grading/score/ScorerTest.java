package org.paragrade.grading.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paragrade.measure.BehaviourClassifier;
import org.paragrade.measure.BehaviourVerdict;
import org.paragrade.measure.Sample;
import org.paragrade.measure.SpeedupCurve;

class ScorerTest {

    /** The primes exercise: 50 / 35 / 15, full performance points at 0.8 × the reference. */
    private static final ScoringWeights PRIMES = new ScoringWeights(50, 35, 15, 0.8);
    /** The processes reference on 2 cores. */
    private static final double REFERENCE = 1.9;

    @Test
    void aCorrectSolutionAtTheGoalEarnsEverything() {
        ScoreBreakdown score = Scorer.score(PRIMES, 4, 4, 1.85, REFERENCE, true, true);
        assertThat(score.correctness()).isEqualTo(50.0);
        assertThat(score.performance()).isEqualTo(35.0);
        assertThat(score.behaviour()).isEqualTo(15.0);
        assertThat(score.total()).isEqualTo(100.0);
        assertThat(score.max()).isEqualTo(100.0);
        assertThat(score.needsReview()).isFalse();
    }

    @Test
    void performanceRisesLinearlyFromNoSpeedupToTheGoal() {
        // goal = 0.8 × 1.9 = 1.52×; 1.26× is half-way from 1× to it
        assertThat(Scorer.score(PRIMES, 4, 4, 1.26, REFERENCE, true, true).performance()).isEqualTo(17.5);
        assertThat(Scorer.score(PRIMES, 4, 4, 1.40, REFERENCE, true, true).performance())
                .isCloseTo(35 * 0.40 / 0.52, within(0.05)); // 26.9
        assertThat(Scorer.score(PRIMES, 4, 4, 1.0, REFERENCE, true, true).performance()).isZero();
        assertThat(Scorer.score(PRIMES, 4, 4, 0.7, REFERENCE, true, true).performance()).isZero();
    }

    @Test
    void beatingTheGoalOrTheReferenceEarnsNoMoreThanFullPoints() {
        assertThat(Scorer.score(PRIMES, 4, 4, 1.52, REFERENCE, true, true).performance()).isEqualTo(35.0);
        assertThat(Scorer.score(PRIMES, 4, 4, 2.3, REFERENCE, true, true).performance()).isEqualTo(35.0);
    }

    @Test
    void oneFailingCaseCostsAllPerformanceAndBehaviourPointsAndSaysWhy() {
        ScoreBreakdown score = Scorer.score(PRIMES, 3, 4, 1.9, REFERENCE, true, true);
        assertThat(score.correctness()).isEqualTo(37.5);
        assertThat(score.performance()).isZero();
        assertThat(score.behaviour()).isZero();
        assertThat(score.total()).isEqualTo(37.5);
        assertThat(score.notes()).anyMatch(n -> n.contains("need every correctness case to pass") && n.contains("3 of 4"));
    }

    @Test
    void scoresOrderAsATeacherWouldOrderThem() {
        ScoreBreakdown fastProcesses = graded(4, processesOnPrimes());
        ScoreBreakdown threads = graded(4, threadsOnPrimes());
        ScoreBreakdown sequential = graded(4, sequentialOnPrimes());
        ScoreBreakdown wrongButFast = graded(3, processesOnPrimes());

        assertThat(fastProcesses.total()).isEqualTo(100.0);
        assertThat(fastProcesses.total()).isGreaterThan(threads.total());
        assertThat(threads.total()).isGreaterThan(sequential.total());
        assertThat(sequential.total()).isGreaterThan(wrongButFast.total());
        assertThat(threads.total()).isEqualTo(57.5);     // correct + half the behaviour points: concurrent, wrong model
        assertThat(sequential.total()).isEqualTo(50.0);  // correct, nothing else
    }

    @Test
    void anUnstableMeasurementIsScoredButFlaggedForAGrader() {
        ScoreBreakdown score = Scorer.score(PRIMES, 4, 4, 1.4, REFERENCE, true, false);
        assertThat(score.needsReview()).isTrue();
        assertThat(score.performance()).isGreaterThan(0);
        assertThat(score.notes()).anyMatch(n -> n.contains("unstable") && n.contains("a grader will review"));
    }

    @Test
    void aMissingSpeedupGivesNoPerformancePointsAndAsksForReview() {
        ScoreBreakdown noStudent = Scorer.score(PRIMES, 4, 4, null, REFERENCE, true, true);
        assertThat(noStudent.performance()).isZero();
        assertThat(noStudent.needsReview()).isTrue();
        ScoreBreakdown noReference = Scorer.score(PRIMES, 4, 4, 1.8, null, true, true);
        assertThat(noReference.performance()).isZero();
        assertThat(noReference.needsReview()).isTrue();
        assertThat(noReference.total()).isEqualTo(65.0);
    }

    @Test
    void whenTheReferenceDoesNotSpeedUpKeepingUpWithItEarnsFullPoints() {
        ScoringWeights bank = new ScoringWeights(60, 20, 20, 0.8);
        // the reference runs at 1.0× (a lock-heavy task): full points at 0.8×, none below 0.3×
        assertThat(Scorer.score(bank, 5, 5, 0.95, 1.0, true, true).performance()).isEqualTo(20.0);
        assertThat(Scorer.score(bank, 5, 5, 0.80, 1.0, true, true).performance()).isEqualTo(20.0);
        assertThat(Scorer.score(bank, 5, 5, 0.55, 1.0, true, true).performance()).isEqualTo(10.0);
        assertThat(Scorer.score(bank, 5, 5, 0.25, 1.0, true, true).performance()).isZero();
        // and a reference slower with more workers does not break the formula
        assertThat(Scorer.score(bank, 5, 5, 0.7, 0.6, true, true).performance()).isEqualTo(20.0);
    }

    @Test
    void theNotesShowTheFiguresBehindThePerformancePoints() {
        ScoreBreakdown score = Scorer.score(PRIMES, 4, 4, 1.40, REFERENCE, true, true);
        assertThat(score.notes()).anyMatch(n -> n.contains("1.40×") && n.contains("1.52×") && n.contains("80%")
                && n.contains("1.90×") && n.contains("26.9 of 35.0"));
    }

    @Test
    void theSameInputsAlwaysGiveTheSameScore() {
        ScoreBreakdown first = Scorer.score(PRIMES, 4, 4, 1.4321, 1.8765, 0.5, true);
        for (int i = 0; i < 20; i++) {
            assertThat(Scorer.score(PRIMES, 4, 4, 1.4321, 1.8765, 0.5, true)).isEqualTo(first);
        }
    }

    @Test
    void partsAreRoundedToATenthAndAddUpToTheTotal() {
        ScoreBreakdown score = Scorer.score(new ScoringWeights(33.33, 33.33, 33.34, 0.8), 2, 3, 1.4, REFERENCE, true, true);
        assertThat(score.correctness()).isEqualTo(22.2);
        assertThat(score.total()).isEqualTo(22.2);
        ScoreBreakdown full = Scorer.score(new ScoringWeights(33.33, 33.33, 33.34, 0.8), 3, 3, 1.3337, REFERENCE, 0.5, true);
        assertThat(full.total()).isCloseTo(full.correctness() + full.performance() + full.behaviour(), within(1e-9));
        assertThat(full.total() * 10).isCloseTo(Math.round(full.total() * 10), within(1e-9));
    }

    @Test
    void threePercentOfNoiseInTheStudentsSpeedupMovesTheTotalByAboutThreePointsAtMost() {
        // worst case 35 × 3% × goal / ramp = 35 × 0.03 × 3 = 3.15 points, plus 0.1 of rounding
        double worst = 0;
        for (double reference : new double[] {0.8, 1.0, 1.05, 1.2, 1.5, 1.7, 1.9, 2.0, 4.0, 7.8}) {
            for (double s = 0.3; s < 10; s += 0.005) {
                double base = Scorer.score(PRIMES, 4, 4, s, reference, true, true).total();
                for (double noise : new double[] {0.97, 1.03}) {
                    double moved = Scorer.score(PRIMES, 4, 4, s * noise, reference, true, true).total();
                    worst = Math.max(worst, Math.abs(moved - base));
                }
            }
        }
        assertThat(worst).isLessThanOrEqualTo(3.25);
    }

    @Test
    void onPrimesTypicalSpeedupsMoveByAtMostThreePointsUnderThreePercentNoise() {
        for (double s = 1.0; s <= 2.0; s += 0.01) {
            double base = Scorer.score(PRIMES, 4, 4, s, REFERENCE, true, true).total();
            assertThat(Math.abs(Scorer.score(PRIMES, 4, 4, s * 1.03, REFERENCE, true, true).total() - base))
                    .as("speed-up %.2f", s).isLessThanOrEqualTo(3.2);
            assertThat(Math.abs(Scorer.score(PRIMES, 4, 4, s * 0.97, REFERENCE, true, true).total() - base))
                    .as("speed-up %.2f", s).isLessThanOrEqualTo(3.2);
        }
    }

    @Test
    void noiseInTheReferenceSpeedupHasNoCliffEither() {
        for (double reference = 0.8; reference < 3; reference += 0.01) {
            for (double s : new double[] {0.6, 0.9, 1.1, 1.3, 1.5, 1.8}) {
                double base = Scorer.score(PRIMES, 4, 4, s, reference, true, true).total();
                double moved = Scorer.score(PRIMES, 4, 4, s, reference * 1.03, true, true).total();
                assertThat(Math.abs(moved - base)).as("s %.2f, reference %.2f", s, reference).isLessThanOrEqualTo(3.3);
            }
        }
    }

    @Test
    void impossibleCountsAreRejected() {
        assertThatThrownBy(() -> Scorer.score(PRIMES, 5, 4, 1.0, 1.0, true, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scorer.score(PRIMES, 0, 0, 1.0, 1.0, true, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoringWeights(50, -1, 15, 0.8)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ScoreBreakdown graded(int passed, List<Sample> samples) {
        SpeedupCurve curve = SpeedupCurve.from(samples, 2, "processes");
        BehaviourVerdict verdict = BehaviourClassifier.classify("cpu", "processes", curve);
        return Scorer.score(PRIMES, passed, 4, curve, verdict);
    }

    /** Sequential 2000 ms and the processes reference at 1050 ms (1.90×) in every benchmark. */
    private static List<Sample> withReferences(double[][] student) {
        List<Sample> samples = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            samples.add(new Sample("sequential", 1, r, 2000, 2000, 1, 1, 15));
            samples.add(new Sample("processes", 1, r, 2080, 2070, 2, 2, 30));
            samples.add(new Sample("processes", 2, r, 1050, 2100, 3, 3, 45));
            samples.add(new Sample("threads", 1, r, 2020, 2010, 2, 1, 16));
            samples.add(new Sample("threads", 2, r, 2050, 2040, 3, 1, 16));
            for (double[] run : student) {
                samples.add(new Sample("student", (int) run[0], r, run[1], run[2], (int) run[3], (int) run[4], 30));
            }
        }
        return samples;
    }

    private static List<Sample> processesOnPrimes() {
        return withReferences(new double[][] {{1, 2080, 2070, 2, 2}, {2, 1080, 2120, 4, 3}});
    }

    private static List<Sample> threadsOnPrimes() {
        return withReferences(new double[][] {{1, 2020, 2010, 2, 1}, {2, 2040, 2030, 3, 1}});
    }

    private static List<Sample> sequentialOnPrimes() {
        return withReferences(new double[][] {{1, 2010, 2000, 1, 1}, {2, 2000, 1995, 1, 1}});
    }
}
