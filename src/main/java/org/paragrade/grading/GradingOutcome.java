package org.paragrade.grading;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.paragrade.measure.Sample;

/** Everything a grading decided, ready to be stored in one transaction. */
record GradingOutcome(String verdict, double score, double maxScore, ObjectNode report, List<Sample> samples,
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
