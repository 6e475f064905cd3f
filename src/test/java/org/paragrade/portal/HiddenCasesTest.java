package org.paragrade.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.paragrade.curriculum.Bundle;
import org.paragrade.curriculum.CurriculumService;

/**
 * A hidden case is "Hidden case N: passed/failed" to its student, in the API and on the report page
 * alike, and nothing else: no name, params, output, message or expected value; staff see everything.
 */
@QuarkusTest
class HiddenCasesTest {
    /** What the engine writes for the copy of tiny below: case "small" failed, its output and traceback shown. */
    static final String REPORT = """
            {"correctness": {"passed": 1, "total": 2, "runs": 3, "runsPassed": 2, "cases": [
                {"name": "small", "verdict": "WRONG_ANSWER", "timeMs": 12.3, "message": "expected 328350, got 0", "stress": false},
                {"name": "small (stress 1)", "verdict": "ACCEPTED", "timeMs": 11.0, "message": "Correct.", "stress": true},
                {"name": "zero", "verdict": "ACCEPTED", "timeMs": 10.0, "message": "Correct.", "stress": false}]},
             "feedback": ["Case 'small': expected 328350, got 0", "The benchmark runs only once every case passes: fix correctness first."],
             "output": {"case": "small", "stdout": "printed-by-small-case", "stderr": "", "truncated": false},
             "traceback": "Traceback: sum_squares(n=100) failed in small",
             "message": "Wrong answer: 1 of 2 cases passed."}
            """;

    @Inject
    PortalFixtures fixtures;
    @Inject
    CurriculumService curriculum;

    String hiddenExercise() {
        return hiddenExercise(curriculum);
    }

    /** A copy of tiny whose case "small" is hidden, "zero" shown after the deadline, and the model kept back. */
    static String hiddenExercise(CurriculumService curriculum) {
        String slug = "hidden-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        Bundle b = PortalFixtures.bundleAs("tiny", slug, null);
        String yaml = b.text("exercise.yaml")
                .replace("  - name: small\n    params: {n: 100, workers: 2}\n",
                        "  - name: small\n    params: {n: 100, workers: 2}\n    visibility: hidden\n")
                .replace("  - name: zero\n    params: {n: 0, workers: 1}\n",
                        "  - name: zero\n    params: {n: 0, workers: 1}\n    visibility: after-deadline\n")
                .replace("expectedModel: any", "expectedModel: processes\nrevealModel: false");
        assertThat(yaml).contains("visibility: hidden", "visibility: after-deadline", "revealModel: false");
        curriculum.store(b.with(Map.of("exercise.yaml", yaml.getBytes(StandardCharsets.UTF_8))), "import", "test",
                null, null);
        return slug;
    }

    static String api(String user, String path) {
        return given().auth().preemptive().basic(user, user).get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void aStudentSeesOnlyPassedOrFailedOfAHiddenCaseInBothFaces() {
        String slug = hiddenExercise();
        long id = fixtures.graded(slug, "alice", 40, REPORT);

        String json = api("alice", "/api/submissions/" + id);
        assertThat(json).contains("\"name\":\"Hidden case 1\"", "\"message\":\"Hidden case 1: failed\"",
                        "\"name\":\"Hidden case 2\"", "\"message\":\"Hidden case 2: passed\"")
                .doesNotContain("small", "zero", "328350", "printed-by-small-case", "Traceback", "n=100");
        String page = PortalSession.as("alice").get("/submissions/" + id).then().statusCode(200).extract().asString();
        assertThat(page).contains("Hidden case 1", "Hidden case 2")
                .doesNotContain("small", "328350", "printed-by-small-case", "Traceback");

        String staff = api("grader", "/api/submissions/" + id);
        assertThat(staff).contains("small", "328350", "printed-by-small-case", "Traceback");
        assertThat(PortalSession.as("grader").get("/submissions/" + id).then().extract().asString())
                .contains("small", "328350");
    }

    @Test
    void theExercisePageNamesNoHiddenCaseAndKeepsTheModelFromStudents() {
        String slug = hiddenExercise();
        String student = api("alice", "/api/exercises/" + slug);
        assertThat(student).contains("\"cases\":[\"Hidden case 1\",\"Hidden case 2\"]", "\"expectedModel\":null");
        assertThat(api("instructor", "/api/exercises/" + slug))
                .contains("\"cases\":[\"small\",\"zero\"]", "\"expectedModel\":\"processes\"");
        assertThat(PortalSession.as("alice").get("/exercises/" + slug).then().statusCode(200).extract().asString())
                .doesNotContain("Expected model", "<dd>processes</dd>");
    }

    @Test
    void anAfterDeadlineCaseIsShownOnceTheDeadlineHasPassed() {
        String slug = hiddenExercise();
        long id = fixtures.graded(slug, "alice", 40, REPORT);
        fixtures.settings(slug, Instant.now().minusSeconds(60), null);
        String json = api("alice", "/api/submissions/" + id);
        assertThat(json).contains("\"name\":\"zero\"", "\"name\":\"Hidden case 1\"").doesNotContain("328350");
    }
}
