package org.paragrade.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.paragrade.testing.Api;
import org.paragrade.testing.GradingProfile;

/**
 * What an operator sees of one grading: its log lines name the job, the submission, the exercise and the
 * student (MDC fields, the JSON log's fields in production), and the management port's metrics show the
 * grading time, its stages and the queue wait as Prometheus histograms. A wrong answer keeps it quick:
 * correctness only, no benchmark.
 */
@QuarkusTest
@TestProfile(GradingProfile.class)
class GradingTelemetryTest {
    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** The management interface's scheme, host and port (the injected URL ends in its root path, /q). */
    private String managementOrigin() {
        return management.getProtocol() + "://" + management.getHost() + ":" + management.getPort();
    }

    record Line(String message, Map<String, String> fields) {
    }

    @Test
    void aGradingsLogLinesAndMetricsDescribeIt() throws Exception {
        List<Line> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r instanceof ExtLogRecord e) {
                    lines.add(new Line(e.getFormattedMessage(), Map.of(
                            "job", String.valueOf(e.getMdc("job")), "submission", String.valueOf(e.getMdc("submission")),
                            "exercise", String.valueOf(e.getMdc("exercise")), "student", String.valueOf(e.getMdc("student")))));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger worker = Logger.getLogger("org.paragrade.grading");
        worker.addHandler(capture);
        long id;
        try {
            id = Api.submit("bob", "primes", "solution.py",
                    Files.readString(Path.of("src/test/resources/solutions/primes_wrong.py")));
            assertThat(Api.awaitGraded("bob", id, Duration.ofMinutes(3)).getString("verdict")).isEqualTo("WRONG_ANSWER");
        } finally {
            worker.removeHandler(capture);
        }

        Line graded = lines.stream().filter(l -> l.message().startsWith("Graded: WRONG_ANSWER")
                && l.fields().get("submission").equals(String.valueOf(id))).findFirst()
                .orElseThrow(() -> new AssertionError("no Graded line for submission " + id + " in " + lines));
        assertThat(graded.fields()).containsEntry("exercise", "primes").containsEntry("student", "bob");
        assertThat(graded.fields().get("job")).matches("\\d+");

        String metrics = given().baseUri(managementOrigin()).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        assertThat(metrics).contains("# TYPE paragrade_grading_seconds histogram",
                "# TYPE paragrade_queue_wait_seconds histogram", "# TYPE paragrade_grading_stage_seconds histogram");
        assertThat(count(metrics, "paragrade_grading_seconds_count\\{[^}]*verdict=\"WRONG_ANSWER\"[^}]*\\}")).isGreaterThanOrEqualTo(1);
        assertThat(count(metrics, "paragrade_queue_wait_seconds_count\\{[^}]*kind=\"upload\"[^}]*\\}")).isGreaterThanOrEqualTo(1);
        assertThat(count(metrics, "paragrade_grading_stage_seconds_count\\{[^}]*stage=\"correctness\"[^}]*\\}")).isGreaterThanOrEqualTo(1);
        // fixed buckets, the same on every instance, so Grafana can sum them (grader-images/grafana-dashboard.json)
        assertThat(metrics).containsPattern("paragrade_grading_seconds_bucket\\{[^}]*le=\"60\\.0\"");
        assertThat(metrics).containsPattern("paragrade_workers(\\{[^}]*\\})? 1\\.0");
    }

    private static double count(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+]+)$").matcher(metrics);
        assertThat(m.find()).as(series + " in\n" + metrics).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
