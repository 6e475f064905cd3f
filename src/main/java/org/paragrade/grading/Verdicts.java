package org.paragrade.grading;

import java.util.Comparator;
import java.util.List;
import org.paragrade.sandbox.Outcome;
import org.paragrade.submission.Verdict;

/** Maps sandbox outcomes to the design's verdicts and picks the one a submission is known by. */
final class Verdicts {
    // The order in which a failure names the submission: the limits first (they stop everything),
    // then crashes, then wrong answers.
    private static final List<Verdict> SEVERITY = List.of(Verdict.MEMORY_LIMIT, Verdict.PROCESS_LIMIT,
            Verdict.OUTPUT_LIMIT, Verdict.TIME_LIMIT, Verdict.RUNTIME_ERROR, Verdict.WRONG_ANSWER, Verdict.NOT_RUN,
            Verdict.ACCEPTED);

    private Verdicts() {
    }

    static Verdict of(Outcome outcome) {
        return switch (outcome) {
            case COMPLETED -> Verdict.ACCEPTED;
            case RUNTIME_ERROR -> Verdict.RUNTIME_ERROR;
            case TIME_LIMIT_CPU, TIME_LIMIT_WALL -> Verdict.TIME_LIMIT;
            case MEMORY_LIMIT -> Verdict.MEMORY_LIMIT;
            case PROCESS_LIMIT -> Verdict.PROCESS_LIMIT;
            case OUTPUT_LIMIT -> Verdict.OUTPUT_LIMIT;
            case INTERNAL_ERROR -> Verdict.INTERNAL_ERROR;
        };
    }

    /** The most severe of the verdicts (ACCEPTED for none). */
    static Verdict worst(List<Verdict> verdicts) {
        return verdicts.stream().min(Comparator.comparingInt(SEVERITY::indexOf)).orElse(Verdict.ACCEPTED);
    }
}
