package org.paragrade.grading;

import java.util.List;
import org.paragrade.grading.report.GradingReport;
import org.paragrade.measure.Sample;
import org.paragrade.submission.Verdict;

/** Everything a grading decided, ready to be stored in one transaction (the record stage). */
record GradingOutcome(Verdict verdict, double score, double maxScore, GradingReport report, List<Sample> samples,
                      Timing timing) {

    /** Where a grading's time went, for the log and the operators (not part of the report). */
    record Timing(double correctnessSeconds, int correctnessRuns, double benchmarkSeconds, int benchmarkRuns) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "correctness %.1f s (%d runs), benchmark %.1f s (%d runs)",
                    correctnessSeconds, correctnessRuns, benchmarkSeconds, benchmarkRuns);
        }
    }
}
