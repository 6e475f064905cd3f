package org.paragrade.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything measured that a grade rests on, at the declared scoring point: what the physics credits
 * of the student's run ({@link Evidence}), the fitting reference's speed-up with its interval, how the
 * run behaved ({@link BehaviourVerdict}) and every flag. The scorer turns it into points; the report
 * shows it ({@code studentSpeedupInterval}, {@code referenceSpeedupInterval}, {@code scoredAtWorkers},
 * {@code flags}, the evidence words).
 *
 * @param reference        the fitting reference held up to the student (null when none was measured)
 * @param referenceSpeedup its paired speed-up over the sequential reference at the scoring point
 * @param rounds           the student's credited and the reference's speed-up of every round that
 *                         measured both beside the same sequential run: the score of each round
 */
public record Judgement(Kind kind, ExpectedModel model, int scoredAtWorkers, Evidence student,
                        RunVariant reference, Interval referenceSpeedup, List<Round> rounds,
                        BehaviourVerdict behaviour, List<Flag> flags) {

    /** One round's pair: both speed-ups are over the same sequential run, whose noise divides out of their ratio. */
    public record Round(int round, double student, double reference) {
    }

    public Judgement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(behaviour, "behaviour");
        rounds = List.copyOf(rounds);
        flags = List.copyOf(flags);
    }

    /**
     * @param scoredAt the scoring point ({@link ScoringPoint})
     */
    public static Judgement of(Kind kind, ExpectedModel model, SpeedupCurve curve, int scoredAt) {
        return of(kind, model, curve, scoredAt, true);
    }

    /** @param gilEnabled whether the interpreter the curve was measured on has the GIL on (the behaviour's words) */
    public static Judgement of(Kind kind, ExpectedModel model, SpeedupCurve curve, int scoredAt, boolean gilEnabled) {
        Evidence student = Physics.judge(kind, curve, scoredAt);
        Optional<RunFigures> reference = curve.referenceRunAt(scoredAt);
        BehaviourVerdict behaviour = BehaviourClassifier.classify(kind, model, curve, scoredAt, gilEnabled);
        List<Round> rounds = new ArrayList<>();
        reference.ifPresent(ref -> PairedRounds.byRound(curve.samples(), PairedRounds.BASELINE, ref.trial(),
                PairedRounds::wallRatio).forEach((r, speedup) -> {
                    Double credited = student.creditedRounds().get(r);
                    if (credited != null && Double.isFinite(speedup)) rounds.add(new Round(r, credited, speedup));
                }));
        return new Judgement(kind, model, scoredAt, student, reference.map(RunFigures::variant).orElse(null),
                reference.map(RunFigures::speedupInterval).orElse(null), rounds, behaviour, student.flags());
    }

    /** The same judgement with more flags (the engine's NOISY_MACHINE, the source scan's TAMPERING). */
    public Judgement withFlags(List<Flag> more) {
        List<Flag> all = new ArrayList<>(flags);
        more.stream().filter(f -> !all.contains(f)).forEach(all::add);
        return new Judgement(kind, model, scoredAtWorkers, student, reference, referenceSpeedup, rounds, behaviour, all);
    }

    /** A flag rules the measured result out: no performance or behaviour points. */
    public boolean ruledOut() {
        return flags.stream().anyMatch(f -> f.code().withholdsPoints());
    }

    /** The student's credited speed-up at the scoring point, or null when not measured. */
    public Interval studentSpeedup() {
        return student.creditedSpeedup();
    }
}
