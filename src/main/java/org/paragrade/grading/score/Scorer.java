package org.paragrade.grading.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paragrade.measure.BehaviourVerdict;
import org.paragrade.measure.SpeedupCurve;

/**
 * Turns correctness, speed-up and behaviour into a grade. Pure and deterministic: the same inputs
 * always give the same score.
 *
 * <ul>
 *   <li>Correctness: its weight × passed / total.</li>
 *   <li>Performance and behaviour only for a fully correct solution: a wrong answer computed fast
 *       proves nothing (it may skip work), and must not outscore a correct sequential one.</li>
 *   <li>Performance: linear from a "zero" speed-up to the goal, {@code target × referenceSpeedup}
 *       (the contract: full points at that fraction of the reference), clamped to [0, 1]. The zero is
 *       1× (no speed-up, no points), exactly {@code (S − 1) / (target × R − 1)}, whenever the goal is
 *       at least 1.5×. When the reference itself barely speeds up (a sync task, a tiny workload) the
 *       ramp is kept {@value #MIN_RAMP}× wide below the goal instead, so the formula never divides
 *       by (almost) zero, stays continuous in the measured reference speed-up, and gives full points
 *       to a student within the target fraction of the reference. Because the ramp is never narrower
 *       than 1/3 of the goal, a 3% wobble of the student's speed-up moves at most 9% of the performance
 *       weight (3.15 of 35 points), with no cliff anywhere.</li>
 *   <li>Behaviour: its weight × the verdict's credit (1 matching, 0.5 concurrent in the wrong way,
 *       0 sequential).</li>
 *   <li>An unstable measurement is still scored, but flagged for review and said so in the notes.</li>
 * </ul>
 */
public final class Scorer {

    /** Narrowest span of speed-up between no and full performance points. */
    static final double MIN_RAMP = 0.5;

    private Scorer() {
    }

    /** Scores a graded run from the benchmark's curve and the behaviour verdict. */
    public static ScoreBreakdown score(ScoringWeights w, int passed, int total, SpeedupCurve curve, BehaviourVerdict verdict) {
        return score(w, passed, total, curve.studentSpeedup(), curve.referenceSpeedup(), verdict.credit(), curve.stable());
    }

    /** All or no behaviour points. */
    public static ScoreBreakdown score(ScoringWeights w, int passed, int total, Double studentSpeedup,
                                       Double referenceSpeedup, boolean behaviourMatches, boolean stable) {
        return score(w, passed, total, studentSpeedup, referenceSpeedup, behaviourMatches ? 1.0 : 0.0, stable);
    }

    /**
     * @param behaviourCredit share of the behaviour points, 0..1 ({@link BehaviourVerdict#credit()})
     * @param stable          the benchmark's spread was within bounds
     */
    public static ScoreBreakdown score(ScoringWeights w, int passed, int total, Double studentSpeedup,
                                       Double referenceSpeedup, double behaviourCredit, boolean stable) {
        if (total < 1) throw new IllegalArgumentException("an exercise has at least one case");
        if (passed < 0 || passed > total) throw new IllegalArgumentException("passed must be within 0.." + total);
        if (!(behaviourCredit >= 0 && behaviourCredit <= 1)) throw new IllegalArgumentException("behaviourCredit must be in 0..1");

        List<String> notes = new ArrayList<>();
        boolean review = false;
        double correctness = round(w.correctness() * passed / total);
        double performance = 0;
        double behaviour = 0;

        if (passed < total) {
            notes.add(f("Performance and behaviour points need every correctness case to pass: %d of %d passed.", passed, total));
        } else {
            if (studentSpeedup == null || !(studentSpeedup > 0)) {
                notes.add("No speed-up of your solution was measured, so no performance points; a grader will review.");
                review = true;
            } else if (referenceSpeedup == null || !(referenceSpeedup > 0)) {
                notes.add("The reference speed-up could not be measured, so performance was not scored; a grader will review.");
                review = true;
            } else {
                double goal = w.performanceTarget() * referenceSpeedup;
                performance = round(w.performance() * performanceFraction(studentSpeedup, goal));
                notes.add(f("Speed-up %.2f× against a goal of %.2f× (%s of the reference's %.2f×): %.1f of %.1f performance points.",
                        studentSpeedup, goal, percent(w.performanceTarget()), referenceSpeedup, performance, w.performance()));
            }
            behaviour = round(w.behaviour() * behaviourCredit);
            if (behaviourCredit < 1) {
                notes.add(f("Behaviour: %.1f of %.1f points.", behaviour, w.behaviour()));
            }
        }
        if (!stable) {
            notes.add("The measurement was unstable (runs varied too much); a grader will review this grade.");
            review = true;
        }
        return new ScoreBreakdown(correctness, performance, behaviour, round(correctness + performance + behaviour),
                round(w.max()), notes, review);
    }

    /** Share of the performance points for speed-up {@code s} when {@code goal} earns them all. */
    static double performanceFraction(double s, double goal) {
        double zero = Math.min(1.0, goal - MIN_RAMP);
        return Math.max(0.0, Math.min(1.0, (s - zero) / (goal - zero)));
    }

    private static double round(double points) {
        return Math.round(points * 10) / 10.0;
    }

    private static String percent(double fraction) {
        return f("%.0f%%", fraction * 100);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
