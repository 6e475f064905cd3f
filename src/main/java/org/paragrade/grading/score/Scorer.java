package org.paragrade.grading.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paragrade.measure.ExpectedModel;
import org.paragrade.measure.Flag;
import org.paragrade.measure.FlagCode;
import org.paragrade.measure.Interval;
import org.paragrade.measure.Judgement;
import org.paragrade.measure.Kind;
import org.paragrade.measure.Statistics;
import org.paragrade.measure.StoppingRule;

/**
 * Turns correctness, the credited speed-up and behaviour into a grade. Pure and deterministic: the
 * same inputs always give the same score.
 *
 * <ul>
 *   <li>Correctness: its weight × passed / total.</li>
 *   <li>Performance and behaviour only for a fully correct solution, and none for a run a physics flag
 *       rules out (it goes to review).</li>
 *   <li>Performance, from the credited speed-up {@code s} ({@link org.paragrade.measure.Evidence}) and
 *       the fitting reference's {@code R}, both at the scoring point: on an exercise that teaches
 *       speed-up (every kind but sync) linear from 1× (no speed-up, no points — whatever the reference
 *       did) to the goal {@code max(target × R, }{@value #MIN_GOAL}{@code )}, clamped to [0, 1]. The goal's
 *       floor keeps the ramp from collapsing when a busy machine flattens the reference. On sync work,
 *       where the reference barely speeds up, keeping up is what counts: the ramp starts
 *       {@value #SYNC_RAMP}× below the goal.</li>
 *   <li>The score comes from the intervals: points at the estimates, and as their range the 95%
 *       interval of the points each round would give (student and reference paired with the same
 *       sequential run). A range within ±{@value #DECIDED_POINTS} points — or a single value, when every
 *       round lies on one side of every threshold — decides the grade; the benchmark runs until it
 *       does, up to its cap.</li>
 *   <li>Behaviour: its weight × the verdict's credit (1 matching, 0.5 concurrent in the wrong way,
 *       0 sequential).</li>
 * </ul>
 */
public final class Scorer {

    /** Half-width of a decided performance range, in points. */
    public static final double DECIDED_POINTS = 2.0;
    /** Lowest goal on an exercise that teaches speed-up: 10% above no speed-up at all. */
    static final double MIN_GOAL = 1.1;
    /** Width below the goal of the sync ramp. */
    static final double SYNC_RAMP = 0.5;

    private Scorer() {
    }

    /**
     * @param judgement what the benchmark showed at the scoring point; null when there was no benchmark
     * @param stable    the plan decided the score within its cap ({@code BenchmarkPlan.stable})
     */
    public static ScoreBreakdown score(ScoringWeights w, int passed, int total, Judgement judgement, boolean stable) {
        if (total < 1) throw new IllegalArgumentException("an exercise has at least one case");
        if (passed < 0 || passed > total) throw new IllegalArgumentException("passed must be within 0.." + total);
        Tally t = new Tally(round(w.correctness() * passed / total));
        if (passed < total) {
            t.notes.add(f("Performance and behaviour points need every correctness case to pass: %d of %d passed.", passed, total));
        } else if (judgement == null) {
            t.review("No speed-up of your solution was measured, so no performance points; a grader will review.");
        } else {
            t.flags.addAll(judgement.flags());
            if (judgement.ruledOut()) {
                t.review("The measurement of your solution is ruled out by the flags below, so it earns no performance"
                        + " or behaviour points; a grader will review.");
            } else {
                performance(w, judgement, t);
                t.behaviour = round(w.behaviour() * judgement.behaviour().credit());
                if (t.behaviour < w.behaviour()) t.notes.add(f("Behaviour: %.1f of %.1f points.", t.behaviour, w.behaviour()));
            }
            if (judgement.flags().stream().anyMatch(fl -> fl.code().withholdsPoints())) t.needsReview = true;
        }
        if (!stable && judgement != null && passed == total) {
            Flag unstable = new Flag(FlagCode.UNSTABLE_MEASUREMENT, "The speed-up's interval stayed too wide to settle"
                    + " the performance points even after the most rounds we run; a grader will review this grade.");
            t.flags.add(unstable);
            t.review(unstable.message());
        }
        return t.breakdown(w);
    }

