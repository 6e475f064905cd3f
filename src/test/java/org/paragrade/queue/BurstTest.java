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

/**
 * A deadline rush: 50 uploads at once from several students are all accepted and stored, each numbered
 * once; each student's newest waits and replaces their earlier waiting ones, which are never graded.
 */
@QuarkusTest
class BurstTest {
    @Inject
    JobQueue queue;
    @Inject
    EntityManager em;

    @Test
    void fiftyUploadsAtOnceAreAllAcceptedAndOnlyEachStudentsNewestIsGraded() throws Exception {
        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update grading_job set state = 'DONE' where state in ('QUEUED', 'RUNNING')").executeUpdate());
        long before = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(max(id), 0) from submission").getSingleResult()).longValue());
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
        List<Long> claimedSubmissions = new ArrayList<>();
        Optional<Claim> c;
        while ((c = queue.claim("burst", Duration.ofMinutes(1))).isPresent()) {
            claimedSubmissions.add(c.get().submissionId());
        }
        List<Long> newest = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select max(s.id) from submission s join account a on a.id = s.student_id
                where a.username in ('alice', 'bob') group by a.username order by 1""").getResultList()
                .stream().map(o -> ((Number) o).longValue()).toList());
        assertThat(claimedSubmissions).as("only each student's newest upload is graded")
                .containsExactlyInAnyOrderElementsOf(newest);
        long supersededBySomethingNewer = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from submission s join submission n on n.id = s.superseded_by
                where s.status = 'SUPERSEDED' and n.student_id = s.student_id and n.id > s.id
                  and s.id > :before""").setParameter("before", before).getSingleResult()).longValue());
        assertThat(supersededBySomethingNewer).as("the other 48 were replaced by a newer upload of theirs").isEqualTo(48);
        long duplicated = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) - count(distinct (student_id, exercise_id, attempt)) from submission")
                .getSingleResult()).longValue());
        assertThat(duplicated).as("each student's attempts are numbered once each, even in the rush").isZero();
    }
}
