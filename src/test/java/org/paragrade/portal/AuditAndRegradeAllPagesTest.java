package org.paragrade.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.paragrade.submission.Submission;
import org.paragrade.submission.SubmissionStatus;
import org.paragrade.submission.Verdict;

/**
 * The portal's faces of the audit trail and of regrade-all: a course's instructor reads the trail of their
 * course (filtered, student text as text), others are refused; staff start a regrade-all from the exercise
 * page with a CSRF-protected form and watch its progress on a page that refreshes until it is done.
 */
@QuarkusTest
class AuditAndRegradeAllPagesTest {
    static final String OWN = "a long own secret";

    @Inject
    PortalFixtures fixtures;
    @Inject
    EntityManager em;

    @Test
    void aCoursesInstructorReadsItsTrailFilteredAndEscaped() {
        String code = "audit-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        api("instructor", "instructor").contentType("application/json")
                .body(Map.of("code", code, "title", "Audited " + code)).post("/api/courses").then().statusCode(201);
        api("instructor", "instructor").contentType("application/json").body(Map.of())
                .put("/api/courses/" + code + "/exercises/wordfreq").then().statusCode(200);
        String student = "s" + code.substring(6);
        String initial = api("instructor", "instructor").multiPart("file", "roster.csv",
                        (student + ",Student," + student + "@example.org,student\n").getBytes(StandardCharsets.UTF_8),
                        "text/csv").post("/api/courses/" + code + "/roster").then().statusCode(200)
                .extract().jsonPath().getString("accounts[0].initialPassword");
        api(student, initial).contentType("application/json").body(Map.of("current", initial, "new", OWN))
                .put("/api/account/password").then().statusCode(204);
        long id = api(student, OWN).multiPart("file", "solution.py",
                        "def word_frequencies(paths, workers):\n    return {}\n".getBytes(StandardCharsets.UTF_8),
                        "text/x-python").post("/api/exercises/wordfreq/submissions").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        graded(id, 40.0);

        PortalSession staff = PortalSession.as("instructor");
        staff.get("/courses/" + code).then().statusCode(200)
                .body(containsString("href=\"/courses/" + code + "/audit\""));
        staff.get("/submissions/" + id).then().statusCode(200);
        staff.postForm("/submissions/" + id + "/grade", Map.of("score", "55",
                "comment", "<script>alert('x')</script> partial credit")).then().statusCode(303);
        staff.postForm("/submissions/" + id + "/regrade", Map.of()).then().statusCode(303);

        String page = staff.get("/courses/" + code + "/audit").then().statusCode(200).extract().asString();
        assertThat(page).contains("<td>grade override</td>", "<td>regrade</td>", "<td>offer change</td>",
                        "<td>roster import</td>", "<td>course created</td>", "#" + id)
                .as("the action filter offers every action").contains("<option value=\"BUNDLE_UPLOAD\">bundle upload",
                        "<option value=\"LIMITS_EDIT\">limits edit", "<option value=\"COURSE_CREATE\">course created")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; partial credit")
                .doesNotContain("<script>alert");
        assertThat(page.indexOf("<td>regrade</td>")).as("newest first")
                .isLessThan(page.indexOf("<td>grade override</td>"));
        String overrides = staff.get("/courses/" + code + "/audit?action=OVERRIDE").then().statusCode(200)
                .extract().asString();
        assertThat(overrides).contains("<td>grade override</td>", "40 (automatic) → 55 / 100")
                .contains("<option value=\"OVERRIDE\" selected>")
                .doesNotContain("<td>roster import</td>", "<td>regrade</td>");
        staff.get("/courses/" + code + "/audit?action=nonsense").then().statusCode(400)
                .body(containsString("There is no action"));

        PortalSession pupil = PortalSession.login(student, OWN);
        pupil.get("/courses/" + code).then().statusCode(200).body(not(containsString("/audit\"")));
        pupil.get("/courses/" + code + "/audit").then().statusCode(403);
        PortalSession.as("alice").get("/courses/" + code + "/audit").then().statusCode(404);
    }

    @Test
    void regradeAllFromTheExercisePageThenItsProgressUntilDone() {
        String slug = fixtures.exercise("regrade-page-" + ThreadLocalRandom.current().nextInt(100000), null);
        fixtures.graded(slug, "alice", 40, PortalFixtures.FULL_REPORT);
        fixtures.graded(slug, "bob", 70, PortalFixtures.FULL_REPORT);

        PortalSession.as("grader").postForm("/grader/exercises/" + slug + "/regrade-all", Map.of("course", ""))
                .then().statusCode(403).body(containsString("The form had expired"));
        PortalSession.as("alice").get("/grader/exercises/" + slug).then().statusCode(403);

        PortalSession grader = PortalSession.as("grader");
        grader.get("/grader/exercises/" + slug).then().statusCode(200)
                .body(containsString("id=\"regrade-all-form\""))
                .body(containsString("<option value=\"\">every student, in every course</option>"));
        var started = grader.postForm("/grader/exercises/" + slug + "/regrade-all", Map.of("course", ""));
        started.then().statusCode(303).header("Location", endsWith("/grader/exercises/" + slug + "/regrade-all"));

        String going = grader.get("/grader/exercises/" + slug + "/regrade-all").then().statusCode(200)
                .extract().asString();
        assertThat(going).contains("<meta http-equiv=\"refresh\" content=\"5\">", "Asked by grader")
                .contains("id=\"regrade-queued\">2<", "id=\"regrade-waiting\">2<", "id=\"regrade-done\">0<")
                .contains("every student, in every course");

        // the worker grades them (as far as the page is concerned: the batch's jobs end)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update grading_job set state = 'DONE' "
                + "where batch_id = (select max(b.id) from regrade_batch b join exercise e on e.id = b.exercise_id "
                + "where e.slug = :slug)").setParameter("slug", slug).executeUpdate());
        String done = grader.get("/grader/exercises/" + slug + "/regrade-all").then().statusCode(200)
                .extract().asString();
        assertThat(done).contains("Done: all 2 graded", "id=\"regrade-done\">2<").doesNotContain("http-equiv");

        JsonPath trail = api("grader", "grader").get("/api/audit?action=REGRADE_ALL&actor=grader&limit=5").then()
                .statusCode(200).extract().jsonPath();
        assertThat(trail.getString("entries[0].exercise")).isEqualTo(slug);
        assertThat(trail.getString("entries[0].summary")).contains("in every course", "2 kept submission(s)");
        PortalSession.as("grader").get("/grader/exercises/nope/regrade-all").then().statusCode(404);
    }

    private static io.restassured.specification.RequestSpecification api(String user, String password) {
        return given().auth().preemptive().basic(user, password);
    }

    private static void graded(long id, double score) {
        QuarkusTransaction.requiringNew().run(() -> {
            Submission s = Submission.findById(id);
            s.status = SubmissionStatus.GRADED;
            s.verdict = Verdict.WRONG_ANSWER;
            s.score = score;
            s.maxScore = 100.0;
            s.gradedAt = Instant.now();
        });
    }
}
