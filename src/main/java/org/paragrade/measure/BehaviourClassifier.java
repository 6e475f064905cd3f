package org.paragrade.measure;

import java.util.Locale;
import java.util.Optional;

/**
 * Classifies how the student's solution ran, from what the supervisor measured at the scoring point
 * (by default the largest worker count) compared with 1 worker: peak processes and threads, cores kept busy (CPU time /
 * wall time), self speed-up and the cores available; and compares it with the exercise's
 * expected model.
 *
 * <p>Thresholds keep a wide margin from the noise of a stable benchmark (medians of runs whose
 * spread is within 15%, so a ratio of two medians moves by a few percent at most):
 * <ul>
 *   <li>{@link #CLEAR_GAIN} 1.25×: a speed-up no noise fakes; real 2-worker parallelism or
 *       overlapped waiting gives 1.6× and more, GIL-bound threads 0.9–1.1×.</li>
 *   <li>{@link #PARALLEL_CORES} 1.3 cores: a single GIL-bound process shows 1.0–1.1 (garbage
 *       collection, start-up); more than 1.3 needs code really running in parallel.</li>
 *   <li>{@link #SLOWER_THAN_SEQUENTIAL} 0.9×: processes slower than the sequential reference by
 *       more than noise spent their gain on start-up and pickling.</li>
 *   <li>{@link #STILL_GROWING} 1.15×: past the core count, a speed-up that grew by less than this
 *       has stopped growing.</li>
 * </ul>
 * Processes and threads are counted above the sequential reference's own counts (the baseline
 * of one plain Python run as this harness counts it), so the classifier does not depend on
 * whether the supervisor counts itself. Extra threads count as "threads used" from half a thread
 * per worker on, so a few helper threads (an asyncio resolver, a pool's feeder thread) are not
 * mistaken for a thread per worker.
 */
public final class BehaviourClassifier {

    static final double CLEAR_GAIN = 1.25;
    static final double PARALLEL_CORES = 1.3;
    static final double SLOWER_THAN_SEQUENTIAL = 0.9;
    static final double STILL_GROWING = 1.15;
    /**
     * A solution using at least this many cores is computing, not waiting: threads without gain on mixed
     * work, or one thread of one process on a CPU-bound task.
     */
    static final double ONE_BUSY_CORE = 0.8;
    /**
     * On a CPU-bound task, a run keeping at least half a core busy is computing: a gain beyond the cores
     * it used is then the machine's noise (a slow 1-worker run), not waits it overlapped.
     */
    static final double HALF_A_CORE = 0.5;

    private enum Mechanism { PROCESSES, THREADS, NONE }

    private BehaviourClassifier() {
    }

    /** Classifies the run at the largest worker count benchmarked. */
    public static BehaviourVerdict classify(Kind kind, ExpectedModel expectedModel, SpeedupCurve curve) {
        return classify(kind, expectedModel, curve, curve.largestWorkers());
    }

    /**
     * Classifies the run at {@code workers} (the scoring point: what is graded is what is explained).
     *
     * @param kind          the exercise's kind
     * @param expectedModel the model the exercise teaches
     * @param curve         the benchmark's figures
     */
    public static BehaviourVerdict classify(Kind kind, ExpectedModel expectedModel, SpeedupCurve curve, int workers) {
        return classify(kind, expectedModel, curve, workers, true);
    }

    /**
     * As above, on an interpreter with or without the GIL: on a free-threaded build ({@code gilEnabled} false)
     * CPU-bound threads that stay below {@link #PARALLEL_CORES} are not GIL-bound (there is none) but held back by
     * something in the solution, and are told so.
     */
    public static BehaviourVerdict classify(Kind kind, ExpectedModel expectedModel, SpeedupCurve curve, int workers,
                                            boolean gilEnabled) {
        Kind k = kind == null ? Kind.MIXED : kind;
        ExpectedModel model = expectedModel == null ? ExpectedModel.ANY : expectedModel;
        int p = workers;
        Optional<RunFigures> measured = curve.run(RunVariant.STUDENT, p);
        if (measured.isEmpty()) {
            return new BehaviourVerdict(Behaviour.UNKNOWN, false,
                    "There is no benchmark measurement of your solution, so how it ran could not be classified.");
        }
        RunFigures top = measured.get();
        Double gainOrNull = top.selfSpeedup() != null ? top.selfSpeedup() : parallelGain(k, top, curve);
        if (p < 2 || gainOrNull == null) {
            return new BehaviourVerdict(Behaviour.UNKNOWN, false, String.format(Locale.ROOT,
                    "Your solution was measured at %d worker%s only and could not be compared with fewer workers,"
                            + " so how it ran could not be classified; a grader will look at it.", p, p == 1 ? "" : "s"));
        }
        Optional<RunFigures> sequential = curve.run(RunVariant.SEQUENTIAL, 1);
        int baseProcesses = Math.max(1, sequential.map(RunFigures::maxProcesses).orElse(1));
        int baseThreads = Math.max(1, sequential.map(RunFigures::maxThreads).orElse(1));
        Mechanism mechanism = top.maxProcesses() > baseProcesses ? Mechanism.PROCESSES
                : top.maxThreads() - baseThreads >= Math.max(1, p / 2) ? Mechanism.THREADS
                : Mechanism.NONE;

        Measured m = new Measured(k, model, p, curve.cores(), gainOrNull, top.selfSpeedup() != null, top.speedup(),
                top.cpuUtilisation(), curve, gilEnabled);
        Behaviour behaviour = behaviour(m, mechanism);
        boolean matches = matches(model, k, behaviour, mechanism);
        return new BehaviourVerdict(behaviour, matches, explain(behaviour, matches, mechanism, m));
    }

