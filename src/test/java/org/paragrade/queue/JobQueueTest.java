package org.paragrade.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paragrade.testing.Api;

/** The PostgreSQL queue: claims are exclusive, leases fence late writers, dead workers' jobs are rescued. */
@QuarkusTest
class JobQueueTest {
    @Inject
    JobQueue queue;
    @Inject
    EntityManager em;

    @BeforeEach
    void drain() {
        // Jobs of other tests in this JVM must not be claimed here: park them.
        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update grading_job set state = 'DONE' where state in ('QUEUED', 'RUNNING')").executeUpdate());
    }

    private long newJob() {
        return Api.submit("alice", "primes", "solution.py", "def count_primes(limit, workers):\n    return 0\n");
    }

    /** Jobs for one upload (a newer upload would supersede a waiting one): the queue cares only about jobs. */
    private List<Long> newJobs(int n) {
        long sid = newJob();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Long> jobs = new ArrayList<>(GradingJob.forSubmission(sid).stream().map(j -> j.id).toList());
            while (jobs.size() < n) {
                jobs.add(queue.enqueue(sid).id);
            }
            return jobs;
        });
    }

    @Test
    void concurrentWorkersClaimEveryJobExactlyOnce() throws Exception {
        List<Long> jobs = newJobs(12);
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        List<Long> duplicates = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int w = 0; w < 4; w++) {
            String owner = "worker-" + w;
            pool.submit(() -> {
                Optional<Claim> c;
                while ((c = queue.claim(owner, Duration.ofSeconds(60))).isPresent()) {
                    if (!claimed.add(c.get().jobId())) {
                        duplicates.add(c.get().jobId());
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(duplicates).isEmpty();
        assertThat(claimed).containsExactlyInAnyOrderElementsOf(jobs);
    }

    @Test
    void aStaleWorkersLateResultIsDroppedAfterItsLeaseWasRescued() {
        long sid = newJob();
        Claim stale = queue.claim("old", Duration.ofSeconds(1)).orElseThrow();
        assertThat(stale.submissionId()).isEqualTo(sid);
        assertThat(queue.claim("new", Duration.ofSeconds(60))).isEmpty(); // still leased
        expireLeases();
        Claim fresh = queue.claim("new", Duration.ofSeconds(60)).orElseThrow();
        assertThat(fresh.jobId()).isEqualTo(stale.jobId());
        assertThat(fresh.attempt()).isEqualTo(stale.attempt() + 1);

        assertThat(queue.heartbeat(stale, Duration.ofSeconds(60))).isFalse();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> queue.complete(stale)))
                .isInstanceOf(LeaseLost.class);
        assertThat(queue.heartbeat(fresh, Duration.ofSeconds(60))).isTrue();
        QuarkusTransaction.requiringNew().run(() -> queue.complete(fresh));
        GradingJob job = QuarkusTransaction.requiringNew().call(() -> GradingJob.<GradingJob>findById(fresh.jobId()));
        assertThat(job.state).isEqualTo(GradingJob.DONE);
        assertThat(job.lastError).contains("expired");
    }

    @Test
    void ourFailuresRetryWithBackoffThenEndDead() {
        newJob();
        Claim c1 = queue.claim("w", Duration.ofSeconds(60)).orElseThrow();
        assertThat(queue.fail(c1, "sandbox would not start", Duration.ofSeconds(30))).isFalse();
        assertThat(queue.claim("w", Duration.ofSeconds(60))).isEmpty(); // backoff not over
        runNow();
        Claim c2 = queue.claim("w", Duration.ofSeconds(60)).orElseThrow();
        assertThat(queue.fail(c2, "again", Duration.ZERO)).isFalse();
        runNow();
        Claim c3 = queue.claim("w", Duration.ofSeconds(60)).orElseThrow();
        assertThat(c3.attempt()).isEqualTo(3);
        assertThat(queue.fail(c3, "and again", Duration.ZERO)).isTrue();
        runNow();
        assertThat(queue.claim("w", Duration.ofSeconds(60))).isEmpty();
        GradingJob job = QuarkusTransaction.requiringNew().call(() -> GradingJob.<GradingJob>findById(c3.jobId()));
        assertThat(job.state).isEqualTo(GradingJob.DEAD);
        assertThat(job.lastError).contains("sandbox would not start").contains("and again");
    }

    /** A waiting bundle validation of the instructor's, as authoring stores it. */
    private long newValidation() {
        return QuarkusTransaction.requiringNew().call(() -> {
            var bundle = org.paragrade.curriculum.Bundle.fromDirectory(java.nio.file.Path.of("exercises", "many-waits"));
            var v = new org.paragrade.curriculum.BundleValidation();
            v.slug = "many-waits";
            v.purpose = org.paragrade.curriculum.BundleValidation.Purpose.REPLACE;
            v.bundle = bundle.toZip();
            v.contentHash = bundle.contentHash();
            v.requestedBy = org.paragrade.account.Account.findByUsername("instructor").orElseThrow().id;
            v.persist();
            queue.enqueueValidation(v.id);
            return v.id;
        });
    }

    @Test
    void studentsUploadsGoBeforeValidationsAndValidationsBeforeRegradeAll() {
        long sid = newJob();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update grading_job set state = 'DONE' where submission_id = :s").setParameter("s", sid).executeUpdate());
        long batch = QuarkusTransaction.requiringNew().call(() -> queue.enqueue(sid,
                new JobQueue.Request(GradingJob.PRIORITY_BATCH, null, null, null)).id); // oldest
        long validation = newValidation();
        long upload = QuarkusTransaction.requiringNew().call(() -> queue.enqueue(sid).id); // newest
        Claim first = queue.claimBatch("w", Duration.ofSeconds(60), 4).get(0);
        assertThat(first.jobId()).isEqualTo(upload);
        List<Claim> second = queue.claimBatch("w", Duration.ofSeconds(60), 4);
        assertThat(second).hasSize(1); // a validation is a batch of its own
        assertThat(second.get(0).validationId()).isEqualTo(validation);
        assertThat(second.get(0).validation()).isTrue();
        assertThat(queue.claimBatch("w", Duration.ofSeconds(60), 4).get(0).jobId()).isEqualTo(batch);
    }

    @Test
    void aValidationThatKeepsKillingItsWorkerIsBuriedAsAValidation() {
        long validation = newValidation();
        for (int i = 0; i < JobQueue.DEFAULT_MAX_ATTEMPTS; i++) {
            assertThat(queue.claim("doomed-" + i, Duration.ofSeconds(60)).orElseThrow().validationId())
                    .isEqualTo(validation);
            expireLeases();
        }
        assertThat(queue.claim("w", Duration.ofSeconds(60))).isEmpty();
        assertThat(queue.buryExhausted()).isEmpty();
        assertThat(queue.buryExhaustedValidations()).containsExactly(validation);
    }

    @Test
    void aJobThatKeepsKillingItsWorkerIsBuriedNotRetriedForever() {
        long sid = newJob();
        for (int i = 0; i < JobQueue.DEFAULT_MAX_ATTEMPTS; i++) {
            queue.claim("doomed-" + i, Duration.ofSeconds(60)).orElseThrow();
            expireLeases();
        }
        assertThat(queue.claim("w", Duration.ofSeconds(60))).isEmpty();
        assertThat(queue.buryExhausted()).containsExactly(sid);
    }

    @Test
    void releaseOnShutdownDoesNotCostAnAttempt() {
        newJob();
        Claim c = queue.claim("w", Duration.ofSeconds(60)).orElseThrow();
        queue.release(c);
        Claim again = queue.claim("w2", Duration.ofSeconds(60)).orElseThrow();
        assertThat(again.jobId()).isEqualTo(c.jobId());
        assertThat(again.attempt()).isEqualTo(1);
    }

    private void expireLeases() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update grading_job set lease_expires_at = now() - interval '1 second' where state = 'RUNNING'").executeUpdate());
    }

    private void runNow() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update grading_job set run_after = now() - interval '1 second' where state = 'QUEUED'").executeUpdate());
    }
}
