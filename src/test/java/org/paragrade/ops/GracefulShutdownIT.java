package org.paragrade.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.paragrade.testing.ServerProcess;

/**
 * SIGTERM in the middle of a grading: the instance stops claiming, gives the job back within its
 * grace, kills its sandboxes and exits; nothing is left running, and after a restart the job is
 * graded once.
 */
class GracefulShutdownIT {

    static List<String> processesMentioning(String marker) throws Exception {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).map(p -> {
                try {
                    return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                } catch (Exception e) {
                    return "";
                }
            }).filter(c -> c.contains(marker) && !c.contains("surefire") && !c.contains("failsafe")).toList();
        }
    }

    @Test
    void sigtermGivesTheJobBackAndLeavesNothingRunning() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "shutdown-").toAbsolutePath();
        Map<String, String> settings = Map.of("paragrade.workers", "1", "paragrade.grading.shutdown-grace", "2s");
        String correct = Files.readString(Path.of("exercises/primes/starter/solution.py"));
        long id;
        try (ServerProcess server = ServerProcess.start(data, settings)) {
            id = given().baseUri(server.url()).auth().preemptive().basic("alice", "alice")
                    .multiPart("file", "solution.py", correct.getBytes(StandardCharsets.UTF_8), "text/x-python")
                    .post("/api/exercises/primes/submissions").then().statusCode(202).extract().jsonPath().getLong("id");
            long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            String status = "";
            while (!"RUNNING".equals(status) && System.nanoTime() < end) {
                status = given().baseUri(server.url()).auth().preemptive().basic("alice", "alice")
                        .get("/api/submissions/" + id).then().extract().jsonPath().getString("status");
                Thread.sleep(200);
            }
            assertThat(status).isEqualTo("RUNNING");
            Thread.sleep(1000);
            long t = System.nanoTime();
            int exit = server.terminate(Duration.ofSeconds(60));
            assertThat(exit).as("exit code after SIGTERM; log:\n" + server.tail()).isNotEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(45));
            assertThat(server.log()).contains("gave job");
        }
        Thread.sleep(1000);
        assertThat(processesMentioning(data.toString())).as("processes left behind").isEmpty();

        try (ServerProcess again = ServerProcess.start(data, Map.of("paragrade.workers", "1"))) {
            long end = System.nanoTime() + Duration.ofMinutes(6).toNanos();
            var json = given().baseUri(again.url()).auth().preemptive().basic("alice", "alice").get("/api/submissions/" + id)
                    .then().extract().jsonPath();
            while (!"GRADED".equals(json.getString("status")) && System.nanoTime() < end) {
                Thread.sleep(1000);
                json = given().baseUri(again.url()).auth().preemptive().basic("alice", "alice").get("/api/submissions/" + id)
                        .then().extract().jsonPath();
            }
            assertThat(json.getString("status")).isEqualTo("GRADED");
            assertThat(json.getList("grades.kind")).containsExactly("AUTO");
            // The packaged server logs JSON, and a grading's lines say which job, submission, exercise and student.
            var graded = again.log().lines().filter(l -> l.startsWith("{") && l.contains("Graded: ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no JSON Graded line in:\n" + again.tail()));
            var mdc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(graded).path("mdc");
            assertThat(mdc.path("submission").asText()).isEqualTo(String.valueOf(id));
            assertThat(mdc.path("job").asText()).matches("\\d+");
            assertThat(mdc.path("exercise").asText()).isEqualTo("primes");
            assertThat(mdc.path("student").asText()).isEqualTo("alice");
            // health answers on the management port only (ServerProcess found it ready there)
            given().baseUri(again.url()).redirects().follow(false).get("/q/health/ready").then()
                    .statusCode(org.hamcrest.Matchers.not(200));
        }
    }
}
