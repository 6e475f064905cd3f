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
    void processesBeatThreadsAndTheReportSaysWhy() {
        long processes = Api.submit("alice", "primes", "solution.py", Api.exerciseFile("primes", "reference/processes.py"));
        long threads = Api.submit("bob", "primes", "solution.py", Api.exerciseFile("primes", "reference/threads.py"));
        JsonPath p = Api.awaitGraded("alice", processes, Duration.ofMinutes(4));
        JsonPath t = Api.awaitGraded("bob", threads, Duration.ofMinutes(4));
        System.out.println(p.prettify());
        System.out.println(t.prettify());

        assertThat(p.getString("verdict")).isEqualTo("ACCEPTED");
        assertThat(t.getString("verdict")).isEqualTo("ACCEPTED");
        assertThat(p.getInt("correctness.passed")).isEqualTo(p.getInt("correctness.total"));
        assertThat(p.getDouble("performance.studentSpeedup")).isGreaterThan(1.4);
        assertThat(t.getDouble("performance.studentSpeedup")).isLessThan(1.25);
        assertThat(p.getDouble("score")).isGreaterThan(t.getDouble("score"));
        assertThat(t.getString("performance.behaviour")).isEqualTo("THREADS_GIL_BOUND");
        assertThat(t.getString("performance.explanation")).containsIgnoringCase("GIL");
        assertThat(p.getList("performance.runs.variant")).contains("student", "sequential", "threads", "processes");
    }
}
