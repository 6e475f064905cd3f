package org.paragrade.grading;

import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.paragrade.measure.Contention;

/**
 * The gradings of a batch (one solution or several of the same exercise version, claimed together):
 * each one's scan and correctness as on its own, then one benchmark session for the correct ones
 * ({@link BatchBenchmarkStage}), made again after a pause when a neighbour kept the machine busy, then
 * each one judged on its own view. A member that fails, or whose claim stops, leaves without touching
 * the others; a reference failing is ours and fails every member of the session.
 */
final class BatchGrading {
    /** A member's end: its outcome, or why it has none ({@link GradingWorker.Cancelled}: its claim stopped). */
    record Result(GradingOutcome outcome, Exception error) {
    }

    /**
     * Told of a member's end as soon as it is known: one that failed its scan or correctness is judged right
     * after the checks, before its mates' benchmark session (its outcome is the one it would get after it:
     * nothing it is judged on comes from the session), so a wrong solution's student does not wait for others'
     * measurements. Called on the grading's thread; not for members the session measures.
     */
    interface Early {
        void ended(int member, Result result);
    }

    private final List<Grader> graders;
    private final MachineLock machine;
    private final Duration curveBudget;
    private final int contentionRetries;
    private final Duration contentionPause;
    private final long seed;
    private final int checkers;
    private final java.util.function.BooleanSupplier othersWaiting;
    private final Early early;

    /**
     * @param curveBudget       one benchmark's time after which the rest of its curve is no longer measured
     * @param contentionRetries times a session made on a busy machine is paused and made again
     * @param seed              orders the session's rounds (reproducibly)
     * @param checkers          members whose correctness runs may run at once (1: one after another)
     * @param othersWaiting     other solutions wait in the queue: the rest of each curve is measured once only
     * @param early             told of each member whose end is known before the benchmark session
     */
    BatchGrading(List<Grader> graders, MachineLock machine, Duration curveBudget, int contentionRetries,
                 Duration contentionPause, long seed, int checkers, java.util.function.BooleanSupplier othersWaiting,
                 Early early) {
        this.early = early;
        this.graders = List.copyOf(graders);
        this.machine = machine;
        this.curveBudget = curveBudget;
        this.contentionRetries = contentionRetries;
        this.contentionPause = contentionPause;
        this.seed = seed;
        this.checkers = checkers;
        this.othersWaiting = othersWaiting;
    }

    List<Result> grade() throws InterruptedException {
        int n = graders.size();
        Result[] results = new Result[n];
        Grader.Checked[] checked = new Grader.Checked[n];
        List<Integer> correct = new ArrayList<>();
        check(checked, results);
        for (int i = 0; i < n; i++) {
            if (checked[i] != null && checked[i].benchmarked()) {
                correct.add(i);
            }
        }
        if (!correct.isEmpty()) { // others still have a session to wait for: the rest need not wait with them
            for (int i = 0; i < n; i++) {
                if (results[i] == null && checked[i] != null && !checked[i].benchmarked()) {
                    results[i] = judgedUnmeasured(i, checked[i], correct.size());
                }
                if (results[i] != null) {
                    early.ended(i, results[i]);
                }
            }
        }
        BenchmarkStage.Result[] measured = new BenchmarkStage.Result[n];
        List<Map<String, BenchmarkStage.Result>> evidence = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            evidence.add(new LinkedHashMap<>());
        }
        double seconds = 0;
        if (!correct.isEmpty()) {
            long start = System.nanoTime();
            try {
                benchmarkOnAQuietMachine(correct, measured, results);
                benchmarkOnTheOtherInterpreters(correct, measured, evidence, results);
            } catch (RuntimeException e) {
                for (int i : correct) {
                    if (results[i] == null) {
                        results[i] = new Result(null, e);
                    }
                }
            }
            seconds = (System.nanoTime() - start) / 1e9;
            Metrics.timer("paragrade_benchmark_seconds").record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        for (int i = 0; i < n; i++) {
            if (results[i] != null) {
                continue;
            }
            try {
                results[i] = new Result(graders.get(i).judge(checked[i], measured[i], evidence.get(i), correct.size(),
                        seconds), null);
            } catch (RuntimeException e) {
                results[i] = new Result(null, e);
            }
        }
        return Arrays.asList(results);
    }

    /** A member that has no benchmark: judged on its checks alone, as after the session. */
    private Result judgedUnmeasured(int i, Grader.Checked checked, int measuredInBatch) {
        try {
            return new Result(graders.get(i).judge(checked, null, Map.of(), measuredInBatch, 0), null);
        } catch (RuntimeException e) {
            return new Result(null, e);
        }
    }

