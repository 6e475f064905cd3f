package org.paragrade.course;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.paragrade.course.CourseApiTest.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paragrade.account.Account;
import org.paragrade.curriculum.Bundle;
import org.paragrade.curriculum.CurriculumService;
import org.paragrade.portal.PortalFixtures;
import org.paragrade.portal.PortalSession;
import org.paragrade.submission.Verdict;

/**
 * Staff roles are per course: a roster's grader of course A grades A's submissions, in the API and the
 * portal, and finds course B's as if they did not exist — their account is a site student.
 */
@QuarkusTest
class CourseStaffScopeTest {
    @Inject
    CurriculumService curriculum;

    String a;
    String b;
    String ta;
    String studentA;
    String studentB;
    long inA;
    long inB;

    @BeforeEach
    void twoCoursesWithATeachingAssistantInA() {
        a = createCourse();
        b = createCourse();
        offer(a, "wordfreq", Map.of());
        offer(b, "wordfreq", Map.of());
        ta = unique("ta1-");
        String initial = roster("instructor", a, ta + ",TA One," + ta + "@example.org,grader\n")
                .then().statusCode(200).extract().jsonPath().getString("accounts[0].initialPassword");
        changePassword(ta, initial).then().statusCode(204);
        studentA = newStudent(a);
        studentB = newStudent(b);
        inA = submit(studentA, "wordfreq", null).then().statusCode(202).extract().jsonPath().getLong("id");
        inB = submit(studentB, "wordfreq", null).then().statusCode(202).extract().jsonPath().getLong("id");
        recordGrade(inA, Verdict.WRONG_ANSWER, 40.0);
        recordGrade(inB, Verdict.ACCEPTED, 90.0);
    }

    RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, password(user));
    }

    @Test
    void theRosterMakesASiteStudentWhoIsGraderOnlyOfTheirCourse() {
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(ta).orElseThrow().role))
                .isEqualTo("student");
        as(ta).get("/api/courses").then().statusCode(200)
                .body("code", contains(a)).body("[0].role", is("grader"));
        as(ta).get("/api/courses/" + b + "/members").then().statusCode(404);
        // a site grader would see every exercise; a course grader only what their course offers
        as(ta).get("/api/exercises/primes").then().statusCode(404);
        as(ta).get("/api/exercises").then().statusCode(200).body("slug", contains("wordfreq"));
        PortalSession.login(ta, password(ta)).get("/exercises").then().statusCode(200)
                .body(containsString("<span class=\"role\">student</span>"))
                .body(containsString("href=\"/grader\""));
    }

    @Test
    void atTheDeskTheGraderOfASeesAsQueueOnly() {
        for (var who : Map.of(studentA, inA, studentB, inB).entrySet()) {
            as(who.getKey()).contentType("application/json").body(Map.of("message", "Please look at the speed-up."))
                    .post("/api/submissions/" + who.getValue() + "/review-request").then().statusCode(201);
        }
        as(ta).get("/api/review").then().statusCode(200).body("id", hasItem((int) inA))
                .body("id", not(hasItem((int) inB)));
        as(ta).get("/api/review?course=" + b).then().statusCode(200).body("id", not(hasItem((int) inB)));
        as(ta).get("/api/submissions/" + inB + "/files").then().statusCode(404);
        as(ta).contentType("application/json").body(Map.of("action", "accept", "comment", "fine"))
                .post("/api/submissions/" + inB + "/review").then().statusCode(404);
        as(ta).contentType("application/json").body(Map.of("action", "accept", "comment", "fine"))
                .post("/api/submissions/" + inA + "/review").then().statusCode(200);
        given().auth().preemptive().basic("grader", "grader").get("/api/review?course=" + b).then().statusCode(200)
                .body("id", hasItem((int) inB));
        as(studentA).get("/api/review").then().statusCode(403);
    }

    @Test
    void throughTheApiTheGraderOfAGradesAAndFindsNothingOfB() {
        as(ta).get("/api/submissions/" + inB).then().statusCode(404);
        as(ta).post("/api/submissions/" + inB + "/regrade").then().statusCode(404);
        as(ta).contentType("application/json").body(Map.of("score", 100, "comment", "not mine to give"))
                .put("/api/submissions/" + inB + "/grade").then().statusCode(404);
        as(ta).get("/api/submissions").then().statusCode(200).body("id", hasItem((int) inA))
                .body("id", not(hasItem((int) inB)));
        as(ta).get("/api/submissions?exercise=wordfreq").then().statusCode(200)
                .body("id", hasItem((int) inA)).body("id", not(hasItem((int) inB)));
        String csv = as(ta).get("/api/exercises/wordfreq/grades.csv").then().statusCode(200).extract().asString();
        assertThat(csv).contains(studentA + ",wordfreq,1," + inA).doesNotContain(studentB);
        as(ta).get("/api/courses/" + b + "/grades.csv").then().statusCode(404);

        as(ta).get("/api/submissions/" + inA).then().statusCode(200)
                .body("student", is(studentA)).body("score", is(40.0f));
        as(ta).post("/api/submissions/" + inA + "/regrade").then().statusCode(202).body("status", is("QUEUED"));
        as(ta).contentType("application/json").body(Map.of("score", 55, "comment", "Partial credit, TA"))
                .put("/api/submissions/" + inA + "/grade").then().statusCode(200).body("score", is(55.0f));
        as(studentA).get("/api/submissions/" + inA).then().statusCode(200)
                .body("override.comment", is("Partial credit, TA"));
        as(studentB).get("/api/submissions/" + inB).then().body("score", is(90.0f));
        // site staff keep every course
        given().auth().preemptive().basic("grader", "grader").get("/api/submissions/" + inB).then().statusCode(200);
    }

    @Test
    void inThePortalTheGraderOfAWorksInAAndFindsNothingOfB() {
        PortalSession session = PortalSession.login(ta, password(ta));
        session.get("/grader").then().statusCode(200)
                .body(containsString("href=\"/grader/exercises/wordfreq\""))
                .body(not(containsString("href=\"/grader/exercises/primes\"")));
        String board = session.get("/grader/exercises/wordfreq").then().statusCode(200).extract().asString();
        assertThat(board).contains("href=\"/submissions/" + inA + "\"", "<td>" + studentA + "</td>")
                .doesNotContain("/submissions/" + inB + "\"", studentB);
        session.get("/grader/exercises/primes").then().statusCode(404);
        assertThat(session.get("/grader/exercises/wordfreq/grades.csv").then().statusCode(200).extract().asString())
                .contains(studentA).doesNotContain(studentB);

        session.get("/submissions/" + inB).then().statusCode(404).body(not(containsString(studentB)));
        session.get("/submissions/" + inA).then().statusCode(200)
                .body(containsString("by " + studentA))
                .body(containsString("id=\"override-form\"")).body(containsString("id=\"regrade-form\""));
        session.postForm("/submissions/" + inB + "/regrade", Map.of()).then().statusCode(404);
        session.postForm("/submissions/" + inB + "/grade", Map.of("score", "100", "comment", "x"))
                .then().statusCode(404);
        session.postForm("/submissions/" + inA + "/grade", Map.of("score", "60", "comment", "Portal credit, TA"))
                .then().statusCode(303).header("Location", endsWith("/submissions/" + inA + "?done=override"));
        session.postForm("/submissions/" + inA + "/regrade", Map.of()).then().statusCode(303);
        as(studentA).get("/api/submissions/" + inA).then().body("override.comment", is("Portal credit, TA"));
        as(studentB).get("/api/submissions/" + inB).then().body("override", nullValue());
    }

    @Test
    void aGraderTakenOffTheCourseLosesItsReportsAtOnceThoughTheirPageWasJustShown() {
        PortalSession session = PortalSession.login(ta, password(ta));
        session.get("/exercises"); // the form token's cookie, so the report page may be kept
        for (int i = 0; i < 3; i++) { // the full request, then reloads (kept pages, kept reads)
            session.get("/submissions/" + inA).then().statusCode(200).body(containsString("by " + studentA))
                    .body(containsString("id=\"override-form\""));
        }
        session.get("/grader").then().statusCode(200).body(containsString("href=\"/grader/exercises/wordfreq\""));
        // the instructor imports the roster again with the TA as a student of A: within the same second
        roster("instructor", a, ta + ",TA One," + ta + "@example.org,student\n").then().statusCode(200);
        session.get("/submissions/" + inA).then().statusCode(404).body(not(containsString(studentA)));
        session.get("/grader").then().statusCode(403);
    }

    @Test
    void theGraderOfASeesAnUnpublishedExerciseAOffersWithItsHiddenCases() {
        String slug = unique("draft-");
        Bundle tiny = PortalFixtures.bundleAs("tiny", slug, null);
        String yaml = tiny.text("exercise.yaml").replace("published: true", "published: false")
                .replace("  - name: small\n    params: {n: 100, workers: 2}\n",
                        "  - name: small\n    params: {n: 100, workers: 2}\n    visibility: hidden\n");
        assertThat(yaml).contains("published: false", "visibility: hidden");
        QuarkusTransaction.requiringNew().run(() -> curriculum.store(
                tiny.with(Map.of("exercise.yaml", yaml.getBytes(StandardCharsets.UTF_8))), "import", "test", null, null));
        offer(a, slug, Map.of());

        as(ta).get("/api/exercises").then().statusCode(200).body("slug", hasItem(slug));
        as(ta).get("/api/exercises/" + slug).then().statusCode(200).body("published", is(false))
                .body("cases", hasItem("small"));
        as(studentA).get("/api/exercises/" + slug).then().statusCode(404);
        PortalSession.login(ta, password(ta)).get("/grader").then().statusCode(200)
                .body(containsString("href=\"/grader/exercises/" + slug + "\""));
    }
}
