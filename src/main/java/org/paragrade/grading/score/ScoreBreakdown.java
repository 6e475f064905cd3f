package org.paragrade.grading.score;

import java.util.List;

/**
 * A grade and the parts it is made of, each rounded to 0.1 point; {@code total} is the sum of the
 * rounded parts. {@code notes} say, in plain words, why points were or were not given.
 *
 * @param needsReview the automatic grade rests on something a grader should look at (an unstable
 *                    measurement, a missing speed-up); the grade is computed all the same
 */
public record ScoreBreakdown(double correctness, double performance, double behaviour, double total, double max,
                             List<String> notes, boolean needsReview) {

    public ScoreBreakdown {
        notes = List.copyOf(notes);
    }
}
