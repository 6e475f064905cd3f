package org.paragrade.grading;

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
 * Code that reaches for the grader (ctypes, the switch interval, replacing time.sleep) is flagged
 * TAMPERING at its line and sent to review, whatever else its grade says; clean code is not flagged.
 */
@QuarkusTest
@TestProfile(GradingProfile.class)
class TamperingScanTest {

    @Test
    void tamperingIsFlaggedAtItsLineAndCleanCodeIsNot() throws Exception {
        long tampering = Api.submit("alice", "primes", "solution.py",
                Files.readString(Path.of("src/test/resources/solutions/primes_tampering.py")));
        long clean = Api.submit("bob", "primes", "solution.py",
                Files.readString(Path.of("src/test/resources/solutions/primes_wrong.py")));

        JsonPath t = Api.awaitGraded("alice", tampering, Duration.ofMinutes(3));
        JsonPath c = Api.awaitGraded("bob", clean, Duration.ofMinutes(3));

        assertThat(t.getString("verdict")).isEqualTo("WRONG_ANSWER");
        List<Map<String, Object>> flags = t.getList("flags");
        assertThat(flags).extracting(f -> f.get("code")).containsOnly("TAMPERING");
        assertThat(flags).extracting(f -> f.get("line")).containsExactly(1, 5, 6);
        assertThat(t.getString("flags[0].message")).contains("solution.py line 1", "ctypes");
        assertThat(t.getString("flags[2].message")).contains("time.sleep");
        assertThat(t.getBoolean("scoreBreakdown.needsReview")).isTrue();
        assertThat(t.getList("feedback", String.class)).anyMatch(f -> f.contains("sys.setswitchinterval"));

        assertThat(c.getList("flags")).isEmpty();
        assertThat(c.getBoolean("scoreBreakdown.needsReview")).isFalse();
    }
}
