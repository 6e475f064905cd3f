package org.paragrade.grading;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.paragrade.testing.Api;
import org.paragrade.testing.GradingProfile;

/** Threads beat sequential on I/O: the waits overlap while the CPU stays idle. */
@QuarkusTest
@TestProfile(GradingProfile.class)
class DownloadsGradingTest {

    @Test
    void threadsBeatSequentialOnIo() {
        long threads = Api.submit("alice", "downloads", "solution.py", Api.exerciseFile("downloads", "reference/threads.py"));
        long starter = Api.submit("bob", "downloads", "solution.py", Api.exerciseFile("downloads", "starter/solution.py"));
        JsonPath t = Api.awaitGraded("alice", threads, Duration.ofMinutes(5));
        JsonPath s = Api.awaitGraded("bob", starter, Duration.ofMinutes(5));
        assertThat(t.getString("verdict")).as(t.prettify()).isEqualTo("ACCEPTED");
        assertThat(s.getString("verdict")).isEqualTo("ACCEPTED");
        assertThat(t.getDouble("performance.studentSpeedup")).isGreaterThan(2.0);
        assertThat(s.getDouble("performance.studentSpeedup")).isLessThan(1.3);
        assertThat(t.getString("performance.behaviour")).isEqualTo("CONCURRENT_IO_THREADS");
        assertThat(t.getBoolean("performance.matchesExpected")).isTrue();
        assertThat(t.getDouble("score")).isGreaterThan(s.getDouble("score"));
        // the evidence is the checker's server-side count of requests in flight, not /proc samples
        assertThat(s.prettify()).contains("the checker saw up to 1 request in flight at once");
    }
}
