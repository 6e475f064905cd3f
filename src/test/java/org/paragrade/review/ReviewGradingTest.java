package org.paragrade.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paragrade.testing.Api;
import org.paragrade.testing.GradingProfile;

/**
 * The desk after real gradings: code the scan flags TAMPERING (and that is wrong, so no benchmark runs)
 * waits for review with its line; accepted, it leaves; a regrade, which raises the flag again, brings it
 * back; its files are the bytes that were uploaded.
 */
@QuarkusTest
@TestProfile(GradingProfile.class)
class ReviewGradingTest {

    @SuppressWarnings("unchecked")
    static List<String> reasons(long id) {
        List<Map<String, Object>> queue = given().auth().preemptive().basic("grader", "grader")
                .get("/api/review?exercise=primes").then().statusCode(200).extract().jsonPath().getList("");
        return queue.stream().filter(i -> ((Number) i.get("id")).longValue() == id)
                .map(i -> (List<String>) i.get("reasons")).findFirst().orElse(null);
    }

    @Test
    void aTamperingFlagWaitsIsAcceptedAndComesBackWithTheRegrade() throws Exception {
        String source = Files.readString(Path.of("src/test/resources/solutions/primes_tampering.py"));
        long id = Api.submit("alice", "primes", "solution.py", source);
        JsonPath graded = Api.awaitGraded("alice", id, Duration.ofMinutes(3));
        assertThat(graded.getList("flags.code")).contains("TAMPERING");

        assertThat(reasons(id)).isNotEmpty().allMatch(r -> r.startsWith("TAMPERING at solution.py:"))
                .anyMatch(r -> r.contains("ctypes"));
        byte[] zip = given().auth().preemptive().basic("grader", "grader").get("/api/submissions/" + id + "/files")
                .then().statusCode(200).extract().asByteArray();
        assertThat(ReviewApiTest.entries(zip)).containsExactly(Map.entry("solution.py", source));

        given().auth().preemptive().basic("grader", "grader").contentType("application/json")
                .body(Map.of("action", "accept", "comment", "ctypes only imported for a demo"))
                .post("/api/submissions/" + id + "/review").then().statusCode(200);
        assertThat(reasons(id)).isNull();

        given().auth().preemptive().basic("grader", "grader").post("/api/submissions/" + id + "/regrade")
                .then().statusCode(202);
        Api.awaitGraded("alice", id, Duration.ofMinutes(3));
        assertThat(reasons(id)).isNotEmpty().allMatch(r -> r.startsWith("TAMPERING"));
    }
}
