package org.paragrade.measure;

import java.util.Locale;
import java.util.Optional;

/**
 * Classifies how the student's solution ran, from what the supervisor measured at the largest
 * worker count compared with 1 worker: peak processes and threads, cores kept busy (CPU time /
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

    private enum Mechanism { PROCESSES, THREADS, NONE }

    private BehaviourClassifier() {
    }

    /**
     * @param kind          the exercise's kind: cpu | io | sync | mixed
     * @param expectedModel threads | processes | asyncio | any
     * @param curve         the benchmark's figures
     */
    public static BehaviourVerdict classify(String kind, String expectedModel, SpeedupCurve curve) {
        String k = normalise(kind, "mixed");
        String model = normalise(expectedModel, "any");
        int p = curve.largestWorkers();
        Optional<RunFigures> measured = curve.run(Sample.STUDENT, p);
        if (measured.isEmpty()) {
            return new BehaviourVerdict(Behaviour.UNKNOWN, false,
                    "There is no benchmark measurement of your solution, so how it ran could not be classified.");
        }
        RunFigures top = measured.get();
        Double gainOrNull = top.selfSpeedup() != null ? top.selfSpeedup() : top.speedup();
        if (p < 2 || gainOrNull == null) {
            return new BehaviourVerdict(Behaviour.UNKNOWN, false, String.format(Locale.ROOT,
                    "Your solution was measured at %d worker%s only and could not be compared with fewer workers,"
                            + " so how it ran could not be classified; a grader will look at it.", p, p == 1 ? "" : "s"));
        }
        Optional<RunFigures> sequential = curve.run(Sample.SEQUENTIAL, 1);
        int baseProcesses = Math.max(1, sequential.map(RunFigures::maxProcesses).orElse(1));
        int baseThreads = Math.max(1, sequential.map(RunFigures::maxThreads).orElse(1));
        Mechanism mechanism = top.maxProcesses() > baseProcesses ? Mechanism.PROCESSES
                : top.maxThreads() - baseThreads >= Math.max(1, p / 2) ? Mechanism.THREADS
                : Mechanism.NONE;

        Measured m = new Measured(k, model, p, curve.cores(), gainOrNull, top.selfSpeedup() != null, top.speedup(),
                top.cpuUtilisation(), curve);
        Behaviour behaviour = behaviour(m, mechanism);
        boolean matches = matches(model, k, behaviour, mechanism);
        return new BehaviourVerdict(behaviour, matches, explain(behaviour, matches, mechanism, m));
    }

    private static Behaviour behaviour(Measured m, Mechanism mechanism) {
        boolean gained = m.gain >= CLEAR_GAIN;
        boolean multiCore = m.cores() >= PARALLEL_CORES;
        // Faster than the cores it kept busy could make it: the workers overlapped waiting, not computing.
        boolean beyondCores = m.gain >= CLEAR_GAIN * Math.max(1.0, m.cores());
        boolean waiting = m.kind.equals("io") || (!m.kind.equals("cpu") && !multiCore) || beyondCores;
        switch (mechanism) {
            case PROCESSES:
                // A clear gain over the sequential reference counts too: a hybrid already overlaps its waits
                // with one worker process, so adding processes gains it less than it gains over sequential code.
                boolean beatsSequential = m.speedup != null && m.speedup >= CLEAR_GAIN;
                if ((m.speedup != null && m.speedup < SLOWER_THAN_SEQUENTIAL) || !(gained || beatsSequential)) {
                    return Behaviour.OVERHEAD_DOMINATED;
                }
                // on a CPU-bound task, processes that gain are computing in parallel even if some CPU time went uncounted
                if (waiting && !m.kind.equals("cpu")) return Behaviour.CONCURRENT_IO_PROCESSES;
                return oversubscribed(m) ? Behaviour.OVERSUBSCRIBED : Behaviour.PARALLEL_PROCESSES;
            case THREADS:
                if (gained && waiting) return Behaviour.CONCURRENT_IO_THREADS;
                if (gained && multiCore) return oversubscribed(m) ? Behaviour.OVERSUBSCRIBED : Behaviour.PARALLEL_THREADS;
                if (m.kind.equals("cpu") || (m.kind.equals("mixed") && m.cores() >= ONE_BUSY_CORE)) {
                    return Behaviour.THREADS_GIL_BOUND;
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
        if (!m.kind.equals("cpu")) return false;
        // The busiest run decides: a run slowed by the machine (CPU steal) shows a lower utilisation.
        return m.curve.runsOf(Sample.STUDENT).stream().mapToDouble(RunFigures::cpuUtilisation).max().orElse(0) >= ONE_BUSY_CORE;
    }

    /** More workers than cores, and the speed-up stopped growing past the core count. */
    private static boolean oversubscribed(Measured m) {
        if (m.workers <= m.coresAvailable) return false;
        Optional<Double> atCores = m.curve.runsOf(Sample.STUDENT).stream()
                .filter(r -> r.workers() > 1 && r.workers() <= m.coresAvailable)
                .map(r -> m.selfBased ? r.selfSpeedup() : r.speedup())
                .filter(g -> g != null)
                .max(Double::compare);
        double ceiling = atCores.map(g -> g * STILL_GROWING).orElse(m.coresAvailable * STILL_GROWING);
        return m.gain < ceiling;
    }

    private static boolean matches(String model, String kind, Behaviour b, Mechanism mechanism) {
        boolean sync = kind.equals("sync");
        return switch (model) {
            case "processes" -> b == Behaviour.PARALLEL_PROCESSES || b == Behaviour.CONCURRENT_IO_PROCESSES
                    || (b == Behaviour.OVERSUBSCRIBED && mechanism == Mechanism.PROCESSES);
            case "threads" -> b == Behaviour.CONCURRENT_IO_THREADS || b == Behaviour.PARALLEL_THREADS
                    || (b == Behaviour.OVERSUBSCRIBED && mechanism == Mechanism.THREADS)
                    || (b == Behaviour.THREADS_GIL_BOUND && (kind.equals("cpu") || sync))
                    || (b == Behaviour.SERIALISED_BY_LOCKS && sync);
            case "asyncio" -> b == Behaviour.CONCURRENT_IO_ASYNCIO;
            default -> b == Behaviour.PARALLEL_PROCESSES || b == Behaviour.PARALLEL_THREADS
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
            case OVERHEAD_DOMINATED -> (m.kind.equals("io")
                    ? f("Your processes cost more than they saved: with %d workers you were %s.", p, speedOf(m))
                    + " For waiting on I/O, threads or asyncio cost far less."
                    : f("Starting processes and pickling data cost more than the work itself: with %d workers you"
                    + " were %s.", p, speedOf(m))
                    + " Give each process bigger chunks (chunksize) or fewer, larger tasks.");
            case SERIALISED_BY_LOCKS -> m.kind.equals("sync")
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
                    cores(m.cores()), m.curve.run(Sample.STUDENT, p).map(RunFigures::maxThreads).orElse(0),
                    m.curve.run(Sample.STUDENT, p).map(RunFigures::maxProcesses).orElse(0));
        };
    }

    private static String advice(String model, String kind) {
        return switch (model) {
            case "processes" -> "Use processes (multiprocessing.Pool or ProcessPoolExecutor) for this task.";
            case "threads" -> kind.equals("io")
                    ? "Use threads (ThreadPoolExecutor) so the waits overlap."
                    : "This exercise asks for threads (threading or ThreadPoolExecutor).";
            case "asyncio" -> "This exercise asks for asyncio: run the waits as coroutines with asyncio.gather in one thread.";
            default -> kind.equals("cpu")
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
        return m.gain >= 1 ? f("ran %s× faster than %s", two(m.gain), than)
                : f("ran at only %s× the speed %s", two(m.gain), m.selfBased ? "of 1 worker" : "of the sequential reference");
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

    private static String normalise(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim().toLowerCase(Locale.ROOT);
    }

    /** What was measured of the student at the largest worker count. */
    private record Measured(String kind, String model, int workers, int coresAvailable, double gain, boolean selfBased,
                            Double speedup, double utilisation, SpeedupCurve curve) {
        double cores() {
            return utilisation;
        }
    }
}