    /**
     * Without a 1-worker run (the rest of the curve was not measured), the speed-up over the sequential
     * reference; on CPU-bound work without the part of it that is less work (CPU time), so that a
     * cheaper algorithm on one core is not taken for overlapped waiting.
     */
    private static Double parallelGain(Kind kind, RunFigures top, SpeedupCurve curve) {
        Double speedup = top.speedup();
        double sequentialCpu = curve.run(RunVariant.SEQUENTIAL, 1).map(RunFigures::cpuMs).orElse(0.0);
        if (speedup == null || kind != Kind.CPU || !(sequentialCpu > 0) || !(top.cpuMs() > 0)) return speedup;
        return speedup * Math.min(1.0, top.cpuMs() / sequentialCpu);
    }

    private static Behaviour behaviour(Measured m, Mechanism mechanism) {
        boolean gained = m.gain >= CLEAR_GAIN;
        boolean multiCore = m.cores() >= PARALLEL_CORES;
        // Faster than the cores it kept busy could make it: the workers overlapped waiting, not computing;
        // unless the task is CPU-bound and the run kept its core busy, when only noise makes that gain.
        boolean beyondCores = m.gain >= CLEAR_GAIN * Math.max(1.0, m.cores())
                && (m.kind != Kind.CPU || m.cores() < HALF_A_CORE);
        boolean waiting = m.kind == Kind.IO || (m.kind != Kind.CPU && !multiCore) || beyondCores;
        switch (mechanism) {
            case PROCESSES:
                // A clear gain over the sequential reference counts too: a hybrid already overlaps its waits
                // with one worker process, so adding processes gains it less than it gains over sequential code.
                boolean beatsSequential = m.speedup != null && m.speedup >= CLEAR_GAIN;
                if ((m.speedup != null && m.speedup < SLOWER_THAN_SEQUENTIAL) || !(gained || beatsSequential)) {
                    return Behaviour.OVERHEAD_DOMINATED;
                }
                // on a CPU-bound task, processes that gain are computing in parallel even if some CPU time went uncounted
                if (waiting && m.kind != Kind.CPU) return Behaviour.CONCURRENT_IO_PROCESSES;
                return oversubscribed(m) ? Behaviour.OVERSUBSCRIBED : Behaviour.PARALLEL_PROCESSES;
            case THREADS:
                if (gained && waiting) return Behaviour.CONCURRENT_IO_THREADS;
                if (gained && multiCore) return oversubscribed(m) ? Behaviour.OVERSUBSCRIBED : Behaviour.PARALLEL_THREADS;
                if (m.kind == Kind.CPU || (m.kind == Kind.MIXED && m.cores() >= ONE_BUSY_CORE)) {
                    // without a GIL nothing forces CPU-bound threads to take turns: the solution held them back
                    return m.gilEnabled ? Behaviour.THREADS_GIL_BOUND : Behaviour.SERIALISED_BY_LOCKS;
                }
                return Behaviour.SERIALISED_BY_LOCKS;
            default:
                if (!gained || noiseOfOneBusyThread(m)) return Behaviour.SEQUENTIAL;
                // faster with more workers in one thread of one process: an event loop overlapping waits
                return waiting ? Behaviour.CONCURRENT_IO_ASYNCIO : Behaviour.UNKNOWN;
        }
    }

