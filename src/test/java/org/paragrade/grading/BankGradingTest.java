package org.paragrade.grading;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.paragrade.testing.Api;
import org.paragrade.testing.GradingProfile;

/** The race and the deadlock of the bank exercise are caught; a correct bank passes. */
@QuarkusTest
@TestProfile(GradingProfile.class)
class BankGradingTest {

    @Test
    void racyFailsDeadlockingTimesOutWithStacksCorrectPasses() throws Exception {
        long racy = Api.submit("alice", "bank", "solution.py", Api.exerciseFile("bank", "starter/solution.py"));
        long deadlock = Api.submit("bob", "bank", "solution.py",
                Files.readString(Path.of("src/test/resources/solutions/bank_deadlock.py")));
        // a student's newer upload supersedes their waiting one: alice's second waits for her first
        JsonPath r = Api.awaitGraded("alice", racy, Duration.ofMinutes(5));
        long correct = Api.submit("alice", "bank", "solution.py", Api.exerciseFile("bank", "reference/threads.py"));

        JsonPath d = Api.awaitGraded("bob", deadlock, Duration.ofMinutes(5));
        JsonPath c = Api.awaitGraded("alice", correct, Duration.ofMinutes(5));

        assertThat(r.getString("verdict")).isEqualTo("WRONG_ANSWER");
        assertThat(r.getString("correctness.cases.find { it.verdict == 'WRONG_ANSWER' }.message")).contains("expected");
        // The checker names a deadlock after a few seconds (with the stuck threads' stacks); a hang past the
        // wall limit would be TIME_LIMIT with the harness's stack dump. Either way: not accepted, and said why.
        assertThat(d.getString("verdict")).isIn("RUNTIME_ERROR", "TIME_LIMIT");
        String deadlockReport = d.getString("correctness.cases.findAll { it.verdict != 'ACCEPTED' }.message") + d.getString("stacks");
        assertThat(deadlockReport).containsIgnoringCase("deadlock").contains("transfer");
        assertThat(c.getString("verdict")).as(c.prettify()).isEqualTo("ACCEPTED");
        assertThat(c.getDouble("score")).isGreaterThan(r.getDouble("score")).isGreaterThan(d.getDouble("score") - 100);
        assertThat(c.getDouble("score")).isGreaterThan(d.getDouble("score"));
        assertThat(r.getDouble("score")).isLessThan(0.8 * c.getDouble("maxScore"));
        assertThat(d.getDouble("score")).isLessThan(0.8 * c.getDouble("maxScore"));
    }
}
