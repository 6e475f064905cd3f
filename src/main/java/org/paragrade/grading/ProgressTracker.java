package org.paragrade.grading;

/**
 * Counts the runs a grading has made against the runs it plans, for the live progress bar, and is the
 * place where a lost lease or a shutdown stops the pipeline (before each run).
 */
final class ProgressTracker {
    private final Progress sink;
    private int done;
    private int total;

    ProgressTracker(Progress sink, int planned) {
        this.sink = sink;
        this.total = planned;
    }

    /** Before a run: stop if the grading must stop, else say where it is. */
    synchronized void before(String phase) {
        sink.checkContinue();
        sink.update(phase, done, total);
    }

    synchronized void ran() {
        done++;
    }

    /** Runs not planned at first (extra benchmark rounds). */
    synchronized void plan(int more) {
        total += more;
    }

    synchronized void phase(String phase) {
        sink.update(phase, done, total);
    }

    /** A sink that shows nothing and never stops (bundle validation). */
    static ProgressTracker silent() {
        return new ProgressTracker(new Progress() {
            @Override
            public void update(String phase, int done, int total) {
            }

            @Override
            public void checkContinue() {
            }
        }, 0);
    }
}
