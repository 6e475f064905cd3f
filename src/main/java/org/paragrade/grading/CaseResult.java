package org.paragrade.grading;

/** One correctness run: a case, possibly a stress repeat, with its verdict in the design's words. */
public record CaseResult(String name, String verdict, double timeMs, String message, boolean stress,
                         String traceback, String stacks, String stdout, String stderr) {
    public boolean accepted() {
        return "ACCEPTED".equals(verdict);
    }
}
