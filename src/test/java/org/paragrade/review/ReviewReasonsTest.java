package org.paragrade.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paragrade.grading.report.GradingReport;
import org.paragrade.grading.report.PerformanceReport;
import org.paragrade.measure.Flag;
import org.paragrade.measure.FlagCode;
import org.paragrade.submission.Verdict;

class ReviewReasonsTest {

    static GradingReport report(PerformanceReport performance, List<Flag> flags) {
        return new GradingReport("m", null, performance, null, List.of(), flags, null, null, null, null);
    }

    static PerformanceReport performance(boolean stable) {
        return new PerformanceReport(2, stable, 8, 1.5, 1.9, 2, 2, null, null, null, null, null, null, List.of(),
                new PerformanceReport.Interval(1.1, 1.9), null, null, null, null, 1);
    }

    @Test
    void aCleanStableGradingNeedsNoLook() {
        assertThat(ReviewReasons.ofGrading(Verdict.ACCEPTED, report(performance(true), List.of()))).isEmpty();
        assertThat(ReviewReasons.ofGrading(Verdict.WRONG_ANSWER, GradingReport.empty())).isEmpty();
    }

    @Test
    void anUnstableMeasurementIsSaidOnceWithItsInterval() {
        List<String> reasons = ReviewReasons.ofGrading(Verdict.ACCEPTED, report(performance(false),
                List.of(new Flag(FlagCode.UNSTABLE_MEASUREMENT, "the interval stayed wide"))));
        assertThat(reasons).containsExactly("Unstable measurement: the runs' spread stayed too wide to grade on "
                + "their own (the student's speed-up lies in 1.10–1.90×).");
    }

    @Test
    void everyFlagIsAReasonStartingWithItsCodeAndWhere() {
        List<String> reasons = ReviewReasons.ofGrading(Verdict.WRONG_ANSWER, report(null, List.of(
                new Flag(FlagCode.TAMPERING, "solution.py line 5 replaces time.sleep", "solution.py", 5),
                new Flag(FlagCode.NOISY_MACHINE, "others kept 0.9 cores busy"))));
        assertThat(reasons).containsExactly("TAMPERING at solution.py:5: solution.py line 5 replaces time.sleep",
                "NOISY_MACHINE: others kept 0.9 cores busy");
    }

    @Test
    void anInternalErrorNamesItsFirstLineAndAStudentsRequestComesLast() {
        List<String> grading = ReviewReasons.ofGrading(Verdict.INTERNAL_ERROR,
                GradingReport.internalError("sandbox: cgroup not writable\nat line 2"));
        assertThat(grading).containsExactly("Internal error: the grader failed on our side (sandbox: cgroup not "
                + "writable); regrade it once the cause is fixed.");
        assertThat(ReviewReasons.all(grading, "my pool is parallel")).last()
                .isEqualTo("the student asks: my pool is parallel");
    }

    @Test
    void aLongFlagMessageIsCutInTheQueue() {
        String reason = ReviewReasons.ofGrading(Verdict.ACCEPTED, report(null,
                List.of(new Flag(FlagCode.IGNORES_WORKERS, "x".repeat(2000))))).get(0);
        assertThat(reason).hasSizeLessThan(ReviewReasons.MAX_FLAG_CHARS + 40).endsWith(" …");
    }
}
