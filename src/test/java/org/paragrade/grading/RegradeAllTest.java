package org.paragrade.grading;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paragrade.grading.report.GradingReport;
import org.paragrade.portal.PortalFixtures;
import org.paragrade.queue.Claim;
import org.paragrade.queue.JobQueue;
import org.paragrade.submission.Verdict;
import org.paragrade.testing.Api;

/**
 * Staff regrade-all: each student's kept submission only, against the exercise's current version, after
 * every waiting student upload; its state as it goes; the grade history says which version and who asked.
 * (In this package to record a grading through the record stage without running one.)
 */
@QuarkusTest
class RegradeAllTest {
    @Inject
    JobQueue queue;
    @Inject
    RecordStage recorder;
    @Inject
    EntityManager em;
    @Inject
    PortalFixtures fixtures;

    @BeforeEach
    void emptyQueue() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update grading_job set state = 'DONE' where state in ('QUEUED', 'RUNNING')").executeUpdate());
    }

    @Test
    void theKeptSubmissionsAreRegradedAgainstTheCurrentVersionAfterStudentsUploads() {
        String slug = fixtures.exercise("regrade-all-" + System.nanoTime() % 100000, null);
        long aliceLow = fixtures.graded(slug, "alice", 40, PortalFixtures.FULL_REPORT);
        long aliceBest = fixtures.graded(slug, "alice", 90, PortalFixtures.FULL_REPORT);
        long aliceLater = fixtures.graded(slug, "alice", 60, PortalFixtures.FULL_REPORT); // best is kept
        long bobs = fixtures.graded(slug, "bob", 70, PortalFixtures.FULL_REPORT);
        fixtures.exercise(slug, "A corrected statement."); // version 2 is now current

        asStaff().post("/api/exercises/" + slug + "/regrade-all").then().statusCode(202)
                .body("queued", is(2)).body("version", is(2));
        List<Object[]> jobs = rows("select j.submission_id, v.version, a.username from grading_job j "
                + "join exercise_version v on v.id = j.version_id join account a on a.id = j.requested_by "
                + "where j.state = 'QUEUED' order by j.submission_id");
        assertThat(jobs).extracting(r -> ((Number) r[0]).longValue()).containsExactly(aliceBest, bobs);
        assertThat(jobs).extracting(r -> ((Number) r[1]).intValue()).containsOnly(2);
        assertThat(jobs).extracting(r -> r[2]).containsOnly("grader");
        assertThat(List.of(aliceLow, aliceLater)).doesNotContain(aliceBest);

        long upload = Api.submit("bob", slug, "solution.py", PortalFixtures.SOLUTION);
        Claim first = queue.claim("w", Duration.ofMinutes(1)).orElseThrow();
        assertThat(first.submissionId()).as("a student's upload goes before the batch").isEqualTo(upload);
        Claim batch = queue.claim("w", Duration.ofMinutes(1)).orElseThrow();
        asStaff().get("/api/exercises/" + slug + "/regrade-all").then().statusCode(200)
                .body("queued", is(1)).body("running", is(1)).body("done", is(0))
                .body("version", is(2)).body("requestedBy", is("grader"));

        recorder.record(batch, new GradingOutcome(Verdict.ACCEPTED, 95, 100, GradingReport.empty(), List.of(),
                new GradingOutcome.Timing(0, 0, 0, 0)));
        asStaff().get("/api/exercises/" + slug + "/regrade-all").then().body("done", is(1)).body("running", is(0));
        JsonPath regraded = asStaff().get("/api/submissions/" + batch.submissionId()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(regraded.getInt("version")).isEqualTo(2);
        assertThat(regraded.getInt("grades[-1].version")).isEqualTo(2);
        assertThat(regraded.getString("grades[-1].requestedBy")).isEqualTo("grader");
        assertThat(regraded.getList("grades")).as("the earlier grade stays in the history").hasSize(2);
    }

    @Test
    void aSingleRegradeNamesWhoAskedForItInTheGradeHistory() {
        String slug = fixtures.exercise("regrade-one-" + System.nanoTime() % 100000, null);
        long id = fixtures.graded(slug, "alice", 40, PortalFixtures.FULL_REPORT);
        asStaff().post("/api/submissions/" + id + "/regrade").then().statusCode(202);
        Claim claim = queue.claim("w", Duration.ofMinutes(1)).orElseThrow();
        assertThat(claim.submissionId()).isEqualTo(id);
        recorder.record(claim, new GradingOutcome(Verdict.ACCEPTED, 90, 100, GradingReport.empty(), List.of(),
                new GradingOutcome.Timing(0, 0, 0, 0)));
        JsonPath regraded = asStaff().get("/api/submissions/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(regraded.getList("grades.requestedBy")).as("the upload's grade, then the regrade's")
                .containsExactly(null, "grader");
    }

    @Test
    void aRegradeOfASubmissionStillWaitingJoinsItsJobInsteadOfQueueingASecond() {
        String slug = fixtures.exercise("regrade-twice-" + System.nanoTime() % 100000, null);
        long id = fixtures.graded(slug, "alice", 40, PortalFixtures.FULL_REPORT);
        asStaff().post("/api/exercises/" + slug + "/regrade-all").then().statusCode(202).body("queued", is(1));
        asStaff().post("/api/submissions/" + id + "/regrade").then().statusCode(202);
        asStaff().post("/api/submissions/" + id + "/regrade").then().statusCode(202);
        List<Object[]> waiting = rows("select j.priority, a.username from grading_job j join account a on "
                + "a.id = j.requested_by where j.state = 'QUEUED' and j.submission_id = " + id);
        assertThat(waiting).as("one waiting grading, not three").hasSize(1);
        assertThat(((Number) waiting.get(0)[0]).intValue()).as("raised to a staff request's priority")
                .isEqualTo(org.paragrade.queue.GradingJob.PRIORITY_STUDENT);
        Claim claim = queue.claim("w", Duration.ofMinutes(1)).orElseThrow();
        assertThat(claim.submissionId()).isEqualTo(id);
        assertThat(queue.claim("w", Duration.ofMinutes(1))).as("nothing else waits").isEmpty();
        // Once a worker holds it, a new regrade is a new grading after this one (the files may be graded
        // against a newer version by then).
        asStaff().post("/api/submissions/" + id + "/regrade").then().statusCode(202);
        assertThat(rows("select id from grading_job where state = 'QUEUED' and submission_id = " + id)).hasSize(1);
    }

    @Test
    void studentsMayNotAndUnknownCoursesOrExercisesAre404() {
        given().auth().preemptive().basic("alice", "alice").post("/api/exercises/primes/regrade-all")
                .then().statusCode(403).body("error", notNullValue());
        given().auth().preemptive().basic("alice", "alice").get("/api/exercises/primes/regrade-all")
                .then().statusCode(403);
        asStaff().post("/api/exercises/primes/regrade-all?course=no-such-course").then().statusCode(404)
                .body("error", containsString("no-such-course"));
        asStaff().post("/api/exercises/no-such-exercise/regrade-all").then().statusCode(404)
                .body("error", containsString("no-such-exercise"));
        asStaff().get("/api/exercises/tiny-tasks/regrade-all?course=demo").then().statusCode(404)
                .body("error", containsString("No regrade-all"));
        asStaff().post("/api/exercises/primes/regrade-all?course=demo").then().statusCode(202)
                .body("queued", greaterThanOrEqualTo(0));
        asStaff().get("/api/exercises/primes/regrade-all?course=demo").then().statusCode(200)
                .body("course", is("demo"));
    }

    private static io.restassured.specification.RequestSpecification asStaff() {
        return given().auth().preemptive().basic("grader", "grader");
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getResultList());
    }
}