    /**
     * One thread of one process on a CPU-bound task that keeps its core busy has no waits to overlap:
     * an apparent gain with more workers is the machine's noise, not an event loop.
     */
    private static boolean noiseOfOneBusyThread(Measured m) {
        if (m.kind != Kind.CPU) return false;
        // The busiest run decides: a run slowed by the machine (CPU steal) shows a lower utilisation.
        return m.curve.runsOf(RunVariant.STUDENT).stream().mapToDouble(RunFigures::cpuUtilisation).max().orElse(0) >= ONE_BUSY_CORE;
    }

    /** More workers than cores, and the speed-up stopped growing past the core count. */
    private static boolean oversubscribed(Measured m) {
        if (m.workers <= m.coresAvailable) return false;
        Optional<Double> atCores = m.curve.runsOf(RunVariant.STUDENT).stream()
                .filter(r -> r.workers() > 1 && r.workers() <= m.coresAvailable)
                .map(r -> m.selfBased ? r.selfSpeedup() : r.speedup())
                .filter(g -> g != null)
                .max(Double::compare);
        double ceiling = atCores.map(g -> g * STILL_GROWING).orElse(m.coresAvailable * STILL_GROWING);
        return m.gain < ceiling;
    }

    private static boolean matches(ExpectedModel model, Kind kind, Behaviour b, Mechanism mechanism) {
        boolean sync = kind == Kind.SYNC;
        return switch (model) {
            case PROCESSES -> b == Behaviour.PARALLEL_PROCESSES || b == Behaviour.CONCURRENT_IO_PROCESSES
                    || (b == Behaviour.OVERSUBSCRIBED && mechanism == Mechanism.PROCESSES);
            case THREADS -> b == Behaviour.CONCURRENT_IO_THREADS || b == Behaviour.PARALLEL_THREADS
                    || (b == Behaviour.OVERSUBSCRIBED && mechanism == Mechanism.THREADS)
                    || (b == Behaviour.THREADS_GIL_BOUND && (kind == Kind.CPU || sync))
                    || (b == Behaviour.SERIALISED_BY_LOCKS && sync);
            case ASYNCIO -> b == Behaviour.CONCURRENT_IO_ASYNCIO;
            case ANY -> b == Behaviour.PARALLEL_PROCESSES || b == Behaviour.PARALLEL_THREADS
                    || b == Behaviour.OVERSUBSCRIBED || b == Behaviour.CONCURRENT_IO_THREADS
                    || b == Behaviour.CONCURRENT_IO_ASYNCIO || b == Behaviour.CONCURRENT_IO_PROCESSES
                    || (sync && (b == Behaviour.SERIALISED_BY_LOCKS || b == Behaviour.THREADS_GIL_BOUND));
        };
    }

