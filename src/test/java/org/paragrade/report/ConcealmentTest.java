package org.paragrade.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paragrade.grading.score.ScoreBreakdown;

/** What a student's view leaves out, on the records the report is made of. */
class ConcealmentTest {
    private static final Concealment HIDDEN_CASE = new Concealment(Map.of("big input", 3), false, false);
    private static final Concealment SCORES_LATER = new Concealment(Map.of(), false, true);

    @Test
    void progressThroughHiddenCasesShowsThePhaseButNotTheCount() {
        var correctness = new SubmissionView.Progress("correctness", 4, 20, null, null);
        assertThat(HIDDEN_CASE.progress(correctness)).isEqualTo(new SubmissionView.Progress("correctness", 0, 0, null, null));
        assertThat(HIDDEN_CASE.progress(new SubmissionView.Progress("stress", 9, 20, null, null)).total()).isZero();
        // the benchmark runs the benchmark workload only: its count tells nothing of a hidden case
        var benchmark = new SubmissionView.Progress("benchmark", 14, 20, null, null);
        assertThat(HIDDEN_CASE.progress(benchmark)).isEqualTo(benchmark);
        assertThat(Concealment.NONE.progress(correctness)).isEqualTo(correctness);
    }

    @Test
    void withheldScoresTakeTheScorersNotesWithThem() {
        String note = "With 2 workers: credited speed-up 1.50× (1.40–1.60): 30.0 of 35.0 performance points.";
        var score = new ScoreBreakdown(50, 30, 15, 95, 100, 30, 30, true, List.of(note), List.of(), false);
        List<String> feedback = List.of("Your processes kept 1.9 cores busy.", note, "Behaviour: 10.0 of 15.0 points.");
        assertThat(SCORES_LATER.feedback(feedback, score)).containsExactly("Your processes kept 1.9 cores busy.");
        assertThat(Concealment.NONE.feedback(feedback, score)).isEqualTo(feedback);
    }

    @Test
    void feedbackNamingAHiddenCaseIsLeftOut() {
        List<String> feedback = List.of("Case 'big input': expected 17, got 16", "Case 'small': fine");
        assertThat(HIDDEN_CASE.feedback(feedback, null)).containsExactly("Case 'small': fine");
    }
}
