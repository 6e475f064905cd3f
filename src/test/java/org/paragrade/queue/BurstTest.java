package org.paragrade.queue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A deadline rush: 50 uploads at once from several students are all accepted, stored and queued in arrival order. */
@QuarkusTest
class BurstTest {
    @Inject
    JobQueue queue;
    @Inject
    EntityManager em;

    @Test
    void fiftyUploadsAtOnceAreAllAcceptedAndGradedInOrderOfArrival() throws Exception {
        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update grading_job set state = 'DONE' where state in ('QUEUED', 'RUNNING')").executeUpdate());
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String user = i % 2 == 0 ? "alice" : "bob";
            String source = "def count_primes(limit, workers):\n    return " + i + "\n";
            statuses.add(pool.submit(() -> given().auth().preemptive().basic(user, user)
                    .multiPart("file", "solution.py", source.getBytes(), "text/x-python")
                    .post("/api/exercises/primes/submissions").statusCode()));
        }
        for (Future<Integer> f : statuses) {
            assertThat(f.get()).isEqualTo(202);
        }
        pool.shutdown();
        List<Long> claimedJobs = new ArrayList<>();
        Optional<Claim> c;
        while ((c = queue.claim("burst", Duration.ofMinutes(1))).isPresent()) {
            claimedJobs.add(c.get().jobId());
        }
        // Jobs are numbered as they are committed with their upload: claimed in that order.
        assertThat(claimedJobs).hasSize(50).isSorted();
        long duplicated = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) - count(distinct (student_id, exercise_id, attempt)) from submission")
                .getSingleResult()).longValue());
        assertThat(duplicated).as("each student's attempts are numbered once each, even in the rush").isZero();
    }
}
