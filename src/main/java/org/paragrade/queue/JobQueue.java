package org.paragrade.queue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
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

    private final EntityManager em;

    public JobQueue(EntityManager em) {
        this.em = em;
    }

    /** Enqueues in the caller's transaction, so the job exists exactly when the submission does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GradingJob enqueue(long submissionId) {
        GradingJob job = new GradingJob();
        job.submissionId = submissionId;
        job.state = GradingJob.QUEUED;
        job.maxAttempts = DEFAULT_MAX_ATTEMPTS;
        job.persist();
        return job;
    }

    /**
     * Claims the oldest runnable job, in order of arrival (id): a queued one whose run-after has come,
     * or a running one whose lease expired (its worker died) and has attempts left. A retried job keeps
     * its place in line once its backoff is over.
     */
    public Optional<Claim> claim(String owner, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    update grading_job j set state = 'RUNNING', attempt = j.attempt + 1, lease_owner = :owner,
                           lease_expires_at = now() + make_interval(secs => :lease), started_at = now(), last_error =
                           case when j.state = 'RUNNING' then coalesce(j.last_error || E'\\n', '')
                                || 'attempt ' || j.attempt || ': lease of ' || j.lease_owner || ' expired'
                                else j.last_error end
                    where j.id = (select id from grading_job
                                  where (state = 'QUEUED' and run_after <= now())
                                     or (state = 'RUNNING' and lease_expires_at < now() and attempt < max_attempts
                                         and run_after <= now())
                                  order by id
                                  for update skip locked
                                  limit 1)
                    returning j.id, j.submission_id, j.attempt
                    """)
                    .setParameter("owner", owner)
                    .setParameter("lease", (double) lease.toSeconds())
                    .getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Object[] r = rows.get(0);
            return Optional.of(new Claim(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                    ((Number) r[2]).intValue(), owner));
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
    @SuppressWarnings("unchecked")
    public List<Long> buryExhausted() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object>) em.createNativeQuery("""
                        update grading_job set state = 'DEAD', finished_at = now(), lease_owner = null,
                               last_error = coalesce(last_error || E'\\n', '') || 'attempt ' || attempt
                                   || ': lease of ' || lease_owner || ' expired; no attempts left'
                        where state = 'RUNNING' and lease_expires_at < now() and attempt >= max_attempts
                        returning submission_id
                        """).getResultList()).stream().map(o -> ((Number) o).longValue()).toList());
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

    /** Position of a queued submission in the queue (1 = next), for the portal. */
    public long positionOf(long submissionId) {
        return QuarkusTransaction.joiningExisting().call(() -> ((Number) em.createNativeQuery("""
                        select count(*) from grading_job q, grading_job me
                        where me.submission_id = :sid and me.state = 'QUEUED'
                          and q.state = 'QUEUED' and q.id <= me.id
                        """).setParameter("sid", submissionId).getSingleResult()).longValue());
    }
}
