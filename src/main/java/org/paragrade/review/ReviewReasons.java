package org.paragrade.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.paragrade.grading.report.GradingReport;
import org.paragrade.grading.report.PerformanceReport;
import org.paragrade.measure.Flag;
import org.paragrade.measure.FlagCode;
import org.paragrade.submission.Verdict;

/**
 * Why a submission needs a human look, as the readable strings of the review queue: our own failure,
 * an unstable measurement, every plausibility or tampering flag of its grading, and a student's request.
 * Each starts with a stable word (the flag's code, "Internal error", "Unstable measurement", "the
 * student asks") so a grader can scan a column of them.
 */
public final class ReviewReasons {
    /** The prefix of a student's request, as the queue shows it. */
    public static final String STUDENT_ASKS = "the student asks: ";
    /** A flag's message is cut here in the queue (the report page shows it whole). */
    static final int MAX_FLAG_CHARS = 500;

    private ReviewReasons() {
    }

    /** The reasons a finished grading gives; empty when it needs no look. */
    public static List<String> ofGrading(Verdict verdict, GradingReport report) {
        LinkedHashSet<String> reasons = new LinkedHashSet<>();
        if (verdict == Verdict.INTERNAL_ERROR) {
            reasons.add(internalError(report.internalError()));
        }
        PerformanceReport p = report.performance();
        boolean unstable = p != null && !p.stable();
        if (unstable) {
            reasons.add(unstable(p));
        }
        for (Flag f : report.flags()) {
            if (unstable && f.code() == FlagCode.UNSTABLE_MEASUREMENT) {
                continue; // said once, above
            }
            reasons.add(flag(f));
        }
        return List.copyOf(reasons);
    }

    public static String ofRequest(String message) {
        return STUDENT_ASKS + message;
    }

    /** Every reason of one submission: its grading's (when they count), then the student's open request. */
    public static List<String> all(List<String> grading, String openRequest) {
        List<String> all = new ArrayList<>(grading);
        if (openRequest != null) {
            all.add(ofRequest(openRequest));
        }
        return List.copyOf(all);
    }

    private static String internalError(String why) {
        String first = why == null ? "" : why.strip().lines().findFirst().orElse("");
        return "Internal error: the grader failed on our side" + (first.isEmpty() ? "" : " (" + cut(first, 300) + ")")
                + "; regrade it once the cause is fixed.";
    }

    private static String unstable(PerformanceReport p) {
        PerformanceReport.Interval i = p.studentSpeedupInterval();
        String interval = i == null ? "" : String.format(Locale.ROOT, " (the student's speed-up lies in %.2f–%.2f×)",
                i.low(), i.high());
        return "Unstable measurement: the runs' spread stayed too wide to grade on their own" + interval + ".";
    }

    private static String flag(Flag f) {
        String where = f.file() == null ? "" : " at " + f.file() + (f.line() == null || f.line() == 0 ? "" : ":" + f.line());
        return f.code().name() + where + ": " + cut(f.message(), MAX_FLAG_CHARS);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + " …";
    }
}
