package org.paragrade.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paragrade.portal.PortalFixtures;
import org.paragrade.testing.Api;

/**
 * Batches as the queue hands them out: the head of the fair order plus waiting jobs of the same exercise
 * version and priority, bounded; a batch whose worker died comes back job by job, fenced like single jobs.
 */
@QuarkusTest
class BatchClaimTest {
    static final String SOLUTION = PortalFixtures.SOLUTION;

    @Inject
    JobQueue queue;
    @Inject
    EntityManager em;
    @Inject
    PortalFixtures fixtures;

    @BeforeEach
    void emptyQueueAndNoTurnsYet() {
        sql("update grading_job set state = 'DONE' where state in ('QUEUED', 'RUNNING')");
        sql("update grading_job set started_at = now() - interval '1 day' where started_at is not null");
    }

    private static List<Long> submissions(List<Claim> claims) {
        return claims.stream().map(Claim::submissionId).toList();
    }

    @Test
    void aBatchIsTheHeadAndTheWaitersOfItsVersionAndPriorityUpToTheBound() {
        String other = fixtures.exercise("batch-other", null);
        long alices = Api.submit("alice", "primes", "solution.py", SOLUTION);
        long bobsOther = Api.submit("bob", other, "solution.py", SOLUTION);
        long bobs = Api.submit("bob", "primes", "solution.py", SOLUTION);

        assertThat(submissions(queue.claimBatch("w", Duration.ofMinutes(1), 1))).as("a bound of 1: alone")
                .containsExactly(alices);
        sql("update grading_job set state = 'QUEUED', lease_owner = null, attempt = 0, started_at = null"
                + " where submission_id = " + alices); // given back: no turn taken
        assertThat(submissions(queue.claimBatch("w", Duration.ofMinutes(1), 4)))
                .as("the same version joins; another exercise's upload waits its turn").containsExactly(alices, bobs);
        assertThat(submissions(queue.claimBatch("w", Duration.ofMinutes(1), 4))).containsExactly(bobsOther);
        assertThat(queue.claimBatch("w", Duration.ofMinutes(1), 4)).isEmpty();

        // A staff regrade-all job of the same version does not ride along with a student's upload.
        long alicesNext = Api.submit("alice", "primes", "solution.py", SOLUTION + "\n");
        QuarkusTransaction.requiringNew().run(() -> queue.enqueue(bobs,
                new JobQueue.Request(GradingJob.PRIORITY_BATCH, null, null, null)));
        assertThat(submissions(queue.claimBatch("w", Duration.ofMinutes(1), 4))).containsExactly(alicesNext);
        assertThat(submissions(queue.claimBatch("w", Duration.ofMinutes(1), 4))).containsExactly(bobs);
    }

    @Test
    void aBatchWhoseWorkerDiedIsRescuedJobByJob() {
        long alices = Api.submit("alice", "primes", "solution.py", SOLUTION);
        long bobs = Api.submit("bob", "primes", "solution.py", SOLUTION);
        List<Claim> dead = queue.claimBatch("dead", Duration.ofMinutes(1), 4);
        assertThat(submissions(dead)).containsExactly(alices, bobs);
        assertThat(queue.claimBatch("alive", Duration.ofMinutes(1), 4)).as("still leased").isEmpty();
        sql("update grading_job set lease_expires_at = now() - interval '1 second' where lease_owner = 'dead'");

        List<Claim> first = queue.claimBatch("alive", Duration.ofMinutes(1), 4);
        List<Claim> second = queue.claimBatch("alive", Duration.ofMinutes(1), 4);
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(submissions(List.of(first.get(0), second.get(0)))).containsExactlyInAnyOrder(alices, bobs);
        assertThat(first.get(0).attempt()).isEqualTo(2);
        for (Claim stale : dead) {
            assertThat(queue.heartbeat(stale, Duration.ofMinutes(1))).isFalse();
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> queue.complete(stale)))
                    .isInstanceOf(LeaseLost.class);
        }
        QuarkusTransaction.requiringNew().run(() -> queue.complete(first.get(0)));
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
