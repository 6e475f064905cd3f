package org.paragrade.grading;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.paragrade.ParagradeConfig;
import org.paragrade.queue.Claim;
import org.paragrade.queue.JobQueue;
import org.paragrade.queue.LeaseLost;
import org.paragrade.sandbox.Sandbox;

/**
 * The grading workers of this instance: {@code paragrade.workers} threads that claim jobs from
 * the PostgreSQL queue, keep their lease alive by heartbeat, grade, and record the result in one
 * fenced transaction. Our own failures are retried with backoff; a student's limit is a result. The same
 * threads validate instructors' bundles from the same queue ({@link BundleValidations}), with the same
 * lease, heartbeat and fence.
 */
@ApplicationScoped
public class GradingWorker {
    private static final Logger LOG = Logger.getLogger(GradingWorker.class);

    private final ParagradeConfig config;
    private final GradingConfig grading;
    private final JobQueue queue;
    private final RecordStage recorder;
    private final ExpectedValues expectedValues;
    private final Instance<Sandbox> sandbox;
    private final MeterRegistry metrics;
    private final GradingMetrics gradingMetrics;
    private final String owner;
    private static final java.security.SecureRandom WORKLOADS = new java.security.SecureRandom();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private final MachineLock machine;
    private final BatchConfig batch;
    private final BundleValidator validator;
    private final BundleValidations validations;
    private ScheduledExecutorService heartbeats;

    private record Running(Claim claim, AtomicBoolean cancelled, Thread thread) {
    }

    public GradingWorker(ParagradeConfig config, GradingConfig grading, JobQueue queue, RecordStage recorder,
                         ExpectedValues expectedValues, Instance<Sandbox> sandbox, MeterRegistry metrics,
                         MachineLock machine, GradingMetrics gradingMetrics, BatchConfig batch,
                         BundleValidator validator, BundleValidations validations) {
        this.config = config;
        this.grading = grading;
        this.queue = queue;
        this.recorder = recorder;
        this.expectedValues = expectedValues;
        this.sandbox = sandbox;
        this.metrics = metrics;
        this.gradingMetrics = gradingMetrics;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.machine = machine;
        this.batch = batch;
        this.validator = validator;
        this.validations = validations;
    }