    private static String explain(Behaviour b, boolean matches, Mechanism mechanism, Measured m) {
        int p = m.workers;
        String advice = matches ? "" : " " + advice(m.model, m.kind);
        return switch (b) {
            case PARALLEL_PROCESSES -> f("Your %d worker processes kept %s of %d cores busy and %s.", p,
                    one(m.cores()), m.coresAvailable, ran(m))
                    + (matches ? " This is what processes are for on CPU-bound work." : advice);
            case PARALLEL_THREADS -> f("Your threads kept %s of %d cores busy and %s: the heavy work runs in C code"
                    + " that releases the GIL (or on a free-threaded Python), so they really ran in parallel.",
                    one(m.cores()), m.coresAvailable, ran(m)) + advice;
            case THREADS_GIL_BOUND -> f("With %d workers your solution used %s and %s: your threads take turns"
                    + " holding the GIL, so CPU-bound Python does not run in parallel.", p, cores(m.cores()), ranSelf(m))
                    + (matches ? " That is expected for threads on this task." : advice);
            case CONCURRENT_IO_THREADS -> f("%d threads overlapped their waits: %d workers were %s× faster than 1 while"
                    + " using only %s", p, p, two(m.gain), cores(m.cores()))
                    + (matches ? " — this is what threads are for." : "." + advice);
            case CONCURRENT_IO_ASYNCIO -> f("Your event loop overlapped the waits in one thread: %d workers were %s×"
                    + " faster than 1 while using only %s", p, two(m.gain), cores(m.cores()))
                    + (matches ? " — this is what asyncio is for." : "." + advice);
            case CONCURRENT_IO_PROCESSES -> f("Your processes overlapped their waits: %d workers were %s× faster than 1,"
                    + " using %s.", p, two(m.gain), cores(m.cores()))
                    + (matches ? " It works, though threads or asyncio wait just as well at a fraction of the cost."
                    : advice);
            case OVERSUBSCRIBED -> f("With %d workers on %d cores your %s %s, no faster than with fewer workers:"
                    + " past the number of cores, extra CPU-bound workers only take turns.", p, m.coresAvailable,
                    mechanism == Mechanism.THREADS ? "threads" : "processes", ran(m))
                    + (matches ? " That is expected and fine." : advice);
            case OVERHEAD_DOMINATED -> (m.kind == Kind.IO
                    ? f("Your processes cost more than they saved: with %d workers you were %s.", p, speedOf(m))
                    + " For waiting on I/O, threads or asyncio cost far less."
                    : f("Starting processes and pickling data cost more than the work itself: with %d workers you"
                    + " were %s.", p, speedOf(m))
                    + " Give each process bigger chunks (chunksize) or fewer, larger tasks.");
            case SERIALISED_BY_LOCKS -> !m.gilEnabled && m.kind != Kind.SYNC
                    ? f("With %d workers your threads used %s and %s: this interpreter has no GIL, so they could run in"
                    + " parallel, yet they did not keep the cores busy — look for a lock held around the work, one"
                    + " chunk per thread, or one object every thread updates.", p, cores(m.cores()), ranSelf(m)) + advice
                    : m.kind == Kind.SYNC
                    ? f("Your %d threads used %s and %s: they took turns on your locks, so one ran at a time.",
                    p, cores(m.cores()), ranSelf(m))
                    + (matches ? " That is fine here: staying correct under contention is what counts." : advice)
                    : f("Your %d threads ran one at a time: %d workers were only %s× faster than 1, using %s.",
                    p, p, two(m.gain), cores(m.cores()))
                    + " Hold a lock only around the shared update, not around the wait, and start every thread"
                    + " before joining any.";
            case SEQUENTIAL -> f("With %d workers your solution still ran in one thread of one process and %s:"
                    + " the work is not shared among workers.", p, ranSelf(m)) + advice;
            case UNKNOWN -> f("With %d workers your solution %s using %s, %s threads and %s processes at most; we could"
                    + " not tell what kind of concurrency that is, so a grader will look at it.", p, ranSelf(m),
                    cores(m.cores()), m.curve.run(RunVariant.STUDENT, p).map(RunFigures::maxThreads).orElse(0),
                    m.curve.run(RunVariant.STUDENT, p).map(RunFigures::maxProcesses).orElse(0));
        };
    }

    private static String advice(ExpectedModel model, Kind kind) {
        return switch (model) {
            case PROCESSES -> "Use processes (multiprocessing.Pool or ProcessPoolExecutor) for this task.";
            case THREADS -> kind == Kind.IO
                    ? "Use threads (ThreadPoolExecutor) so the waits overlap."
                    : "This exercise asks for threads (threading or ThreadPoolExecutor).";
            case ASYNCIO -> "This exercise asks for asyncio: run the waits as coroutines with asyncio.gather in one thread.";
            case ANY -> kind == Kind.CPU
                    ? "Use processes (multiprocessing.Pool or ProcessPoolExecutor) to spread CPU-bound work over the cores."
                    : "Share the work so that more workers finish sooner.";
        };
    }

    /** "ran 1.85× faster than the sequential reference", falling back to the 1-worker run. */
    private static String ran(Measured m) {
        if (m.speedup == null) return ranSelf(m);
        return m.speedup >= 1 ? f("ran %s× faster than the sequential reference", two(m.speedup))
                : f("ran at only %s× the speed of the sequential reference", two(m.speedup));
    }

    private static String ranSelf(Measured m) {
        String than = m.selfBased ? "with 1 worker" : "the sequential reference";
        // what the clock said: without a 1-worker run the gain classified may be net of less work
        double ran = m.selfBased || m.speedup == null ? m.gain : m.speedup;
        return ran >= 1 ? f("ran %s× faster than %s", two(ran), than)
                : f("ran at only %s× the speed %s", two(ran), m.selfBased ? "of 1 worker" : "of the sequential reference");
    }

    private static String speedOf(Measured m) {
        return m.speedup != null ? f("%s× the sequential speed", two(m.speedup)) : f("%s× as fast as with 1 worker", two(m.gain));
    }

    private static String cores(double used) {
        String n = one(used);
        return n + (Double.parseDouble(n) > 1.0 ? " CPU cores" : " CPU core");
    }

    private static String one(double x) {
        return String.format(Locale.ROOT, "%.1f", x);
    }

    private static String two(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** What was measured of the student at the classified worker count. */
    private record Measured(Kind kind, ExpectedModel model, int workers, int coresAvailable, double gain, boolean selfBased,
                            Double speedup, double utilisation, SpeedupCurve curve, boolean gilEnabled) {
        double cores() {
            return utilisation;
        }
    }
}
