package org.paragrade.grading;

import java.util.List;
import org.paragrade.sandbox.Outcome;

/** Maps sandbox outcomes to the design's verdicts and picks the one a submission is known by. */
final class Verdicts {
    static final String ACCEPTED = "ACCEPTED";
    static final String WRONG_ANSWER = "WRONG_ANSWER";
    static final String RUNTIME_ERROR = "RUNTIME_ERROR";
    static final String TIME_LIMIT = "TIME_LIMIT";
    static final String MEMORY_LIMIT = "MEMORY_LIMIT";
    static final String PROCESS_LIMIT = "PROCESS_LIMIT";
    static final String OUTPUT_LIMIT = "OUTPUT_LIMIT";
    static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    /** A run not made because an earlier one already failed (per case only, never a submission's verdict). */
    static final String NOT_RUN = "NOT_RUN";

    // The order in which a failure names the submission: the limits first (they stop everything),
    // then crashes, then wrong answers.
    private static final List<String> SEVERITY = List.of(MEMORY_LIMIT, PROCESS_LIMIT, OUTPUT_LIMIT, TIME_LIMIT,
            RUNTIME_ERROR, WRONG_ANSWER, NOT_RUN, ACCEPTED);

    private Verdicts() {
    }

    static String of(Outcome outcome) {
        return switch (outcome) {
            case COMPLETED -> ACCEPTED;
            case RUNTIME_ERROR -> RUNTIME_ERROR;
            case TIME_LIMIT_CPU, TIME_LIMIT_WALL -> TIME_LIMIT;
            case MEMORY_LIMIT -> MEMORY_LIMIT;
            case PROCESS_LIMIT -> PROCESS_LIMIT;
            case OUTPUT_LIMIT -> OUTPUT_LIMIT;
            case INTERNAL_ERROR -> INTERNAL_ERROR;
        };
    }

    static String overall(List<CaseResult> cases) {
        String worst = ACCEPTED;
        for (CaseResult c : cases) {
            if (SEVERITY.indexOf(c.verdict()) < SEVERITY.indexOf(worst)) {
                worst = c.verdict();
            }
        }
        return worst;
    }
}