    void onStart(@Observes @Priority(50) StartupEvent event) {
        if (!config.grades()) {
            LOG.infof("Grading is off on this instance (paragrade.role=%s, paragrade.workers=%d): portal only; bundles"
                    + " uploaded here are validated by the grading workers", config.role().name().toLowerCase(
                    java.util.Locale.ROOT), config.workers());
            return;
        }
        var info = sandbox.get().info(); // fail at start, loudly, if no safe sandbox can be built
        if (!info.grades()) {
            // Not grading at all beats grading with limits that are not enforced; the jobs wait in the queue.
            LOG.error(info.refusal() + " No grading worker started; jobs wait in the queue.");
            return;
        }
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "paragrade-heartbeat");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < config.workers(); i++) {
            Thread t = new Thread(this::loop, "paragrade-grader-" + i);
            t.setDaemon(false);
            threads.add(t);
            t.start();
        }
        queue.present(owner, config.workers());
        metrics.gauge("paragrade_workers", threads, List::size);
        metrics.gauge("paragrade_gradings_running", running, Map::size);
        LOG.infof("%d grading worker(s) started as %s", config.workers(), owner);
    }

    /** Stops claiming, lets running gradings finish within the grace, then gives their leases back. */
    void onStop(@Observes ShutdownEvent event) {
        if (threads.isEmpty()) {
            return;
        }
        stopping.set(true);
        long deadline = System.nanoTime() + grading.shutdownGrace().toNanos();
        for (Thread t : threads) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                t.join(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Running r : running.values()) {
            r.cancelled().set(true);
            r.thread().interrupt();
            queue.release(r.claim());
            LOG.infof("Shutdown: gave job %d back to the queue", r.claim().jobId());
        }
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        heartbeats.shutdownNow();
        try {
            queue.absent(owner);
        } catch (Exception e) {
            LOG.debugf("Could not say this instance stopped grading: %s", e);
        }
    }

    private void loop() {
        while (!stopping.get()) {
            try {
                List<Claim> claims = queue.claimBatch(owner, grading.lease(), Math.max(1, batch.max()));
                if (claims.isEmpty()) {
                    Thread.sleep(grading.poll().toMillis());
                    continue;
                }
                process(claims);
            } catch (InterruptedException e) {
                if (stopping.get()) {
                    return;
                }
            } catch (Exception e) {
                // The database went away, or a bug of ours: log, wait, go on; the lease rescues the job.
                LOG.errorf("Grading worker error: %s", e.toString());
                sleepQuietly(2000);
            }
        }
    }

    /** One claim of a batch while it is processed: its own cancel flag, heartbeat and metrics. */
    private final class Member {
        final Claim claim;
        final AtomicBoolean cancelled = new AtomicBoolean();
        final ScheduledFuture<?> beat;
        final long started = System.nanoTime();
        String verdict;
        private boolean ended;

        Member(Claim claim) {
            this.claim = claim;
            running.put(claim.jobId(), new Running(claim, cancelled, Thread.currentThread()));
            beat = heartbeats.scheduleWithFixedDelay(() -> heartbeat(claim, cancelled),
                    grading.heartbeat().toMillis(), grading.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Its grading is over (once: a member recorded before its batch ends is not counted again). */
        void end() {
            if (ended) {
                return;
            }
            ended = true;
            beat.cancel(false);
            running.remove(claim.jobId());
            if (!claim.validation()) { // the gradings' metrics count gradings only
                gradingMetrics.graded(verdict == null ? "abandoned" : verdict, System.nanoTime() - started);
            }
        }
    }

    /**
     * Grades a batch of claims (often one): each is prepared in its own workspace, checked and judged on its
     * own, and recorded in its own fenced transaction; their benchmarks share one session.
     */
    private void process(List<Claim> claims) throws InterruptedException {
        if (claims.get(0).validation()) {
            validate(claims.get(0)); // always a batch of its own
            return;
        }
        claims.forEach(c -> describeInLog(c, true)); // each one's queue wait
        describeBatchInLog(claims);
        List<Member> members = claims.stream().map(Member::new).toList();
        List<Workspace> workspaces = new ArrayList<>();
        try {
            List<Grader> graders = new ArrayList<>();
            List<Member> graded = new ArrayList<>();
            long workloadSeed = WORKLOADS.nextLong(); // one workload per session: the references are shared
            Long versionId = null;
            for (Member m : members) {
                try {
                    recorder.markRunning(m.claim);
                    PrepareStage.Prepared prepared = PrepareStage.load(m.claim);
                    if (versionId != null && versionId != prepared.versionId()) {
                        queue.release(m.claim); // cannot happen by the claim's query; never share references across versions
                        m.verdict = "abandoned";
                        continue;
                    }
                    versionId = prepared.versionId();
                    Workspace ws = PrepareStage.workspace(Path.of(config.dataDir()), "job" + m.claim.jobId(), prepared);
                    workspaces.add(ws);
                    graders.add(grader(m, prepared, ws, workloadSeed));
                    graded.add(m);
                } catch (Exception e) {
                    settle(m, e);
                }
            }
            if (graders.isEmpty()) {
                return;
            }
            if (graders.size() > 1) {
                LOG.infof("Grading a batch of %d", graders.size());
            }
            // a member whose end is known before its mates' benchmark (it failed its checks) is recorded at once
            BatchGrading.Early early = (i, r) -> {
                try {
                    finish(graded.get(i), r);
                } catch (RuntimeException e) { // its lease runs out and it is claimed again; the mates go on
                    LOG.warnf("Could not settle job %d before its batch's benchmark: %s", graded.get(i).claim.jobId(),
                            e.toString());
                } finally {
                    describeBatchInLog(claims); // the session's lines go on under the batch's fields
                }
            };
            List<BatchGrading.Result> results = new BatchGrading(graders, machine, grading.curveBudget(),
                    grading.contentionRetries(), grading.contentionPause(), graded.get(0).claim.submissionId(), batch.checkers(),
                    this::othersWaiting, early).grade();
            for (int i = 0; i < graded.size(); i++) {
                if (!graded.get(i).ended) { // not already recorded before the session
                    finish(graded.get(i), results.get(i));
                }
            }
        } catch (InterruptedException e) {
            if (!stopping.get()) {
                throw e;
            }
        } finally {
            for (Workspace ws : workspaces) {
                try {
                    ws.close();
                } catch (Exception e) {
                    LOG.warnf("Could not remove a grading workspace: %s", e.toString());
                }
            }
            members.forEach(Member::end);
            for (String key : LOG_FIELDS) {
                MDC.remove(key);
            }
        }
    }

    /** Records a member's result (or settles why it has none), under its own log fields, and ends it. */
    private void finish(Member m, BatchGrading.Result r) {
        try {
            if (r.outcome() == null) {
                settle(m, r.error());
                return;
            }
            describeInLog(m.claim, false); // this member's result, under its own fields
            try {
                recorder.record(m.claim, r.outcome());
                m.verdict = r.outcome().verdict().name();
                gradingMetrics.stages(r.outcome().timing());
                LOG.infof("Graded: %s, %.1f/%.1f; %s", r.outcome().verdict(), // the submission is the line's field
                        r.outcome().score(), r.outcome().maxScore(), r.outcome().timing());
            } catch (Exception e) {
                settle(m, e);
            }
        } finally {
            m.end();
        }
    }

    /** Other jobs wait in the queue (a benchmark then measures only what the grades need, and the curve once). */
    private boolean othersWaiting() {
        try {
            return queue.depth().queued() > 0;
        } catch (RuntimeException e) {
            LOG.warnf("Queue depth unknown (%s): the curve is measured as when nobody waits", e.toString());
            return false;
        }
    }

    /**
     * Validates a claimed bundle: the validator's runs go through this worker's sandbox and machine lock, its
     * progress to the validation while the claim holds, and the report (with the version, when it passed) is
     * recorded in one fenced transaction. A lost lease, a shutdown or our own failure settle like a grading's.
     */
    private void validate(Claim claim) {
        MDC.put("job", String.valueOf(claim.jobId()));
        MDC.put("grading", "job=" + claim.jobId() + " validation=" + claim.validationId() + " ");
        Member m = new Member(claim);
        try {
            validations.markRunning(claim);
            ValidationReport report = validator.validate(validations.load(claim), validationProgress(m));
            m.verdict = validations.record(claim, report).name();
            LOG.infof("Bundle validated: %s%s", m.verdict, report.valid() ? "" : " (" + report.problems().size()
                    + " problem(s))");
        } catch (Exception e) {
            settle(m, e);
        } finally {
            m.end();
            for (String key : LOG_FIELDS) {
                MDC.remove(key);
            }
        }
    }

    /** A validation's progress while its claim holds; a lost claim or a shutdown stops it before its next run. */
    private Progress validationProgress(Member m) {
        return new Progress() {
            @Override
            public void update(String phase, int done, int total) {
                if (!validations.progress(m.claim, phase, done, total)) {
                    m.cancelled.set(true);
                }
            }

            @Override
            public void checkContinue() {
                if (m.cancelled.get() || stopping.get()) {
                    throw new Cancelled("lease lost or shutting down");
                }
            }
        };
    }

    /** A member that ended without a result: abandoned (its claim stopped), given back, or our failure. */
    private void settle(Member m, Exception e) {
        if (e instanceof LeaseLost || e instanceof Cancelled) {
            m.verdict = "abandoned";
            LOG.warnf("Job %d abandoned: %s", m.claim.jobId(), e.getMessage());
        } else if (stopping.get() && m.cancelled.get()) {
            m.verdict = "abandoned";
            LOG.infof("Job %d stopped by shutdown; its lease was given back", m.claim.jobId());
        } else if (stopping.get()) {
            // A run that failed while the JVM shuts down (its sandbox staging is being removed) is not a
            // result: the job goes back to the queue without using up an attempt.
            m.verdict = "abandoned";
            queue.release(m.claim);
            LOG.infof("Shutdown: gave job %d back to the queue (%s)", m.claim.jobId(), e.getMessage());
        } else {
            m.verdict = "INTERNAL_ERROR";
            failed(m.claim, e);
        }
    }

    /** The MDC fields of a grading's log lines: fields of the JSON log in production; "grading" is the text log's. */
    private static final List<String> LOG_FIELDS = List.of("job", "submission", "exercise", "student", "grading");

    /**
     * Puts the job, submission, exercise and student into the MDC of this thread for the grading's log lines,
     * and (once, when it is claimed) counts the job's queue wait. A database hiccup here only costs the two
     * fields; the grading goes on.
     */
    private void describeInLog(Claim claim, boolean countWait) {
        MDC.put("job", String.valueOf(claim.jobId()));
        MDC.put("submission", String.valueOf(claim.submissionId()));
        String text = "job=" + claim.jobId() + " submission=" + claim.submissionId() + " ";
        try {
            GradingSubject subject = GradingSubject.of(claim);
            MDC.put("exercise", subject.exercise());
            MDC.put("student", subject.student());
            text += "exercise=" + subject.exercise() + " student=" + subject.student() + " ";
            if (countWait && claim.attempt() == 1) {
                gradingMetrics.waited(subject);
            }
        } catch (Exception e) {
            LOG.debugf("Could not describe job %d for the log: %s", claim.jobId(), e);
        }
        MDC.put("grading", text);
    }

    /** While a batch's members share their benchmark session, its log lines name every job and submission. */
    private static void describeBatchInLog(List<Claim> claims) {
        if (claims.size() < 2) {
            return; // one claim: describeInLog's fields are already its own
        }
        String jobs = claims.stream().map(c -> String.valueOf(c.jobId())).collect(Collectors.joining(","));
        String submissions = claims.stream().map(c -> String.valueOf(c.submissionId())).collect(Collectors.joining(","));
        MDC.put("job", jobs);
        MDC.put("submission", submissions);
        MDC.remove("exercise");
        MDC.remove("student");
        MDC.put("grading", "jobs=" + jobs + " submissions=" + submissions + " ");
    }

    /** Keeps the lease alive; a lease found lost cancels the grading at its next run. */
    private void heartbeat(Claim claim, AtomicBoolean cancelled) {
        try {
            if (!queue.heartbeat(claim, grading.lease())) {
                gradingMetrics.heartbeat("lost");
                cancelled.set(true);
            } else {
                gradingMetrics.heartbeat("renewed");
            }
        } catch (Exception e) {
            gradingMetrics.heartbeat("failed");
            LOG.warnf("Heartbeat of job %d failed: %s", claim.jobId(), e.toString());
        }
    }

    /** Our own failure: retried later, or, its attempts used up, recorded as INTERNAL_ERROR. */
    private void failed(Claim claim, Exception e) {
        String why = e instanceof InfrastructureFailure ? e.getMessage() : e.toString();
        LOG.errorf(e, "Grading failed on our side (attempt %d): %s", claim.attempt(), why);
        try {
            boolean dead = queue.fail(claim, why, grading.retryBackoff());
            if (claim.validation()) {
                if (dead) {
                    validations.recordFailure(claim.validationId(), why);
                } else {
                    validations.markRetrying(claim.validationId());
                }
            } else if (dead) {
                recorder.recordInternalError(claim.submissionId(), why);
            } else {
                recorder.markRetrying(claim.submissionId());
            }
        } catch (Exception again) {
            LOG.errorf("Could not record the failure of job %d: %s", claim.jobId(), again.toString());
        }
    }

    static final class Cancelled extends RuntimeException {
        Cancelled(String why) {
            super(why);
        }
    }

    private Grader grader(Member m, PrepareStage.Prepared prepared, Workspace ws, long workloadSeed) {
        ExerciseRunner runner = new ExerciseRunner(sandbox.get(), prepared.manifest(), ws, prepared.hasChecker(),
                "submission " + m.claim.submissionId());
        return new Grader(prepared.manifest(), runner, prepared.files(),
                params -> expectedValues.get(prepared.versionId(), params, runner), machine,
                progressOf(m.claim, m.cancelled), new Grader.Settings(Runtime.getRuntime().availableProcessors(),
                m.claim.submissionId(), workloadSeed));
    }

    /** Progress goes to the submission while the claim holds; a lost lease or a shutdown stops the grading. */
    private Progress progressOf(Claim claim, AtomicBoolean cancelled) {
        return new Progress() {
            @Override
            public void update(String phase, int done, int total) {
                if (!recorder.progress(claim, phase, done, total)) {
                    cancelled.set(true);
                }
            }

            @Override
            public void checkContinue() {
                if (cancelled.get()) {
                    throw new Cancelled("lease lost or shutting down");
                }
            }
        };
    }

    /** A job whose worker died on every attempt is ended as INTERNAL_ERROR (by any instance that grades). */
    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void buryExhausted() {
        if (!config.grades()) {
            return;
        }
        try {
            for (long id : queue.buryExhausted()) {
                LOG.errorf("Submission %d: its grading job kept killing its worker; marked INTERNAL_ERROR", id);
                recorder.recordInternalError(id, "the grading job's worker died on every attempt");
            }
            for (long id : queue.buryExhaustedValidations()) {
                LOG.errorf("Bundle validation %d: its job kept killing its worker; marked FAILED", id);
                validations.recordFailure(id, "the validation's worker died on every attempt");
            }
        } catch (Exception e) {
            LOG.debugf("Could not check for exhausted jobs: %s", e);
        }
    }

    /** Tells the wait estimates that this instance's workers are alive (they age out a minute after a crash). */
    @Scheduled(every = "15s", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sayAlive() {
        if (!config.grades() || stopping.get()) {
            return;
        }
        try {
            queue.present(owner, config.workers());
        } catch (Exception e) {
            LOG.debugf("Could not say this instance is alive: %s", e);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String owner() {
        return owner;
    }

    /** This instance has worker threads claiming jobs now (so it can validate a bundle it receives). */
    public boolean claimsHere() {
        return !threads.isEmpty() && !stopping.get();
    }
}
