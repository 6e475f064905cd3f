package org.paragrade.submission;

/**
 * The design's verdicts. A submission is known by one of them; a single correctness run may also be
 * {@link #NOT_RUN} (skipped after an earlier failure), which is never a submission's verdict.
 */
public enum Verdict {
    ACCEPTED, WRONG_ANSWER, RUNTIME_ERROR, TIME_LIMIT, MEMORY_LIMIT, PROCESS_LIMIT, OUTPUT_LIMIT, REJECTED,
    INTERNAL_ERROR, NOT_RUN;

    /** A limit stops the remaining runs: each would hit it again and cost the whole limit. */
    public boolean isLimit() {
        return this == TIME_LIMIT || this == MEMORY_LIMIT || this == PROCESS_LIMIT || this == OUTPUT_LIMIT;
    }

    /** "wrong answer" */
    public String words() {
        return name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    }
}
