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
        long sequential = Api.submit("alice", "primes", "solution.py", Api.exerciseFile("primes", "starter/solution.py"));
        long wrong = Api.submit("bob", "primes", "solution.py",
                java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/solutions/primes_wrong.py")));
        JsonPath p = Api.awaitGraded("alice", processes, Duration.ofMinutes(5));
        JsonPath t = Api.awaitGraded("bob", threads, Duration.ofMinutes(5));
        JsonPath s = Api.awaitGraded("alice", sequential, Duration.ofMinutes(5));
        JsonPath w = Api.awaitGraded("bob", wrong, Duration.ofMinutes(5));

        for (JsonPath j : java.util.List.of(p, t, s, w)) {
            System.out.printf("primes %s: %s %.1f speedup %s ref %s breakdown %s%n", j.getString("student"),
                    j.getString("verdict"), j.getDouble("score"), j.getString("performance.studentSpeedup"),
                    j.getString("performance.referenceSpeedup"), j.getString("scoreBreakdown.notes"));
        }
        assertThat(w.getString("verdict")).isEqualTo("WRONG_ANSWER");
        assertThat(w.getString("performance")).isNull();
        // On two cores: processes clearly speed up somewhere on the curve (the largest worker count may
        // oversubscribe), threads nowhere beyond noise.
        assertThat(bestStudentSpeedup(p)).as(p.prettify()).isGreaterThan(1.4);
        assertThat(bestStudentSpeedup(t)).as(t.prettify()).isLessThan(1.25);
        assertThat(p.getDouble("performance.studentSpeedup")).isGreaterThan(t.getDouble("performance.studentSpeedup") + 0.1);
        assertThat(t.getString("performance.behaviour")).isEqualTo("THREADS_GIL_BOUND");
        assertThat(t.getString("performance.explanation")).containsIgnoringCase("GIL");
        assertThat(p.getList("performance.runs.variant")).contains("student", "sequential", "threads", "processes");
        // Processes clearly first; threads (concurrent, wrong model: half the behaviour points) not below
        // sequential beyond noise (both run at about 1×; 0.15× of measured difference is ~10 performance
        // points on this ramp); a wrong answer last, however fast. The sequential starter earns no
        // behaviour points, whatever the noise made its curve look like.
        assertThat(p.getDouble("score")).isGreaterThan(t.getDouble("score") + 10).isGreaterThan(s.getDouble("score") + 10);
        assertThat(t.getDouble("score")).isGreaterThan(s.getDouble("score") - 10);
        assertThat(s.getString("performance.behaviour")).isEqualTo("SEQUENTIAL");
        assertThat(Math.min(t.getDouble("score"), s.getDouble("score"))).isGreaterThan(w.getDouble("score"));
    }

    static double bestStudentSpeedup(JsonPath j) {
        return j.<Number>getList("performance.runs.findAll { it.variant == 'student' }.speedup").stream()
                .mapToDouble(Number::doubleValue).max().orElseThrow();
    }
}
