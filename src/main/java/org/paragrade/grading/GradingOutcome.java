package org.paragrade.grading;

import java.util.List;
import org.paragrade.grading.report.GradingReport;
import org.paragrade.measure.Sample;
import org.paragrade.submission.Verdict;

/**
 * Everything a grading decided, ready to be stored in one transaction (the record stage).
 *
 * @param samples            the scored interpreter's benchmark runs
 * @param samplesByInterpreter every benchmark run by the id of the interpreter it ran on (the scored one's first)
 */
record GradingOutcome(Verdict verdict, double score, double maxScore, GradingReport report, List<Sample> samples,
                      Timing timing, java.util.Map<String, List<Sample>> samplesByInterpreter) {

    GradingOutcome(Verdict verdict, double score, double maxScore, GradingReport report, List<Sample> samples,
                   Timing timing) {
        this(verdict, score, maxScore, report, samples, timing, java.util.Map.of("", samples));
    }

    /** Where a grading's time went, for the log and the operators (not part of the report). */
    record Timing(double correctnessSeconds, int correctnessRuns, double benchmarkSeconds, int benchmarkRuns) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "correctness %.1f s (%d runs), benchmark %.1f s (%d runs)",
                    correctnessSeconds, correctnessRuns, benchmarkSeconds, benchmarkRuns);
        }
    }
}
