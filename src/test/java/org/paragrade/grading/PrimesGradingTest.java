package org.paragrade.grading;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.paragrade.testing.Api;
import org.paragrade.testing.GradingProfile;

/** Real submissions against the primes exercise, graded end to end through the API and the sandbox. */
@QuarkusTest
@TestProfile(GradingProfile.class)
class PrimesGradingTest {

    @Test
    void scoresOrderAsATeacherWould() throws Exception {
        long processes = Api.submit("alice", "primes", "solution.py", Api.exerciseFile("primes", "reference/processes.py"));
        long threads = Api.submit("bob", "primes", "solution.py", Api.exerciseFile("primes", "reference/threads.py"));
        // a student's newer upload supersedes their waiting one: each student's second upload waits until their
        // first is out of the queue, and is made while one of the first is graded, so the two seconds wait
        // together and are claimed as one batch
        awaitOneEarlyInItsGradingNoneWaiting(processes, threads);
        long sequential = Api.submit("alice", "primes", "solution.py", Api.exerciseFile("primes", "starter/solution.py"));
        long wrong = Api.submit("bob", "primes", "solution.py",
                java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/solutions/primes_wrong.py")));
        JsonPath p = Api.awaitGraded("alice", processes, Duration.ofMinutes(5));
        JsonPath t = Api.awaitGraded("bob", threads, Duration.ofMinutes(5));
        JsonPath s = Api.awaitGraded("alice", sequential, Duration.ofMinutes(5));
        JsonPath w = Api.awaitGraded("bob", wrong, Duration.ofMinutes(5));
        // uploaded after the sequential one, into the same batch, the wrong one failed its checks: recorded then,
        // not after its mate's benchmark session (graded alone after it, it would come after it)
        assertThat(Duration.between(Instant.parse(w.getString("gradedAt")), Instant.parse(s.getString("gradedAt"))))
                .as("the wrong solution's result before its batch mate's benchmark").isGreaterThan(Duration.ofSeconds(5));

        for (JsonPath j : java.util.List.of(p, t, s, w)) {
            System.out.printf("primes %s: %s %.1f speedup %s ref %s breakdown %s%n", j.getString("student"),
                    j.getString("verdict"), j.getDouble("score"), j.getString("performance.studentSpeedup"),
                    j.getString("performance.referenceSpeedup"), j.getString("scoreBreakdown.notes"));
        }
        assertThat(w.getString("verdict")).isEqualTo("WRONG_ANSWER");
        assertThat(w.getString("performance")).isNull();
        // A teacher's order on a 2-core machine: processes earn the performance points, GIL-bound threads
        // and sequential code none (whatever the clock said), and threads rank at least as high as sequential.
        double full = 35; // primes' performance weight
        assertThat(p.getDouble("scoreBreakdown.performance")).as(p.prettify()).isGreaterThanOrEqualTo(0.9 * full);
        assertThat(t.getDouble("scoreBreakdown.performance")).as(t.prettify()).isZero();
        assertThat(s.getDouble("scoreBreakdown.performance")).as(s.prettify()).isZero();
        assertThat(t.getDouble("score")).isGreaterThanOrEqualTo(s.getDouble("score"));
        assertThat(p.getDouble("score")).isGreaterThan(t.getDouble("score") + 10);
        assertThat(Math.min(t.getDouble("score"), s.getDouble("score"))).isGreaterThan(w.getDouble("score"));
        // Scored at the declared point (the largest count not above the cores), with its 95% interval, which
        // excludes "no speed-up" (how far above 1 it starts depends on what else the machine runs meanwhile).
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(p.getInt("performance.scoredAtWorkers")).isEqualTo(cores >= 4 ? 4 : cores >= 2 ? 2 : 1);
        // The head line names the same worker count as the points (not the largest benchmarked).
        assertThat(p.getString("message")).contains("with " + p.getInt("performance.scoredAtWorkers") + " workers");
        assertThat(p.getDouble("performance.studentSpeedupInterval.low")).isGreaterThan(1.0)
                .isLessThanOrEqualTo(p.getDouble("performance.studentSpeedupInterval.high"));
        assertThat(p.getDouble("performance.referenceSpeedupInterval.low")).isGreaterThan(1.0);
        // What the runs did, in words, and the evidence that decided.
        assertThat(t.getString("performance.behaviour")).isEqualTo("THREADS_GIL_BOUND");
        assertThat(t.getString("performance.explanation")).containsIgnoringCase("GIL");
        assertThat(t.getString("performance.evidence")).containsIgnoringCase("core");
        assertThat(s.getString("performance.behaviour")).isEqualTo("SEQUENTIAL");
        assertThat(p.getList("performance.runs.variant")).contains("student", "sequential", "processes");
        // The workload was drawn for this grading, from a range the student never saw (staff see it).
        assertThat(p.getMap("performance").get("workload")).isNull();
        JsonPath staff = Api.awaitGraded("grader", processes, Duration.ofMinutes(1));
        assertThat(staff.getInt("performance.workload.limit")).isBetween(420000, 480000);
        assertThat(p.getList("flags.code")).doesNotContain("TOO_FAST_FOR_ITS_CPU", "IGNORES_WORKERS", "TAMPERING");
    }

    /**
     * Until neither is waiting and one of them is in the first half of its grading's runs: the next uploads then
     * wait together, seconds before the worker is free (polled often: a grading takes tens of seconds).
     */
    private static void awaitOneEarlyInItsGradingNoneWaiting(long... ids) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < end) {
            java.util.List<JsonPath> views = java.util.Arrays.stream(ids).mapToObj(id -> given().auth().preemptive()
                    .basic("grader", "grader").get("/api/submissions/" + id).then().statusCode(200).extract()
                    .jsonPath()).toList();
            java.util.List<String> statuses = views.stream().map(v -> v.getString("status")).toList();
            boolean early = views.stream().anyMatch(v -> "RUNNING".equals(v.getString("status"))
                    && v.getInt("progress.total") > 0 && 2 * v.getInt("progress.done") < v.getInt("progress.total"));
            if (!statuses.contains("QUEUED") && early) {
                return;
            }
            assertThat(statuses).as("both graded before one was seen early in its grading")
                    .isNotEqualTo(java.util.List.of("GRADED", "GRADED"));
            Thread.sleep(100);
        }
        throw new AssertionError("submissions " + java.util.Arrays.toString(ids) + " never running");
    }
}
