package org.paragrade.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paragrade.testing.ServerProcess;

/**
 * The README's start command, for real: the packaged server on the embedded PostgreSQL, killed with
 * SIGKILL right after a 202, restarted on the same data dir: the submission is still there.
 */
class RestartDurabilityIT {

    @Test
    void aCommittedSubmissionSurvivesKillDashNineAndRestart() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "restart-");
        long id;
        try (ServerProcess first = ServerProcess.start(data, Map.of("paragrade.workers", "0"))) {
            given().baseUri(first.url()).auth().preemptive().basic("alice", "alice").get("/api/exercises")
                    .then().statusCode(200).body("slug", hasItems("primes", "downloads", "bank", "wordfreq"));
            id = given().baseUri(first.url()).auth().preemptive().basic("alice", "alice")
                    .multiPart("file", "solution.py", "def count_primes(limit, workers):\n    return 0\n"
                            .getBytes(StandardCharsets.UTF_8), "text/x-python")
                    .post("/api/exercises/primes/submissions").then().statusCode(202).extract().jsonPath().getLong("id");
            first.kill9();
        }
        try (ServerProcess second = ServerProcess.start(data, Map.of("paragrade.workers", "0"))) {
            given().baseUri(second.url()).auth().preemptive().basic("alice", "alice").get("/api/submissions/" + id)
                    .then().statusCode(200).body("student", equalTo("alice")).body("status", equalTo("QUEUED"));
            // the demo accounts were not duplicated and the curriculum was not re-imported as new versions
            given().baseUri(second.url()).auth().preemptive().basic("alice", "alice").get("/api/exercises/primes")
                    .then().statusCode(200).body("version", equalTo(1));
            assertThat(second.log()).contains("unchanged");
        }
    }
}
