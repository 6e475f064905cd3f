package org.paragrade.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The same solution benchmarked on several interpreters (the standard CPython with its GIL, the free-threaded
 * build of PEP 703), explained side by side in plain words from what was measured on each: cores kept busy and
 * speed-up against that interpreter's own sequential reference, at the scoring point. The words follow the
 * classifier's thresholds ({@link BehaviourClassifier#PARALLEL_CORES} cores, {@link BehaviourClassifier#CLEAR_GAIN}×),
 * never the interpreter's name alone: a free-threaded build whose threads stayed on one core is told so.
 *
 * <p>It also holds the physics of an interpreter with the GIL: its CPU-bound pure-Python threads cannot keep more
 * than one core busy, so a threads reference that does ({@link #gilContradiction}) says the interpreter is not what
 * its probe reported.
 */
public final class InterpreterComparison {
    static final double PARALLEL_CORES = BehaviourClassifier.PARALLEL_CORES;
    static final double CLEAR_GAIN = BehaviourClassifier.CLEAR_GAIN;

    private InterpreterComparison() {
    }

    /**
     * One interpreter's benchmark.
     *
     * @param student   the student's run at the scoring point (empty when not measured there)
     * @param threads   the threads reference's run at the scoring point (empty when the exercise has none)
     * @param processes whether the student's run used worker processes
     */
    public record Side(String id, boolean gilEnabled, boolean freeThreaded, Optional<RunFigures> student,
                       Optional<RunFigures> threads, boolean processes) {
        String build() {
            return (freeThreaded && !gilEnabled ? "the free-threaded build" : freeThreaded ? "the free-threaded build"
                    + " (with its GIL on)" : "the standard build") + " (" + id + ")";
        }
    }

    /** The difference in words, the scored interpreter first; null with fewer than two measured sides. */
    public static String explain(List<Side> sides, int workers) {
        List<Side> measured = sides.stream().filter(s -> s.student().isPresent()).toList();
        if (measured.size() < 2) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            parts.add("on " + measured.get(i).build() + " " + student(measured.get(i), i > 0));
        }
        StringBuilder b = new StringBuilder(f("With %d workers, ", workers)).append(String.join("; ", parts)).append('.');
        List<String> refs = new ArrayList<>();
        for (Side s : sides) {
            s.threads().ifPresent(t -> refs.add(f("%s× on %s (%s)", two(speedup(t)), s.id(), cores(t.cpuUtilisation()))));
        }
        if (refs.size() >= 2) {
            b.append(" The threads reference, for comparison: ").append(String.join(", ", refs)).append('.');
        }
        return b.toString();
    }

    private static String student(Side s, boolean again) {
        RunFigures r = s.student().orElseThrow();
        // decided on the figures as shown (one decimal for cores, two for speed-ups), so the words never
        // contradict the numbers they quote
        double used = Math.round(r.cpuUtilisation() * 10) / 10.0;
        double gain = Math.round(speedup(r) * 100) / 100.0;
        String who = again ? "they" : s.processes() ? "your processes" : "your threads";
        if (s.processes()) {
            return f("%s kept %s busy and ran %s× faster: processes each have their own interpreter, GIL or not",
                    who, cores(used), two(gain));
        }
        if (used >= PARALLEL_CORES && gain >= CLEAR_GAIN) {
            return f("%s used %s and ran %s× faster", who, cores(used), two(gain));
        }
        if (used >= PARALLEL_CORES) {
            return f("%s kept %s busy but ran only %s× faster: the extra CPU went on contention, not on the work",
                    who, cores(used), two(gain));
        }
        if (s.gilEnabled()) {
            return f("%s took turns holding the GIL: %s, %s×", who, cores(used), two(gain));
        }
        return f("%s still kept only %s busy (%s×): with no GIL to take turns on, something else serialised them"
                + " (a lock held around the work, or one chunk per thread)", who, cores(used), two(gain));
    }

    /**
     * On an interpreter with the GIL, CPU-bound Python threads share one core: the threads reference keeping
     * clearly more busy means the interpreter is not what its probe said (or the reference is not pure Python).
     * The message, or empty when the physics hold.
     */
    public static Optional<String> gilContradiction(Kind kind, Side side) {
        if (kind != Kind.CPU || !side.gilEnabled() || side.threads().isEmpty()) {
            return Optional.empty();
        }
        RunFigures t = side.threads().get();
        if (t.workers() < 2 || t.cpuUtilisation() < PARALLEL_CORES) {
            return Optional.empty();
        }
        return Optional.of(f("interpreter %s reports the GIL on, yet the threads reference kept %s busy with %d"
                + " workers on CPU-bound work: more than threads sharing a GIL can; its figures cannot be trusted",
                side.id(), cores(t.cpuUtilisation()), t.workers()));
    }

    private static double speedup(RunFigures r) {
        return r.speedup() != null ? r.speedup() : r.selfSpeedup() != null ? r.selfSpeedup() : 0.0;
    }

    private static String cores(double used) {
        String n = String.format(Locale.ROOT, "%.1f", used);
        return n + (Double.parseDouble(n) > 1.0 ? " cores" : " core");
    }

    private static String two(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
