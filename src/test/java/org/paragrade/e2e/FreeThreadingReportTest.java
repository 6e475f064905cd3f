package org.paragrade.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paragrade.testing.Api;
import org.paragrade.testing.GradingProfile;

/**
 * The free-threading exercise end to end: the same threads solution graded on CPython 3.11 and on the
 * free-threaded 3.13t build, in one report. Without the free-threaded build (it lives at
 * /opt/paragrade/cpython-3.13t, as grader-images builds it) the exercise must say so as an internal error, never
 * a wrong answer; the test then checks that and reports itself skipped.
 */
@QuarkusTest
@TestProfile(GradingProfile.class)
class FreeThreadingReportTest {
    static final Path FREE_THREADED = Path.of("/opt/paragrade/cpython-3.13t/bin/python3.13t");

    @TestHTTPResource("/")
    URL base;

    @Test
    void theThreadsSolutionIsGradedOnBothInterpretersSideBySide() throws Exception {
        long id = Api.submit("alice", "free-threading", "solution.py",
                Api.exerciseFile("free-threading", "reference/threads.py"));
        JsonPath r = Api.awaitGraded("alice", id, Duration.ofMinutes(8));
        if (!Files.isExecutable(FREE_THREADED)) {
            assertThat(r.getString("verdict")).isEqualTo("INTERNAL_ERROR");
            assertThat(r.getString("message") + r.getList("feedback")).contains("cpython-3.13t", "not installed");
            assumeTrue(false, "no free-threaded CPython at " + FREE_THREADED + ": only its clear refusal was checked");
        }
        JsonPath staff = Api.awaitGraded("grader", id, Duration.ofMinutes(1));
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.writeString(Browser.SCREENSHOTS.resolve("free-threading-report.json"), staff.prettify());
        assertThat(r.getString("verdict")).as(r.prettify()).isEqualTo("ACCEPTED");
        // correct on both: every case ran on each interpreter
        assertThat(r.getList("correctness.cases.name", String.class))
                .anyMatch(n -> n.endsWith(" on cpython-3.11")).anyMatch(n -> n.endsWith(" on cpython-3.13t"));
        // every run says where it ran; both interpreters' sequential, threads and processes references are there
        List<Map<String, Object>> runs = r.getList("performance.runs");
        assertThat(runs).allMatch(run -> run.get("interpreter") != null);
        assertThat(runs).filteredOn(run -> "cpython-3.11".equals(run.get("interpreter")))
                .extracting(run -> run.get("variant")).contains("student", "sequential", "threads", "processes");
        assertThat(r.getString("performance.interpreter")).isEqualTo("cpython-3.13t");
        assertThat(r.getList("performance.interpreters.id")).containsExactly("cpython-3.13t", "cpython-3.11");
        assertThat(r.getBoolean("performance.interpreters[0].gilEnabled")).isFalse();
        assertThat(r.getBoolean("performance.interpreters[1].gilEnabled")).isTrue();
        double ftThreads = r.getDouble("performance.interpreters[0].threadsSpeedup");
        double stdThreads = r.getDouble("performance.interpreters[1].threadsSpeedup");
        System.out.printf("free-threading: threads reference %.2fx on 3.13t (%.2f cores), %.2fx on 3.11 (%.2f cores); %s%n",
                ftThreads, r.getDouble("performance.interpreters[0].threadsCores"), stdThreads,
                r.getDouble("performance.interpreters[1].threadsCores"), r.getString("performance.comparison"));
        // the GIL's physics: on 3.11 CPU-bound threads share one core
        assertThat(r.getDouble("performance.interpreters[1].threadsCores")).isLessThan(1.3);
        assertThat(r.getString("performance.comparison")).contains("on the standard build (cpython-3.11)",
                "on the free-threaded build (cpython-3.13t)");
        if (Browser.available()) {
            try (Browser b = new Browser(base.toString())) {
                b.login("alice", "alice");
                b.open("/submissions/" + id);
                b.await("#interpreters", Duration.ofSeconds(30));
                assertThat(b.find("#comparison").getText()).contains("cpython-3.11", "cpython-3.13t");
                assertThat(b.driver.findElements(org.openqa.selenium.By.cssSelector("#interpreters svg.chart"))).hasSize(2);
                b.screenshot("free-threading-report");
            }
        }
    }
}
