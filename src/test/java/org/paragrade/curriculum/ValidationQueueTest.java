package org.paragrade.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paragrade.account.Account;
import org.paragrade.grading.BundleValidations;
import org.paragrade.grading.ValidationReport;
import org.paragrade.queue.Claim;
import org.paragrade.queue.GradingJob;
import org.paragrade.queue.JobQueue;
import org.paragrade.queue.LeaseLost;
import org.paragrade.testing.GradingProfile;

/**
 * Bundles are validated by a grading worker through the queue: an upload that prefers to respond async gets
 * 202 and polls its validation to PASSED (then the new version is current) or FAILED (then the old one still
 * is); a worker that dies mid-validation has its job claimed again when the lease runs out, and its late
 * result is dropped. The small many-waits bundle throughout (the CPU-bound ones are slow and noisy on 2 cores).
 */
@QuarkusTest
@TestProfile(GradingProfile.class)
class ValidationQueueTest {
    @Inject
    CurriculumService curriculum;
    @Inject
    JobQueue queue;
    @Inject
    BundleValidations validations;

    /** Polls a validation until it ended (a validation of many-waits takes ~45 s on a quiet 2-core machine). */
    static JsonPath pollUntilDone(String location) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            JsonPath v = InstructorApiTest.instructor().get(location).then().statusCode(200).extract().jsonPath();
            String status = v.getString("status");
            assertThat(status).isIn("QUEUED", "RUNNING", "PASSED", "FAILED");
            if (status.equals("PASSED") || status.equals("FAILED")) {
                return v;
            }
            assertThat(System.nanoTime()).as("validation still " + status + " after 5 minutes").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    @Test
    void anAsyncUploadAnswers202AndItsValidationEndsPassedWithTheNewVersionCurrent() throws Exception {
        Response accepted = InstructorApiTest.instructor().header("Prefer", "respond-async")
                .multiPart("bundle", "w.zip", InstructorApiTest.bundle("many-waits", "waits-async", Map.of()),
                        "application/zip")
                .post("/api/exercises");
        accepted.then().statusCode(202).header("Preference-Applied", "respond-async")
                .body("status", equalTo("QUEUED")).body("id", notNullValue())
                .body("location", startsWith("/api/exercises/waits-async/validations/"));
        String location = accepted.jsonPath().getString("location");
        assertThat(accepted.header("Location")).endsWith(location);
        // Not an exercise before it passed.
        InstructorApiTest.instructor().get("/api/exercises/waits-async").then().statusCode(404);

        JsonPath done = pollUntilDone(location);
        assertThat(done.getString("status")).isEqualTo("PASSED");
        assertThat(done.getInt("version")).isEqualTo(1);
        assertThat(done.getBoolean("created")).isTrue();
        assertThat(done.getBoolean("validation.valid")).isTrue();
        assertThat(done.getList("validation.references.reference", String.class))
                .contains("sequential", "threads", "processes", "asyncio");
        assertThat(done.getInt("progress.total")).isPositive();
        assertThat(done.getInt("progress.done")).isEqualTo(done.getInt("progress.total"));
        InstructorApiTest.instructor().get("/api/exercises/waits-async").then().statusCode(200)
                .body("version", equalTo(1)).body("validation.valid", equalTo(true));
        // Another exercise's path does not show it.
        InstructorApiTest.instructor().get(location.replace("waits-async", "primes")).then().statusCode(404)
                .body("error", containsString("no validation"));
    }

    @Test
    void aFailingBundleEndsFailedWithItsReasonsAndTheOldVersionStaysCurrent() throws Exception {
        curriculum.store(Bundle.fromZip(InstructorApiTest.bundle("many-waits", "waits-kept", Map.of())), "import",
                "test", null, null);
        Response accepted = InstructorApiTest.instructor().header("Prefer", "respond-async")
                .multiPart("bundle", "bad.zip", InstructorApiTest.bundle("many-waits", "waits-kept", Map.of(
                        "reference/threads.py", "def check_all(urls, workers):\n    return {}\n")), "application/zip")
                .put("/api/exercises/waits-kept");
        accepted.then().statusCode(202);
        JsonPath done = pollUntilDone(accepted.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(done.getString("status")).isEqualTo("FAILED");
        assertThat(done.getBoolean("validation.valid")).isFalse();
        assertThat(done.getList("validation.problems", String.class)).anyMatch(p -> p.contains("threads")
                && p.contains("disagrees with sequential"));
        assertThat(done.getString("version")).isNull();
        InstructorApiTest.instructor().get("/api/exercises/waits-kept").then().statusCode(200)
                .body("version", equalTo(1));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ExerciseVersion.count("exercise.slug", "waits-kept")))
                .isEqualTo(1);
    }

    @Test
    void aWorkerThatDiesMidValidationIsReclaimedAndItsLateResultDropped() throws Exception {
        byte[] zip = InstructorApiTest.bundle("many-waits", "waits-rescued", Map.of());
        // A worker claimed the job and died: the job is RUNNING under its lease, which runs out in 2 s.
        long[] ids = QuarkusTransaction.requiringNew().call(() -> {
            BundleValidation v = new BundleValidation();
            Bundle b = Bundle.fromZip(zip);
            v.slug = "waits-rescued";
            v.purpose = BundleValidation.Purpose.CREATE;
            v.bundle = b.toZip();
            v.contentHash = b.contentHash();
            v.requestedBy = Account.findByUsername("instructor").orElseThrow().id;
            v.status = ValidationStatus.RUNNING;
            v.persist();
            GradingJob job = queue.enqueueValidation(v.id);
            job.state = GradingJob.RUNNING;
            job.attempt = 1;
            job.leaseOwner = "dead-worker";
            job.leaseExpiresAt = Instant.now().plusSeconds(2);
            job.startedAt = Instant.now();
            return new long[] {v.id, job.id};
        });
        JsonPath done = pollUntilDone("/api/exercises/waits-rescued/validations/" + ids[0]);
        assertThat(done.getString("status")).isEqualTo("PASSED");
        GradingJob job = QuarkusTransaction.requiringNew().call(() -> GradingJob.<GradingJob>findById(ids[1]));
        assertThat(job.state).isEqualTo(GradingJob.DONE);
        assertThat(job.attempt).isEqualTo(2);
        assertThat(job.lastError).contains("lease of dead-worker expired");
        // The dead worker wakes up with a result: fenced out, nothing of it is kept.
        Claim stale = new Claim(ids[1], 0, 1, "dead-worker", ids[0]);
        ValidationReport forged = new ValidationReport(false, List.of("forged"), List.of(), null, "now");
        assertThatThrownBy(() -> validations.record(stale, forged)).isInstanceOf(LeaseLost.class);
        pollUntilDone("/api/exercises/waits-rescued/validations/" + ids[0]);
        InstructorApiTest.instructor().get("/api/exercises/waits-rescued/validations/" + ids[0]).then()
                .body("status", equalTo("PASSED")).body("validation.problems", not(hasItem("forged")));
        InstructorApiTest.instructor().get("/api/exercises/waits-rescued").then().statusCode(200)
                .body("version", equalTo(1));
    }
}