    /**
     * Every member's scan and correctness runs, {@code checkers} at a time: they share the machine (no timing of
     * theirs is a figure), so on 2 cores two members' runs overlap where one member's would leave a core idle
     * between its short runs. Each check runs under the worker's log fields; one failing leaves the others alone.
     */
    private void check(Grader.Checked[] checked, Result[] results) throws InterruptedException {
        int n = graders.size();
        if (checkers <= 1 || n == 1) {
            for (int i = 0; i < n; i++) {
                try {
                    checked[i] = graders.get(i).check();
                } catch (RuntimeException e) {
                    results[i] = new Result(null, e);
                }
            }
            return;
        }
        Map<String, Object> fields = org.jboss.logging.MDC.getMap();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(checkers, n), r -> {
                    Thread t = new Thread(r, Thread.currentThread().getName() + "-check");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<java.util.concurrent.Future<Grader.Checked>> running = new ArrayList<>();
            for (Grader g : graders) {
                running.add(pool.submit(() -> {
                    fields.forEach(org.jboss.logging.MDC::put);
                    try {
                        return g.check();
                    } finally {
                        org.jboss.logging.MDC.clear();
                    }
                }));
            }
            for (int i = 0; i < n; i++) {
                try {
                    checked[i] = running.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof InterruptedException interrupted) {
                        throw interrupted;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    results[i] = new Result(null, cause instanceof RuntimeException re ? re : new RuntimeException(cause));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Evidence sessions: for each other interpreter the exercise lists, the same plan's interleaved rounds (the
     * solutions and the references all on that interpreter), for the members the scored session measured. Once each:
     * the grade does not rest on them, and a run failing there fails its solution as on the scored interpreter.
     */
    private void benchmarkOnTheOtherInterpreters(List<Integer> correct, BenchmarkStage.Result[] measured,
                                                 List<Map<String, BenchmarkStage.Result>> evidence, Result[] results) {
        for (String id : graders.get(correct.get(0)).evidenceInterpreters()) {
            List<Integer> in = correct.stream().filter(i -> results[i] == null && measured[i] != null
                    && measured[i].measured()).toList();
            if (in.isEmpty()) {
                return;
            }
            in.forEach(i -> graders.get(i).phase("benchmark on " + id));
            List<BatchBenchmarkStage.Member> members = in.stream().map(i -> graders.get(i).member(id)).toList();
            List<BenchmarkStage.Result> session;
            try (var held = machine.benchmark()) {
                session = new BatchBenchmarkStage(curveBudget, seed, othersWaiting).run(members, graders.get(in.get(0)).workload());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfrastructureFailure("interrupted while benchmarking on " + id);
            }
            for (int k = 0; k < in.size(); k++) {
                int i = in.get(k);
                if (session.get(k) == null) {
                    results[i] = new Result(null, members.get(k).stopped);
                } else {
                    evidence.get(i).put(id, session.get(k));
                }
            }
        }
    }

    /**
     * The session, made again (after a pause, a bounded number of times) when a neighbour kept the machine
     * busy meanwhile: a grade is made on noise only when no quiet machine came.
     */
    private void benchmarkOnAQuietMachine(List<Integer> correct, BenchmarkStage.Result[] measured, Result[] results)
            throws InterruptedException {
        List<Integer> in = new ArrayList<>(correct);
        for (int retriesLeft = contentionRetries; ; retriesLeft--) {
            in.forEach(i -> graders.get(i).phase("benchmark"));
            List<BatchBenchmarkStage.Member> members = in.stream().map(i -> graders.get(i).member()).toList();
            List<BenchmarkStage.Result> session;
            try (var held = machine.benchmark()) {
                session = new BatchBenchmarkStage(curveBudget, seed, othersWaiting).run(members, graders.get(in.get(0)).workload());
            }
            Contention contention = null;
            List<Integer> still = new ArrayList<>();
            for (int k = 0; k < in.size(); k++) {
                int i = in.get(k);
                measured[i] = session.get(k);
                if (measured[i] == null) {
                    results[i] = new Result(null, members.get(k).stopped);
                } else {
                    still.add(i);
                    contention = contention != null ? contention : measured[i].contention();
                }
            }
            in = still;
            if (in.isEmpty() || contention == null || contention.decide(retriesLeft) != Contention.Decision.PAUSE_AND_RETRY) {
                return;
            }
            in.forEach(i -> graders.get(i).phase("waiting for a quiet machine")); // a phase is at most 40 characters
            Thread.sleep(contentionPause.toMillis());
        }
    }
}
