package org.paragrade.grading;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
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
        // a student's newer upload supersedes their waiting one: each student's second upload waits for the first
        JsonPath p = Api.awaitGraded("alice", processes, Duration.ofMinutes(5));
        JsonPath t = Api.awaitGraded("bob", threads, Duration.ofMinutes(5));
        long sequential = Api.submit("alice", "primes", "solution.py", Api.exerciseFile("primes", "starter/solution.py"));
        long wrong = Api.submit("bob", "primes", "solution.py",
                java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/solutions/primes_wrong.py")));
        JsonPath s = Api.awaitGraded("alice", sequential, Duration.ofMinutes(5));
        JsonPath w = Api.awaitGraded("bob", wrong, Duration.ofMinutes(5));

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
}
