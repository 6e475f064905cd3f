package org.paragrade.queue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The grading queue in PostgreSQL. Claims use {@code FOR UPDATE SKIP LOCKED} so any number of
 * instances share it; a claim is a lease renewed by heartbeat and fenced by owner and attempt,
 * so a stale worker's late result is dropped. Jobs whose worker died are claimed again when
 * the lease runs out, with backoff, and end DEAD after {@code max_attempts}.
 */
@ApplicationScoped
public class JobQueue {
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /**
     * Each student's turns: their jobs running now or claimed within the fair window. A bundle validation is a
     * turn of the instructor who uploaded it (an account like a student's, so the ids never collide).
     */
    private static final String TURNS = """
            select coalesce(rs.student_id, rv.requested_by) as student_id, count(*) as turns from grading_job r
            left join submission rs on rs.id = r.submission_id left join bundle_validation rv on rv.id = r.validation_id
            where r.state = 'RUNNING' or r.started_at > now() - make_interval(secs => :window)
            group by 1""";
    /** The job's "student" for the fair order: the submission's student, or the instructor of a validation. */
    private static final String SUBJECTS = " left join submission s on s.id = c.submission_id"
            + " left join bundle_validation v on v.id = c.validation_id ";

    private final EntityManager em;

    public JobQueue(EntityManager em) {
        this.em = em;
    }

    /**
     * How long a claim counts as a student's turn. A grading takes one to three minutes here, so a quarter
     * of an hour remembers several rounds of a deadline rush, yet a student who uploaded an hour ago is
     * not held back by it.
     */
    static final Duration FAIR_WINDOW = Duration.ofMinutes(15);
    /** A grading instance that has not said it is alive for this long is counted gone. */
    static final Duration WORKER_GONE = Duration.ofSeconds(60);

    /**
     * What a job is for beyond its submission: its priority ({@link GradingJob#PRIORITY_STUDENT} or
     * {@link GradingJob#PRIORITY_BATCH}), the version to grade against and who asked (null: the submission's
     * own version, the student's upload) and its regrade-all batch.
     */
    public record Request(int priority, Long versionId, Long requestedBy, Long batchId) {
        public static final Request UPLOAD = new Request(GradingJob.PRIORITY_STUDENT, null, null, null);
    }