    /** A stopping rule for the benchmark plan: the score is decided at {@code scoredAt}. */
    public static StoppingRule stoppingRule(ScoringWeights w, Kind kind, ExpectedModel model, int scoredAt) {
        return curve -> decided(w, Judgement.of(kind, model, curve, scoredAt));
    }

    /** The performance range is narrow enough (or the physics settled the points). */
    static boolean decided(ScoringWeights w, Judgement j) {
        if (j.ruledOut()) return true;
        Range r = range(w, j);
        return r != null && r.high - r.low <= 2 * DECIDED_POINTS;
    }

    private static void performance(ScoringWeights w, Judgement j, Tally t) {
        Range r = range(w, j);
        if (r == null) {
            t.review(j.studentSpeedup() == null
                    ? "No speed-up of your solution was measured at the scoring point, so no performance points; a grader will review."
                    : "The reference speed-up could not be measured, so performance was not scored; a grader will review.");
            return;
        }
        t.performance = r.points;
        t.low = r.low;
        t.high = r.high;
        t.notes.add(j.student().decidedBy());
        Interval s = j.studentSpeedup();
        Interval ref = j.referenceSpeedup();
        t.notes.add(f("With %d workers: credited speed-up %s against a goal of %.2f× (%s of the %s's %s): %.1f of %.1f"
                        + " performance points%s.", j.scoredAtWorkers(), s.describe(), goal(w, j.kind(), ref.estimate()),
                percent(w.performanceTarget()), j.reference().label(), ref.describe(), r.points, w.performance(),
                r.low == r.high ? "" : f(" (the intervals allow %.1f–%.1f)", r.low, r.high)));
    }

    /**
     * Points at the estimates, and their range: the 95% interval of the points of each round (the
     * student's and the reference's speed-up over the same sequential run, so that run's noise divides
     * out of the comparison). Without paired rounds, the ends of the two intervals, combined the
     * cautious way. Null without both speed-ups.
     */
    static Range range(ScoringWeights w, Judgement j) {
        Interval s = j.studentSpeedup();
        Interval ref = j.referenceSpeedup();
        if (s == null || ref == null || !(ref.low() > 0)) return null;
        double points = points(w, j.kind(), s.estimate(), ref.estimate());
        if (j.rounds().isEmpty()) {
            return new Range(points, points(w, j.kind(), s.low(), ref.high()), points(w, j.kind(), s.high(), ref.low()));
        }
        Interval perRound = Statistics.medianInterval(j.rounds().stream()
                .map(r -> points(w, j.kind(), r.student(), r.reference())).toList());
        return new Range(Math.max(perRound.low(), Math.min(perRound.high(), points)), perRound.low(), perRound.high());
    }

    private static double points(ScoringWeights w, Kind kind, double student, double reference) {
        return round(w.performance() * fraction(student, goal(w, kind, reference), kind));
    }

    /** The speed-up that earns every performance point against reference speed-up {@code r}. */
    static double goal(ScoringWeights w, Kind kind, double r) {
        double goal = w.performanceTarget() * r;
        return teachesSpeedup(kind) ? Math.max(goal, MIN_GOAL) : goal;
    }

    /** Share of the performance points for credited speed-up {@code s} when {@code goal} earns them all. */
    static double fraction(double s, double goal, Kind kind) {
        double zero = teachesSpeedup(kind) ? 1.0 : Math.min(1.0, goal - SYNC_RAMP);
        return Math.max(0.0, Math.min(1.0, (s - zero) / (goal - zero)));
    }

    private static boolean teachesSpeedup(Kind kind) {
        return kind != Kind.SYNC;
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

    record Range(double points, double low, double high) {
    }

    /** The parts of a grade being added up. */
    private static final class Tally {
        final double correctness;
        double performance;
        double behaviour;
        double low;
        double high;
        boolean needsReview;
        final List<String> notes = new ArrayList<>();
        final List<Flag> flags = new ArrayList<>();

        Tally(double correctness) {
            this.correctness = correctness;
        }

        void review(String note) {
            notes.add(note);
            needsReview = true;
        }

        ScoreBreakdown breakdown(ScoringWeights w) {
            return new ScoreBreakdown(correctness, performance, behaviour, round(correctness + performance + behaviour),
                    round(w.max()), low, high, high - low <= 2 * DECIDED_POINTS, notes, flags, needsReview);
        }
    }
}
