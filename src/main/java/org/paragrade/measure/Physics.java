package org.paragrade.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Credits only the speed-up the physics of the machine supports, from figures the supervisor measured
 * (CPU time of the whole tree, utilisation, peak processes and threads) and, on I/O, the checker's
 * server-side count of concurrent requests when it has one.
 *
 * <p>Per round, wall speed-up = work × parallelism: {@code Tseq/Tstu = (Cseq/Cstu) × (Ustu/Useq)} with
 * C the CPU time and U the cores kept busy. Performance points are for the parallelism the exercise
 * teaches, so on CPU-bound work a round is credited {@code min(wall ratio, cores ratio)}: extra work
 * (overhead) costs, less work (a faster algorithm) earns nothing, and a run that kept about one core
 * busy is credited at most 1× whatever its wall clock said. On I/O a speed-up needs overlapped waits
 * (more than one request in flight, or threads, processes or an event loop's clear gain at low CPU);
 * it is capped by the concurrency seen. Mixed work needs some concurrency, and the computing a run
 * skipped (a cheaper algorithm) is added back to its time; sync work is taken as measured.
 *
 * <p>Thresholds:
 * <ul>
 *   <li>{@link #PARALLEL_CORES} 1.3× the sequential reference's busy cores: GIL-bound threads show
 *       1.0–1.1; with worker processes seen, {@link #PROCESS_PARALLEL_CORES} 1.1× suffices (two
 *       processes sharing a core with a neighbour's busy loop keep 2 × 2/3 = 1.33 cores busy).</li>
 *   <li>{@link #TOO_LITTLE_WORK} 3×: a cheaper trial division (skipping multiples of 3, say) saves
 *       up to ~1.5×; a run whose CPU time is confidently under a third of the reference's did not
 *       do the work (a hard-coded answer, work hidden from the accounting).</li>
 *   <li>{@link #CORES_SLACK} 10% above the cores (and the work) for start-up and accounting jitter.</li>
 *   <li>{@link #PROCESS_SLACK} 2 processes beyond {@code workers}: multiprocessing's resource tracker and
 *       forkserver. {@code cores + }{@link #THREAD_SLACK} threads: asyncio's default executor
 *       (min(32, cores + 4)), a Pool's three handler threads and a queue's feeder thread;
 *       {@link #REQUEST_SLACK} request in flight beyond {@code workers}, as the checker's server counts.</li>
 * </ul>
 */
public final class Physics {

    static final double PARALLEL_CORES = BehaviourClassifier.PARALLEL_CORES;
    static final double PROCESS_PARALLEL_CORES = 1.1;
    static final double WAITING_CORES = BehaviourClassifier.ONE_BUSY_CORE;
    static final double TOO_LITTLE_WORK = 3.0;
    /** Work ratio (reference CPU / student CPU) beyond what a cheaper trial division saves (~1.5×): shown to a grader. */
    static final double LESS_WORK = 1.5;
    static final double CORES_SLACK = 1.1;
    static final int PROCESS_SLACK = 2;
    static final int THREAD_SLACK = 4;
    /** One request beyond {@code workers}: a worker's next request may reach the server as its last one is counted out. */
    static final int REQUEST_SLACK = 1;
    private static final String USE_WORKERS = " Use the workers argument: a run that takes more is not credited, and a"
            + " grader will look at it.";
    /** Work ratios within this factor of 1 are "about the same work": CPU time varies by a few percent. */
    static final double SAME_WORK = 1.1;

    /** How a run's speed-up is credited. */
    enum Rule { COMPUTE, WAITS, MIXED, AS_MEASURED }

    private Physics() {
    }

    /**
     * @param kind    the exercise's kind
     * @param curve   the benchmark (its samples are paired by round)
     * @param workers the worker count judged
     */
    public static Evidence judge(Kind kind, SpeedupCurve curve, int workers) {
        Trial cell = new Trial(RunVariant.STUDENT, workers);
        List<Sample> all = curve.samples();
        Optional<RunFigures> run = curve.run(RunVariant.STUDENT, workers);
        List<Double> walls = PairedRounds.speedups(all, cell);
        if (run.isEmpty() || walls.isEmpty()) {
            return new Evidence(workers, null, null, null, run.map(RunFigures::cpuUtilisation).orElse(0.0), false, null,
                    Map.of(), f("Your solution was not measured with %d workers beside the sequential reference, so no speed-up"
                            + " can be credited.", workers), List.of());
        }
        Interval wall = Statistics.medianInterval(walls);
        Interval work = Statistics.medianInterval(PairedRounds.values(all, PairedRounds.BASELINE, cell, Physics::workRatio));
        Interval cores = Statistics.medianInterval(PairedRounds.values(all, PairedRounds.BASELINE, cell, Physics::coresRatio));
        Counts counts = Counts.of(curve, workers);
        Rule rule = rule(kind, curve.run(RunVariant.SEQUENTIAL, 1).map(RunFigures::cpuUtilisation).orElse(0.0));
        Integer concurrentRequests = requests(all, cell);
        boolean shown = shown(rule, cores, wall, counts, concurrentRequests);
        SortedMap<Integer, Double> creditedRounds = PairedRounds.byRound(all, PairedRounds.BASELINE, cell,
                (b, c) -> credit(rule, shown, workers, b, c));
        Interval credited = Statistics.medianInterval(creditedRounds.values());
        Measured m = new Measured(rule, workers, wall, work, cores, run.get().cpuUtilisation(), counts,
                concurrentRequests, credited);
        return new Evidence(workers, wall, work, cores, run.get().cpuUtilisation(), shown, credited, creditedRounds,
                shown ? creditedWords(m) : uncreditedWords(m), flags(kind, curve));
    }

    /**
     * @param sequentialCores cores the sequential reference kept busy on this workload: what the work is made
     *                        of. Not the student's: a run's in-process checker answering a hundred requests at
     *                        once keeps a core busy, and that does not turn waiting into computing.
     */
    static Rule rule(Kind kind, double sequentialCores) {
        return switch (kind) {
            case CPU -> Rule.COMPUTE;
            // an I/O exercise whose sequential reference keeps a core busy is computing: its speed-up needs cores
            case IO -> sequentialCores >= WAITING_CORES ? Rule.COMPUTE : Rule.WAITS;
            case MIXED -> Rule.MIXED;
            case SYNC -> Rule.AS_MEASURED;
        };
    }

    private static boolean shown(Rule rule, Interval cores, Interval wall, Counts counts, Integer requests) {
        boolean concurrent = counts.extraThreads() >= 1 || counts.extraProcesses() >= 1;
        return switch (rule) {
            case COMPUTE -> cores.estimate() >= PARALLEL_CORES
                    || (counts.extraProcesses() >= 1 && cores.estimate() >= PROCESS_PARALLEL_CORES);
            // the checker's count, when there is one, is the evidence that cannot be faked from inside
            case WAITS -> requests != null ? requests >= 2 : concurrent || wall.estimate() >= BehaviourClassifier.CLEAR_GAIN;
            case MIXED -> (requests != null && requests >= 2) || concurrent || cores.estimate() >= PARALLEL_CORES;
            case AS_MEASURED -> true;
        };
    }

    /** The median over the cell's runs of the checker's count, or null when the checker counts nothing. */
    private static Integer requests(List<Sample> all, Trial cell) {
        List<Double> counts = all.stream().filter(s -> s.trial().equals(cell) && s.concurrentRequests() != null)
                .map(s -> (double) s.concurrentRequests()).toList();
        return counts.isEmpty() ? null : (int) Math.floor(Statistics.median(counts));
    }

    /** One round's credited speed-up; on waits capped by that run's requests in flight (else its workers). */
    private static double credit(Rule rule, boolean shown, int workers, Sample base, Sample cell) {
        double wall = cell.wallMs() > 0 ? base.wallMs() / cell.wallMs() : 0;
        double cap = cell.concurrentRequests() != null ? Math.max(1, cell.concurrentRequests()) : workers;
        return switch (rule) {
            case COMPUTE -> Math.min(wall, shown ? coresRatio(base, cell) : 1.0);
            case WAITS -> Math.min(wall, shown ? cap : 1.0);
            case MIXED -> shown ? Math.min(wall, workAddedBack(base, cell)) : Math.min(wall, 1.0);
            case AS_MEASURED -> wall;
        };
    }

    /**
     * On mixed work, the speed-up had the run done the reference's computing: CPU time it skipped (a cheaper
     * algorithm) is added back to its wall time, spread over the cores it kept busy. Only concurrency earns.
     */
    static double workAddedBack(Sample base, Sample cell) {
        double skipped = workRatio(base, cell) > SAME_WORK ? base.cpuMs() - cell.cpuMs() : 0;
        double wall = cell.wallMs() + Math.max(0, skipped) / Math.max(1.0, cell.cpuUtilisation());
        return wall > 0 ? base.wallMs() / wall : 0;
    }

    /** Sequential CPU time / student CPU time in the same round; huge when the student used none. */
    static double workRatio(Sample base, Sample cell) {
        return cell.cpuMs() > 0 ? base.cpuMs() / cell.cpuMs() : 1e9;
    }

    /** Student cores busy / sequential cores busy in the same round. */
    static double coresRatio(Sample base, Sample cell) {
        double baseCores = base.cpuUtilisation();
        return baseCores > 0 ? cell.cpuUtilisation() / baseCores : cell.cpuUtilisation();
    }

    /**
     * Physics flags of every benchmarked run of the student, not only the scored one: a result the
     * machine rules out anywhere on the curve puts the grade in doubt. One flag of each kind, at the
     * first worker count that raised it.
     */
    static List<Flag> flags(Kind kind, SpeedupCurve curve) {
        List<Flag> flags = new ArrayList<>();
        for (RunFigures run : curve.runsOf(RunVariant.STUDENT)) {
            Trial cell = run.trial();
            List<Double> walls = PairedRounds.speedups(curve.samples(), cell);
            if (walls.isEmpty()) continue;
            Interval wall = Statistics.medianInterval(walls);
            Interval work = Statistics.medianInterval(
                    PairedRounds.values(curve.samples(), PairedRounds.BASELINE, cell, Physics::workRatio));
            for (Flag flag : flagsAt(kind, curve, run, wall, work)) {
                if (flags.stream().noneMatch(f -> f.code() == flag.code())) flags.add(flag);
            }
        }
        ignoredWorkers(kind, curve).ifPresent(flags::add);
        return flags;
    }

    private static List<Flag> flagsAt(Kind kind, SpeedupCurve curve, RunFigures run, Interval wall, Interval work) {
        List<Flag> flags = new ArrayList<>();
        Optional<RunFigures> sequential = curve.run(RunVariant.SEQUENTIAL, 1);
        boolean cpuBound = kind == Kind.CPU
                || (kind == Kind.MIXED && sequential.map(RunFigures::cpuUtilisation).orElse(1.0) >= 0.5);
        String with = f("With %d worker%s your solution", run.workers(), run.workers() == 1 ? "" : "s");
        if (cpuBound && work.low() > TOO_LITTLE_WORK) {
            flags.add(new Flag(FlagCode.TOO_FAST_FOR_ITS_CPU, f("%s used %.0f ms of CPU time where the sequential reference"
                    + " needs %.0f ms for the same work (%.0f× less): a CPU-bound task cannot be done with so little"
                    + " computing, so its speed-up is not credited; a grader will look at it.", with, run.cpuMs(),
                    sequential.map(RunFigures::cpuMs).orElse(0.0), work.estimate())));
        }
        // CPU time can be padded (processes that spin) to hide work not done from the check above; a cheaper
        // trial division saves up to ~1.5x, so a CPU-bound run doing clearly less work is shown to a grader.
        // on mixed work the fetches' waits hide how little computing a cheaper algorithm did: shown too
        if ((cpuBound || kind == Kind.MIXED) && flags.isEmpty() && work.low() > LESS_WORK) {
            flags.add(new Flag(FlagCode.LESS_WORK_THAN_REFERENCE, f("%s used %.0f ms of CPU time where the sequential"
                    + " reference needs %.0f ms for the same work (%.1f× less): more than a cheaper trial division"
                    + " saves, so a grader will look at how it computes.", with, run.cpuMs(),
                    sequential.map(RunFigures::cpuMs).orElse(0.0), work.estimate())));
        }
        int cores = curve.cores();
        boolean beyondWall = kind == Kind.CPU && wall.low() > cores * CORES_SLACK * Math.max(1, work.estimate());
        if (beyondWall || run.cpuUtilisation() > cores * CORES_SLACK) {
            flags.add(new Flag(FlagCode.FASTER_THAN_CORES, f("%s was %s faster than the sequential reference and kept %s"
                    + " cores busy on a %d-core machine, and %s: more than the cores can give, so it is not credited;"
                    + " a grader will look at it.", with, wall.describe(), one(run.cpuUtilisation()), cores,
                    workWords(work.estimate()))));
        }
        return flags;
    }

    /** The first worker count at which the student ran more processes or threads than allowed. */
    private static Optional<Flag> ignoredWorkers(Kind kind, SpeedupCurve curve) {
        for (RunFigures r : curve.runsOf(RunVariant.STUDENT)) {
            Counts c = Counts.of(curve, r.workers());
            int processes = r.workers() + PROCESS_SLACK;
            int threads = r.workers() + curve.cores() + THREAD_SLACK;
            // a mixed solution may feed each process from fetch threads; the bank's checker brings its own threads
            boolean threadsCount = kind == Kind.CPU || kind == Kind.IO;
            if (c.extraProcesses() > processes || (threadsCount && c.extraThreads() > threads)) {
                boolean byProcesses = c.extraProcesses() > processes;
                return Optional.of(new Flag(FlagCode.IGNORES_WORKERS, f("With %d worker%s your solution ran %d %s at once;"
                        + " %d are allowed (%d plus %d for a pool's helpers)." + USE_WORKERS, r.workers(), r.workers() == 1 ? "" : "s",
                        byProcesses ? c.extraProcesses() : c.extraThreads(), byProcesses ? "extra processes" : "extra threads",
                        byProcesses ? processes : threads, r.workers(), byProcesses ? PROCESS_SLACK : curve.cores() + THREAD_SLACK)));
            }
            // the checker's own count of requests in flight: an event loop ignoring workers shows no extra threads
            // (on I/O; mixed work may download beside its `workers` computing processes)
            if (kind == Kind.IO && r.concurrentRequests() != null && r.concurrentRequests() > r.workers() + REQUEST_SLACK) {
                return Optional.of(new Flag(FlagCode.IGNORES_WORKERS, f("With %d worker%s your solution had %d requests"
                        + " in flight at once (the checker's server counted them); at most %d are allowed." + USE_WORKERS,
                        r.workers(), r.workers() == 1 ? "" : "s", r.concurrentRequests(), r.workers())));
            }
        }
        return Optional.empty();
    }

    private static String creditedWords(Measured m) {
        return switch (m.rule()) {
            case COMPUTE -> f("With %d workers your solution kept %s busy (%s× the sequential reference's) and %s%s:"
                    + " credited speed-up %s.", m.workers(), cores(m.coresUsed()), two(m.cores().estimate()),
                    workWords(m.work().estimate()), m.work().estimate() > SAME_WORK
                            ? ", which earns no points (they are for parallelism)" : "", m.credited().describe());
            case WAITS -> f("Your waits overlapped: %s, with %s busy: credited speed-up %s.", overlapWords(m),
                    cores(m.coresUsed()), m.credited().describe());
            case MIXED -> f("With %d workers your solution ran %s and kept %s busy%s: credited speed-up %s.", m.workers(),
                    overlapWords(m), cores(m.coresUsed()), m.work().estimate() > SAME_WORK ? f(", and did %s× less"
                            + " computing than the reference, which is added back (points are for concurrency, not a"
                            + " cheaper algorithm)", two(m.work().estimate())) : "", m.credited().describe());
            case AS_MEASURED -> f("Speed-up %s, measured as is on this synchronisation exercise.", m.credited().describe());
        };
    }

    private static String uncreditedWords(Measured m) {
        String clock = f("whatever the wall clock said (%s)", m.wall().describe());
        return switch (m.rule()) {
            case COMPUTE -> m.work().estimate() > SAME_WORK
                    ? f("Your solution did %s× less work than the reference on one core (%s busy with %d workers): a faster"
                    + " program, not parallelism; %s. No parallel speed-up is credited, %s.", two(m.work().estimate()),
                    cores(m.coresUsed()), m.workers(), addedNothing(m.counts()), clock)
                    : f("With %d workers your solution kept %s busy (%s× the sequential reference's) and %s: it has no"
                    + " parallel speed-up, %s.", m.workers(), cores(m.coresUsed()), two(m.cores().estimate()),
                    workWords(m.work().estimate()), clock);
            case WAITS, MIXED -> f("No overlapped waits or parallel work were observed (%s): no speed-up is credited, %s.",
                    overlapWords(m), clock);
            case AS_MEASURED -> clock;
        };
    }

    private static String addedNothing(Counts c) {
        if (c.extraProcesses() >= 1) return "your processes added nothing";
        if (c.extraThreads() >= 1) return "your threads added nothing";
        return "the work was not shared among workers";
    }

    private static String overlapWords(Measured m) {
        if (m.requests() != null) {
            return f("the checker saw up to %d request%s in flight at once", m.requests(), m.requests() == 1 ? "" : "s");
        }
        Counts c = m.counts();
        if (c.extraProcesses() >= 1) return f("%d extra processes", c.extraProcesses());
        if (c.extraThreads() >= 1) return f("%d extra threads", c.extraThreads());
        return "one thread of one process";
    }

    static String workWords(double work) {
        if (work > SAME_WORK) return f("did %s× less work than the reference (its CPU time)", two(work));
        if (work < 1 / SAME_WORK) return f("spent %s× the reference's CPU time (overhead)", two(1 / work));
        return f("did about the same work (%s× its CPU time)", two(1 / work));
    }

    private static String cores(double used) {
        String n = one(used);
        return n + (Double.parseDouble(n) > 1.0 ? " cores" : " core");
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

    /** Processes and threads the student's run added above the sequential reference's own counts. */
    record Counts(int extraProcesses, int extraThreads) {
        static Counts of(SpeedupCurve curve, int workers) {
            Optional<RunFigures> seq = curve.run(RunVariant.SEQUENTIAL, 1);
            int baseProcesses = Math.max(1, seq.map(RunFigures::maxProcesses).orElse(1));
            int baseThreads = Math.max(1, seq.map(RunFigures::maxThreads).orElse(1));
            Optional<RunFigures> run = curve.run(RunVariant.STUDENT, workers);
            int processes = Math.max(0, run.map(RunFigures::maxProcesses).orElse(0) - baseProcesses);
            // every extra process brings its own main thread
            int threads = Math.max(0, run.map(RunFigures::maxThreads).orElse(0) - baseThreads - processes);
            return new Counts(processes, threads);
        }
    }

    private record Measured(Rule rule, int workers, Interval wall, Interval work, Interval cores, double coresUsed,
                            Counts counts, Integer requests, Interval credited) {
    }
}