    /** Enqueues in the caller's transaction, so the job exists exactly when the submission does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GradingJob enqueue(long submissionId) {
        return enqueue(submissionId, Request.UPLOAD);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public GradingJob enqueue(long submissionId, Request request) {
        GradingJob job = new GradingJob();
        job.submissionId = submissionId;
        job.state = GradingJob.QUEUED;
        job.maxAttempts = DEFAULT_MAX_ATTEMPTS;
        job.priority = request.priority();
        job.versionId = request.versionId();
        job.requestedBy = request.requestedBy();
        job.batchId = request.batchId();
        job.persist();
        return job;
    }

    /**
     * The submission's job still waiting to be claimed, if any (a staff regrade joins it instead of queueing
     * a second grading of the same submission).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<GradingJob> waiting(long submissionId) {
        return em.createQuery("from GradingJob j where j.submissionId = :id and j.state = :queued order by j.id",
                        GradingJob.class).setParameter("id", submissionId).setParameter("queued", GradingJob.QUEUED)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Enqueues the validation of a stored bundle in the caller's transaction (the one storing it), at
     * {@link GradingJob#PRIORITY_VALIDATION}: after students' uploads, before regrade-all batches.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public GradingJob enqueueValidation(long validationId) {
        GradingJob job = new GradingJob();
        job.validationId = validationId;
        job.state = GradingJob.QUEUED;
        job.maxAttempts = DEFAULT_MAX_ATTEMPTS;
        job.priority = GradingJob.PRIORITY_VALIDATION;
        job.persist();
        return job;
    }

    /**
     * Withdraws the waiting (never claimed, or waiting out a backoff) jobs of these submissions, in the
     * caller's transaction; returns the submissions whose job was withdrawn. A job a worker holds or has
     * just claimed is left alone: the row lock makes this wait for the claim, which then no longer matches.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Long> supersede(List<Long> submissionIds) {
        if (submissionIds.isEmpty()) {
            return List.of();
        }
        return ((List<Object>) em.createNativeQuery("""
                        update grading_job set state = 'SUPERSEDED', finished_at = now()
                        where submission_id in (:ids) and state = 'QUEUED'
                        returning submission_id""").setParameter("ids", submissionIds).getResultList())
                .stream().map(o -> ((Number) o).longValue()).distinct().toList();
    }

    /**
     * Claims the next runnable job in the fair order: the lowest priority number first (students' uploads
     * before staff batches), then the job whose student has had the fewest turns ({@link #FAIR_WINDOW}),
     * so students take turns, then the oldest. Runnable: queued and its run-after has come, or running
     * with its lease expired (its worker died) and attempts left. {@link FairOrder} replays this order.
     */
    public Optional<Claim> claim(String owner, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> claimHead(owner, lease));
    }

    /** {@link #claim} in the caller's transaction. */
    private Optional<Claim> claimHead(String owner, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                update grading_job j set state = 'RUNNING', attempt = j.attempt + 1, lease_owner = :owner,
                       lease_expires_at = now() + make_interval(secs => :lease), started_at = now(), last_error =
                       case when j.state = 'RUNNING' then coalesce(j.last_error || E'\\n', '')
                            || 'attempt ' || j.attempt || ': lease of ' || j.lease_owner || ' expired'
                            else j.last_error end
                where j.id = (select c.id from grading_job c """ + SUBJECTS + """
                              left join (""" + TURNS + """
                                        ) t on t.student_id = coalesce(s.student_id, v.requested_by)
                              where (c.state = 'QUEUED' and c.run_after <= now())
                                 or (c.state = 'RUNNING' and c.lease_expires_at < now()
                                     and c.attempt < c.max_attempts and c.run_after <= now())
                              order by c.priority, coalesce(t.turns, 0), c.id
                              for update of c skip locked
                              limit 1)
                returning j.id, j.submission_id, j.attempt, j.validation_id
                """)
                .setParameter("owner", owner)
                .setParameter("lease", (double) lease.toSeconds())
                .setParameter("window", (double) FAIR_WINDOW.toSeconds())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new Claim(((Number) r[0]).longValue(), r[1] == null ? 0 : ((Number) r[1]).longValue(),
                ((Number) r[2]).intValue(), owner, r[3] == null ? null : ((Number) r[3]).longValue()));
    }

    /**
     * Claims the next job in the fair order ({@link #claim}) and, in the same transaction, up to {@code max - 1}
     * more that wait to be graded against the same exercise version at the same priority, in the fair order
     * among themselves: a batch whose benchmarks share one set of reference runs. Only waiting jobs join (a
     * job whose worker died comes back as the head of a batch of its own); a staff batch's job never joins a
     * student's upload, so an upload is never held up by regrade-all. Each job keeps its own lease, heartbeat
     * and attempts: a batch whose worker dies is rescued job by job, like single jobs. A bundle validation is
     * always a batch of its own.
     */
    public List<Claim> claimBatch(String owner, Duration lease, int max) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Claim> head = claimHead(owner, lease);
            if (head.isEmpty()) {
                return List.<Claim>of();
            }
            List<Claim> batch = new java.util.ArrayList<>(List.of(head.get()));
            if (max <= 1 || head.get().validation()) {
                return batch;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    with head as (select coalesce(j.version_id, s.version_id) as version_id, j.priority, s.student_id
                                  from grading_job j join submission s on s.id = j.submission_id where j.id = :head)
                    update grading_job j set state = 'RUNNING', attempt = j.attempt + 1, lease_owner = :owner,
                           lease_expires_at = now() + make_interval(secs => :lease), started_at = now()
                    where j.id in (select c.id from grading_job c join submission s on s.id = c.submission_id
                                   cross join head h
                                   left join (""" + TURNS + """
                                             ) t on t.student_id = s.student_id
                                   where c.state = 'QUEUED' and c.run_after <= now() and c.priority = h.priority
                                     and coalesce(c.version_id, s.version_id) = h.version_id
                                     and s.student_id <> h.student_id
                                   order by coalesce(t.turns, 0), c.id
                                   for update of c skip locked
                                   limit :more)
                    returning j.id, j.submission_id, j.attempt
                    """)
                    .setParameter("head", head.get().jobId())
                    .setParameter("owner", owner)
                    .setParameter("lease", (double) lease.toSeconds())
                    .setParameter("window", (double) FAIR_WINDOW.toSeconds())
                    .setParameter("more", max - 1)
                    .getResultList();
            rows.stream().sorted(java.util.Comparator.comparingLong(r -> ((Number) r[0]).longValue()))
                    .forEach(r -> batch.add(new Claim(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                            ((Number) r[2]).intValue(), owner)));
            return batch;
        });
    }

    /** Extends the lease; false when the job is no longer ours. */
    public boolean heartbeat(Claim claim, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        update grading_job set lease_expires_at = now() + make_interval(secs => :lease)
                        where id = :id and lease_owner = :owner and attempt = :attempt and state = 'RUNNING'
                        """)
                .setParameter("lease", (double) lease.toSeconds())
                .setParameter("id", claim.jobId())
                .setParameter("owner", claim.owner())
                .setParameter("attempt", claim.attempt())
                .executeUpdate() == 1);
    }

    /**
     * Marks the job done inside the caller's transaction (the one writing the grade);
     * throws {@link LeaseLost} so the whole transaction, grade included, rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Claim claim) {
        int n = em.createNativeQuery("""
                        update grading_job set state = 'DONE', finished_at = now(), lease_owner = null,
                               lease_expires_at = null
                        where id = :id and lease_owner = :owner and attempt = :attempt and state = 'RUNNING'
                        """)
                .setParameter("id", claim.jobId())
                .setParameter("owner", claim.owner())
                .setParameter("attempt", claim.attempt())
                .executeUpdate();
        if (n != 1) {
            throw new LeaseLost(claim);
        }
    }

    /**
     * Our own failure: run again after a backoff, or DEAD when the attempts are used up.
     * Returns true when the job is now dead.
     */
    public boolean fail(Claim claim, String error, Duration backoff) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> rows = em.createNativeQuery("""
                            update grading_job set
                                state = case when attempt >= max_attempts then 'DEAD' else 'QUEUED' end,
                                finished_at = case when attempt >= max_attempts then now() else null end,
                                run_after = now() + make_interval(secs => :backoff),
                                lease_owner = null, lease_expires_at = null,
                                last_error = coalesce(last_error || E'\\n', '') || 'attempt ' || attempt || ': ' || :error
                            where id = :id and lease_owner = :owner and attempt = :attempt and state = 'RUNNING'
                            returning state
                            """)
                    .setParameter("backoff", (double) backoff.toSeconds())
                    .setParameter("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                    .setParameter("id", claim.jobId())
                    .setParameter("owner", claim.owner())
                    .setParameter("attempt", claim.attempt())
                    .getResultList();
            return !rows.isEmpty() && "DEAD".equals(rows.get(0));
        });
    }

    /** Gives a claimed job back untouched (graceful shutdown): it does not count as an attempt. */
    public void release(Claim claim) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update grading_job set state = 'QUEUED', attempt = attempt - 1, lease_owner = null,
                               lease_expires_at = null, run_after = now()
                        where id = :id and lease_owner = :owner and attempt = :attempt and state = 'RUNNING'
                        """)
                .setParameter("id", claim.jobId())
                .setParameter("owner", claim.owner())
                .setParameter("attempt", claim.attempt())
                .executeUpdate());
    }

    /**
     * Jobs whose lease expired with no attempts left: they kept killing their worker. Marks them
     * DEAD and returns their submission ids so the engine can record an INTERNAL_ERROR.
     */
    public List<Long> buryExhausted() {
        return bury("submission_id");
    }

    /** {@link #buryExhausted} for bundle validations: returns their validation ids, to be recorded FAILED. */
    public List<Long> buryExhaustedValidations() {
        return bury("validation_id");
    }

    /** Buries the exhausted jobs whose {@code subject} column (submission_id or validation_id) is set. */
    @SuppressWarnings("unchecked")
    private List<Long> bury(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object>) em.createNativeQuery("""
                        update grading_job set state = 'DEAD', finished_at = now(), lease_owner = null,
                               last_error = coalesce(last_error || E'\\n', '') || 'attempt ' || attempt
                                   || ': lease of ' || lease_owner || ' expired; no attempts left'
                        where state = 'RUNNING' and lease_expires_at < now() and attempt >= max_attempts
                          and %1$s is not null
                        returning %1$s
                        """.formatted(subject)).getResultList()).stream().map(o -> ((Number) o).longValue()).toList());
    }

    /** Queued jobs and the age of the oldest, for metrics and health. */
    public record Depth(long queued, long running, double oldestAgeSeconds) {
    }

    public Depth depth() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] r = (Object[]) em.createNativeQuery("""
                    select count(*) filter (where state = 'QUEUED'),
                           count(*) filter (where state = 'RUNNING'),
                           coalesce(extract(epoch from now() - min(created_at) filter (where state = 'QUEUED')), 0)
                    from grading_job where state in ('QUEUED', 'RUNNING')
                    """).getSingleResult();
            return new Depth(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).doubleValue());
        });
    }

    /**
     * Where a waiting submission stands: the jobs that will be claimed before it, counting it, in the fair
     * order; and about when it is graded, from what recent batches cost (the references once, then each member)
     * and the worker threads alive ({@link FairOrder#etaSeconds}; {@code etaSeconds} null while there is no recent grading or no worker).
     */
    public record Wait(long position, Long etaSeconds) {
    }

    /** The wait of a submission whose job is queued, or null when it has none waiting. */
    public Wait waitOf(long submissionId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Long mine = queuedJob("submission_id", submissionId);
            if (mine == null) {
                return null;
            }
            List<FairOrder.Waiting> waiting = waitingJobs();
            long position = FairOrder.positionOf(mine, waiting, turns());
            return new Wait(position, eta(position, waiting.size()));
        });
    }

    /** The place of a bundle validation's waiting job in the fair order (1 = next), or null when none waits. */
    public Long positionOfValidation(long validationId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Long mine = queuedJob("validation_id", validationId);
            return mine == null ? null : (Long) FairOrder.positionOf(mine, waitingJobs(), turns());
        });
    }

    /** The newest queued job whose {@code subject} column (submission_id or validation_id) is {@code id}. */
    private Long queuedJob(String subject, long id) {
        Number job = (Number) em.createNativeQuery("select max(id) from grading_job where " + subject
                + " = :id and state = 'QUEUED'").setParameter("id", id).getSingleResult();
        return job == null ? null : job.longValue();
    }

    @SuppressWarnings("unchecked")
    private List<FairOrder.Waiting> waitingJobs() {
        List<Object[]> rows = em.createNativeQuery("""
                select c.id, coalesce(s.student_id, v.requested_by), c.priority from grading_job c """ + SUBJECTS + """

                where c.state = 'QUEUED'""").getResultList();
        return rows.stream().map(r -> new FairOrder.Waiting(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), ((Number) r[2]).intValue())).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<Long, Long> turns() {
        Map<Long, Long> turns = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(TURNS)
                .setParameter("window", (double) FAIR_WINDOW.toSeconds()).getResultList()) {
            turns.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
        return turns;
    }

    /**
     * {@link FairOrder#etaSeconds} from the batches among the last 50 gradings (the members of one claim share
     * its start; a batch lasts from it to its last member's end) and the worker threads alive.
     */
    @SuppressWarnings("unchecked")
    private Long eta(long position, long waiting) {
        List<FairOrder.Recent> recent = ((List<Object[]>) em.createNativeQuery("""
                select count(*), extract(epoch from max(finished_at) - started_at) from (
                    select started_at, finished_at from grading_job
                    where state = 'DONE' and started_at is not null and finished_at is not null
                      and submission_id is not null
                    order by finished_at desc limit 50) r
                group by started_at""").getResultList()).stream()
                .map(r -> new FairOrder.Recent(((Number) r[0]).intValue(), ((Number) r[1]).doubleValue())).toList();
        Number workers = (Number) em.createNativeQuery("""
                select coalesce(sum(threads), 0) from grading_worker
                where seen_at > now() - make_interval(secs => :gone)""")
                .setParameter("gone", (double) WORKER_GONE.toSeconds()).getSingleResult();
        return FairOrder.etaSeconds(position, waiting, workers.longValue(), recent);
    }

    /** This instance grades with {@code threads} workers: said on start and every few seconds after. */
    public void present(String owner, int threads) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into grading_worker (owner, threads, seen_at) values (:owner, :threads, now())
                        on conflict (owner) do update set threads = excluded.threads, seen_at = now()""")
                .setParameter("owner", owner).setParameter("threads", threads).executeUpdate());
    }

    /** This instance stopped grading. */
    public void absent(String owner) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from grading_worker where owner = :owner")
                .setParameter("owner", owner).executeUpdate());
    }

    /** Where a regrade-all batch stands; done counts the dead too (their submission shows the error). */
    public record BatchState(long queued, long running, long done) {
    }

    public BatchState batchState(long batchId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Object[] r = (Object[]) em.createNativeQuery("""
                    select count(*) filter (where state = 'QUEUED'), count(*) filter (where state = 'RUNNING'),
                           count(*) filter (where state in ('DONE', 'DEAD'))
                    from grading_job where batch_id = :b""").setParameter("b", batchId).getSingleResult();
            return new BatchState(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue());
        });
    }
}
