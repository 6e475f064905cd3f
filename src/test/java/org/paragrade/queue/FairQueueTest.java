package org.paragrade.queue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paragrade.portal.PortalFixtures;
import org.paragrade.testing.Api;

/**
 * Deadline week as the students see it: one student's many uploads do not hold up another's, a newer
 * upload replaces a waiting one (which then costs no attempt, but cannot free one at the limit), and a
 * waiting submission says how many are ahead of it and about how long it will wait.
 */
@QuarkusTest
class FairQueueTest {
    static final String SOLUTION = PortalFixtures.SOLUTION;

    @Inject
    JobQueue queue;
    @Inject
    EntityManager em;
    @Inject
    PortalFixtures fixtures;

    @BeforeEach
    void emptyQueueAndNoTurnsYet() {
        // Other tests' jobs are parked, and their claims moved out of the fair window.
        sql("update grading_job set state = 'DONE' where state in ('QUEUED', 'RUNNING')");
        sql("update grading_job set started_at = now() - interval '1 day' where started_at is not null");
        sql("delete from grading_worker");
    }

    @Test
    void tenUploadsOfOneStudentDoNotHoldUpAnothersOne() {
        List<Long> alices = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            alices.add(Api.submit("alice", exercise("fair-" + i), "solution.py", SOLUTION));
        }
        long bobs = Api.submit("bob", "primes", "solution.py", SOLUTION);

        assertThat(json("bob", bobs).getLong("progress.position")).as("bob is next after alice's first").isEqualTo(2);
        assertThat(json("alice", alices.get(9)).getLong("progress.position")).isEqualTo(11);
        List<Long> claimed = new ArrayList<>();
        queue.claim("w1", Duration.ofMinutes(1)).ifPresent(c -> claimed.add(c.submissionId()));
        queue.claim("w2", Duration.ofMinutes(1)).ifPresent(c -> claimed.add(c.submissionId()));
        assertThat(claimed).containsExactly(alices.get(0), bobs);
        assertThat(json("alice", alices.get(1)).getLong("progress.position")).isEqualTo(1);
    }

    @Test
    void aNewerUploadReplacesTheWaitingOneWhichCostsNoAttemptButFreesNoneAtTheLimit() {
        String slug = exercise("supersede-limit");
        fixtures.settings(slug, null, 2);
        long first = Api.submit("alice", slug, "solution.py", SOLUTION);
        long second = Api.submit("alice", slug, "solution.py", SOLUTION);
        JsonPath replaced = json("alice", first);
        assertThat(replaced.getString("status")).isEqualTo("SUPERSEDED");
        assertThat(replaced.getLong("supersededBy")).isEqualTo(second);
        assertThat(replaced.getString("progress.position")).isNull();
        assertThat(loggedIn("alice", "/exercises/" + slug)).as("the replaced one is no attempt").contains("1 used of 2");
        assertThat(loggedIn("alice", "/submissions/" + first))
                .contains("replaced by your upload <a href=\"/submissions/" + second + "\">#2</a> before it was graded");

        markGraded(second);
        long third = Api.submit("alice", slug, "solution.py", SOLUTION); // the second attempt of two
        given().auth().preemptive().basic("alice", "alice")
                .multiPart("file", "solution.py", SOLUTION.getBytes(), "text/x-python")
                .post("/api/exercises/" + slug + "/submissions").then().statusCode(409)
                .body("error", containsString("all 2 attempts"));
        assertThat(json("alice", third).getString("status")).as("the refused upload replaced nothing")
                .isEqualTo("QUEUED");
        assertThat(json("alice", second).getString("status")).isEqualTo("GRADED");
    }

    @Test
    void aSubmissionAWorkerHasClaimedIsNeverReplaced() {
        String slug = exercise("supersede-running");
        long first = Api.submit("alice", slug, "solution.py", SOLUTION);
        Claim claim = queue.claim("w", Duration.ofMinutes(1)).orElseThrow();
        assertThat(claim.submissionId()).isEqualTo(first);
        long second = Api.submit("alice", slug, "solution.py", SOLUTION);
        assertThat(json("alice", first).getString("status")).isNotEqualTo("SUPERSEDED");
        assertThat(json("alice", first).getString("supersededBy")).isNull();
        assertThat(json("alice", second).getString("status")).isEqualTo("QUEUED");
    }

    @Test
    void aWaitingSubmissionSaysHowManyAreAheadAndAboutHowLong() {
        long parked = Api.submit("bob", exercise("eta-history"), "solution.py", SOLUTION);
        sql("update grading_job set state = 'DONE' where submission_id = " + parked);
        // Other tests' gradings (some with started_at moved a day back) are not this history: moved two days
        // back, behind it.
        sql("update grading_job set started_at = started_at - interval '2 days', finished_at = finished_at"
                + " - interval '2 days' where state = 'DONE' and finished_at is not null");
        // The last 50 gradings took 40 s each, one after the other, each alone (a claim of one: its own start; an
        // hour ago: no turns in the window); two worker threads are alive.
        sql("insert into grading_job (submission_id, state, attempt, started_at, finished_at) select " + parked
                + ", 'DONE', 1, now() - interval '1 hour' - g * interval '40 seconds',"
                + " now() - interval '1 hour' - (g - 1) * interval '40 seconds' from generate_series(1, 50) g");
        sql("insert into grading_worker (owner, threads) values ('test-instance', 2)");
        for (int i = 0; i < 2; i++) {
            Api.submit("alice", exercise("eta-" + i), "solution.py", SOLUTION);
        }
        long mine = Api.submit("bob", "primes", "solution.py", SOLUTION);

        JsonPath waiting = json("bob", mine);
        assertThat(waiting.getLong("progress.position")).isEqualTo(2); // alice's first, then bob's
        assertThat(waiting.getLong("progress.etaSeconds")).as("one round of two workers at 40 s").isEqualTo(40);
        assertThat(loggedIn("bob", "/submissions/" + mine)).contains("1 ahead of you, about 40 s");
        sql("delete from grading_worker");
        // a waiting submission's view is kept a second at most (ViewCache.WAITING): its queue moves on without it
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(3);
        String eta = json("bob", mine).getString("progress.etaSeconds");
        while (eta != null && System.nanoTime() < until) {
            sleep(100);
            eta = json("bob", mine).getString("progress.etaSeconds");
        }
        assertThat(eta).as("no worker alive: no promise (within the second a waiting view is kept)").isNull();
    }

    private String exercise(String slug) {
        return fixtures.exercise(slug, null);
    }

    private void markGraded(long id) {
        sql("update submission set status = 'GRADED', verdict = 'WRONG_ANSWER', score = 10, max_score = 100, "
                + "graded_at = now() where id = " + id);
        sql("update grading_job set state = 'DONE' where submission_id = " + id);
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    static JsonPath json(String user, long id) {
        return given().auth().preemptive().basic(user, user).get("/api/submissions/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    static String loggedIn(String user, String path) {
        var login = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", user).post("/j_security_check");
        return given().cookies(login.getCookies()).get(path).then().statusCode(200).extract().asString();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
