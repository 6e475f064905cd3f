package org.paragrade.grading.score;

import java.util.List;
import org.paragrade.measure.Flag;

/**
 * A grade and the parts it is made of, each rounded to 0.1 point; {@code total} is the sum of the
 * rounded parts. {@code notes} say, in plain words, why points were or were not given.
 *
 * @param performanceLow  fewest performance points the speed-up intervals allow
 * @param performanceHigh most performance points the speed-up intervals allow ({@code performance}
 *                        lies between; equal ends when the score is settled by the physics or the
 *                        intervals lie on one side of every threshold)
 * @param decided         the performance range is within ±{@value Scorer#DECIDED_POINTS} points
 * @param flags           every flag of the grade (physics, contention, unstable measurement); they travel once, at
 *                        the top of the report ({@code flags}), not again inside the breakdown
 * @param needsReview     the automatic grade rests on something a grader should look at (a flag that
 *                        withholds points, an unstable measurement, a missing speed-up); it is
 *                        computed all the same
 */
public record ScoreBreakdown(double correctness, double performance, double behaviour, double total, double max,
                             double performanceLow, double performanceHigh, boolean decided,
                             List<String> notes,
                             @com.fasterxml.jackson.annotation.JsonIgnore List<Flag> flags, boolean needsReview) {

    public ScoreBreakdown {
        notes = notes == null ? List.of() : List.copyOf(notes);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

}
