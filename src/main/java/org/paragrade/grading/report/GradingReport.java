package org.paragrade.grading.report;

import java.util.List;
import org.paragrade.grading.score.ScoreBreakdown;
import org.paragrade.measure.Flag;

/**
 * Everything the engine decided about one submission, as stored. Every part but {@code feedback} and
 * {@code flags} may be absent: a grading stopped by a limit has no performance, an internal error has
 * only its message.
 *
 * @param message        one line for lists and the report's head
 * @param correctness    every case run and its verdict
 * @param performance    the benchmark's figures, behaviour and explanation (only for a correct solution)
 * @param scoreBreakdown the grade's parts and the notes that explain them
 * @param feedback       what the student should read, in order
 * @param flags          reasons a grader should look (trust in a figure); empty when none
 * @param output         stdout and stderr of the first failing case (or the first case)
 * @param traceback      the traceback of the first failure
 * @param stacks         every thread's stack of a hang
 * @param internalError  what failed on our side (INTERNAL_ERROR only; staff read it)
 */
public record GradingReport(String message, CorrectnessReport correctness, PerformanceReport performance,
                            ScoreBreakdown scoreBreakdown, List<String> feedback, List<Flag> flags, Output output,
                            String traceback, String stacks, String internalError) {

    public GradingReport {
        // Lenient about what a stored report may hold (a null in a list): it is dropped, not a failed read.
        feedback = feedback == null ? List.of() : feedback.stream().filter(java.util.Objects::nonNull).toList();
        flags = flags == null ? List.of() : flags.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** A report that says only why there is no grade (our own failure). */
    public static GradingReport internalError(String why) {
        return new GradingReport("The grader failed on our side (not your code). Staff have been notified; "
                + "a grader can regrade it.", null, null, null, List.of("Internal error: the grader could not "
                + "finish. This is not your fault and does not count against you."), List.of(), null, null, null, why);
    }

    public static GradingReport empty() {
        return new GradingReport(null, null, null, null, List.of(), List.of(), null, null, null, null);
    }

    /** What the shown case printed. */
    public record Output(String caseName, String stdout, String stderr, boolean truncated) {
        @com.fasterxml.jackson.annotation.JsonProperty("case")
        public String caseName() {
            return caseName;
        }
    }
}
