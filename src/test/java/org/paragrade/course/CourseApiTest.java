package org.paragrade.course;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.paragrade.account.Account;
import org.paragrade.submission.Submission;
import org.paragrade.submission.SubmissionStatus;
import org.paragrade.submission.Verdict;

/**
 * Courses through the API as an instructor with a real class would use them: create, import a roster
 * (good, bad, again), first login, offers that decide who sees what, late penalties, extensions, attempts.
 */
@QuarkusTest
class CourseApiTest {
    static final String SOLUTION = "def word_frequencies(paths, workers):\n    return {}\n";

    static String unique(String prefix) {
        return prefix + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    }

    static String createCourse() {
        String code = unique("c-");
        given().auth().preemptive().basic("instructor", "instructor").contentType("application/json")
                .body(Map.of("code", code, "title", "Concurrency " + code, "timeZone", "Europe/Berlin"))
                .post("/api/courses").then().statusCode(201).body("role", is("instructor"));
        return code;
    }

    static io.restassured.response.Response roster(String user, String code, String csv) {
        return given().auth().preemptive().basic(user, user)
                .multiPart("file", "roster.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/courses/" + code + "/roster");
    }

    /** Imports one new student and gives them their own password, as they would at first login. */
    static String newStudent(String code) {
        String name = unique("s");
        String initial = roster("instructor", code, name + "," + name + "," + name + "@example.org,student\n")
                .then().statusCode(200).extract().jsonPath().getString("accounts[0].initialPassword");
        changePassword(name, initial).then().statusCode(204);
        return name;
    }

    static io.restassured.response.Response changePassword(String user, String current) {
        return given().auth().preemptive().basic(user, current).contentType("application/json")
                .body(Map.of("current", current, "new", password(user))).put("/api/account/password");
    }

    static String password(String user) {
        return "a long own secret";
    }

    static void offer(String code, String slug, Map<String, Object> body) {
        given().auth().preemptive().basic("instructor", "instructor").contentType("application/json").body(body)
                .put("/api/courses/" + code + "/exercises/" + slug).then().statusCode(200)
                .body("exercise", is(slug));
    }

    static io.restassured.response.Response submit(String user, String slug, String course) {
        var spec = given().auth().preemptive().basic(user, password(user))
                .multiPart("file", "solution.py", SOLUTION.getBytes(StandardCharsets.UTF_8), "text/x-python");
        if (course != null) {
            spec.multiPart("course", course);
        }
        return spec.post("/api/exercises/" + slug + "/submissions");
    }

    static long accounts() {
        return QuarkusTransaction.requiringNew().call(() -> Account.count());
    }

    @Test
    void onlyASiteInstructorCreatesACourseAndABadOneIsRefused() {
        given().auth().preemptive().basic("alice", "alice").contentType("application/json")
                .body(Map.of("code", unique("x-"), "title", "Mine")).post("/api/courses").then().statusCode(403);
        given().auth().preemptive().basic("instructor", "instructor").contentType("application/json")
                .body(Map.of("code", "Bad Code", "title", "T")).post("/api/courses").then().statusCode(400)
                .body("error", containsString("course code"));
        given().auth().preemptive().basic("instructor", "instructor").contentType("application/json")
                .body(Map.of("code", unique("z-"), "title", "T", "timeZone", "Mars/Olympus")).post("/api/courses")
                .then().statusCode(400).body("error", containsString("time zone"));
        String code = createCourse();
        given().auth().preemptive().basic("instructor", "instructor").contentType("application/json")
                .body(Map.of("code", code, "title", "Again")).post("/api/courses").then().statusCode(400)
                .body("error", containsString("exists"));
        given().auth().preemptive().basic("instructor", "instructor").get("/api/courses").then().statusCode(200)
                .body("find { it.code == '" + code + "' }.timeZone", is("Europe/Berlin"))
                .body("find { it.code == 'demo' }.role", is("instructor"));
        given().auth().preemptive().basic("alice", "alice").get("/api/courses").then().statusCode(200)
                .body("code", not(hasItem(code))).body("find { it.code == 'demo' }.role", is("student"));
    }

    @Test
    void aRosterCreatesAccountsOnceEnrolsExistingOnesAndAgainChangesNothing() {
        String code = createCourse();
        String carol = unique("carol");
        String dan = unique("dan");
        String csv = "username,name,email,role\n" + carol + ",\"Carol, C.\"," + carol + "@example.org,\n"
                + dan + ",Dan," + dan + "@example.org,grader\n" + "bob,Bob,bob@example.org,student\n";
        JsonPath first = roster("instructor", code, csv).then().statusCode(200).extract().jsonPath();
        assertThat(first.getInt("created")).isEqualTo(2);
        assertThat(first.getInt("enrolled")).isEqualTo(3);
        assertThat(first.getList("accounts.username")).containsExactly(carol, dan);
        assertThat(first.getList("accounts.initialPassword", String.class)).allSatisfy(p -> assertThat(p).hasSize(14));

        given().auth().preemptive().basic("instructor", "instructor").get("/api/courses/" + code + "/members")
                .then().statusCode(200)
                .body("find { it.username == '" + carol + "' }.name", is("Carol, C."))
                .body("find { it.username == '" + carol + "' }.role", is("student"))
                .body("find { it.username == '" + dan + "' }.role", is("grader"))
                .body("find { it.username == 'bob' }.role", is("student"))
                .body("find { it.username == 'instructor' }.role", is("instructor"));

        long before = accounts();
        JsonPath again = roster("instructor", code, csv).then().statusCode(200).extract().jsonPath();
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("enrolled")).isZero();
        assertThat(again.getList("accounts")).isEmpty();
        assertThat(accounts()).isEqualTo(before);
        // bob's own password still works: an existing account is only enrolled
        given().auth().preemptive().basic("bob", "bob").get("/api/courses").then().statusCode(200)
                .body("code", hasItem(code));
    }

    @Test
    void aRosterWithBadLinesImportsNothingAndSaysWhichLines() {
        String code = createCourse();
        String fine = unique("fine");
        long before = accounts();
        roster("instructor", code, "username,name,email,role\n" + fine + ",Fine," + fine + "@example.org,student\n"
                + "Not Ok,Name,x@example.org,student\n" + fine + ",Twice," + fine + "@example.org,student\n"
                + "ok2,Name,not-an-email,teacher\n")
                .then().statusCode(400).body("error", containsString("Nothing was changed"))
                .body("lines.line", contains(3, 4, 5, 5))
                .body("lines[1].error", is("'" + fine + "' is already on line 2."))
                .body("lines[3].error", containsString("'teacher'"));
        assertThat(accounts()).isEqualTo(before);
        given().auth().preemptive().basic("instructor", "instructor").get("/api/courses/" + code + "/members")
                .then().body("username", contains("instructor"));
        roster("instructor", code, "").then().statusCode(400).body("error", containsString("Choose the roster"));
    }

    @Test
    void onlyTheCourseInstructorImportsAndOutsidersSeeNoCourse() {
        String code = createCourse();
        String student = newStudent(code);
        roster("alice", code, "x1,X,x1@example.org,student\n").then().statusCode(404);
        given().auth().preemptive().basic(student, password(student))
                .multiPart("file", "r.csv", "x2,X,x2@example.org,\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/courses/" + code + "/roster").then().statusCode(403)
                .body("error", containsString("instructors"));
        given().auth().preemptive().basic(student, password(student)).get("/api/courses/" + code + "/members")
                .then().statusCode(403);
        given().auth().preemptive().basic("grader", "grader").get("/api/courses/" + code + "/members")
                .then().statusCode(404);
    }

    @Test
    void anInitialPasswordOpensOnlyThePasswordChange() {
        String code = createCourse();
        String name = unique("fresh");
        String initial = roster("instructor", code, name + ",Fresh," + name + "@example.org,student\n")
                .then().statusCode(200).extract().jsonPath().getString("accounts[0].initialPassword");
        given().auth().preemptive().basic(name, initial).get("/api/exercises").then().statusCode(403)
                .body("error", containsString("initial"));
        given().auth().preemptive().basic(name, initial).get("/api/courses").then().statusCode(403);
        given().auth().preemptive().basic(name, initial).contentType("application/json")
                .body(Map.of("current", initial, "new", "short")).put("/api/account/password")
                .then().statusCode(400).body("error", containsString("at least 10"));
        given().auth().preemptive().basic(name, initial).contentType("application/json")
                .body(Map.of("current", "not-it", "new", "a long new secret")).put("/api/account/password")
                .then().statusCode(400).body("error", containsString("current password"));
        given().auth().preemptive().basic(name, initial).get("/api/exercises").then().statusCode(403);

        given().auth().preemptive().basic(name, initial).contentType("application/json")
                .body(Map.of("current", initial, "new", "a long new secret")).put("/api/account/password")
                .then().statusCode(204);
        given().auth().preemptive().basic(name, "a long new secret").get("/api/courses").then().statusCode(200)
                .body("code", hasItem(code));
        given().auth().preemptive().basic(name, initial).get("/api/courses").then().statusCode(401);
    }

    @Test
    void aStudentSeesAndSubmitsOnlyWhatTheirCoursesOffer() {
        String a = createCourse();
        String b = createCourse();
        offer(a, "wordfreq", Map.of());
        offer(b, "primes", Map.of());
        String student = newStudent(a);
        var me = given().auth().preemptive().basic(student, password(student));
        me.get("/api/exercises").then().statusCode(200).body("slug", contains("wordfreq"));
        given().auth().preemptive().basic(student, password(student)).get("/api/exercises/primes")
                .then().statusCode(404);
        given().auth().preemptive().basic(student, password(student)).get("/api/exercises/primes/starter")
                .then().statusCode(404);
        long before = QuarkusTransaction.requiringNew().call(() -> Submission.count());
        submit(student, "primes", null).then().statusCode(404);
        submit(student, "primes", b).then().statusCode(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Submission.count())).isEqualTo(before);
        long id = submit(student, "wordfreq", null).then().statusCode(202).extract().jsonPath().getLong("id");
        given().auth().preemptive().basic(student, password(student)).get("/api/submissions/" + id)
                .then().statusCode(200).body("course", is(a)).body("lateDays", is(0));
    }

    @Test
    void twoCoursesOfferingTheSameExerciseNeedTheCourseNamed() {
        String a = createCourse();
        String b = createCourse();
        offer(a, "wordfreq", Map.of());
        offer(b, "wordfreq", Map.of());
        String student = newStudent(a);
        roster("instructor", b, student + ",S," + student + "@example.org,student\n").then().statusCode(200);
        submit(student, "wordfreq", null).then().statusCode(400).body("error", containsString("'course'"))
                .body("error", containsString(a)).body("error", containsString(b));
        long id = submit(student, "wordfreq", b).then().statusCode(202).extract().jsonPath().getLong("id");
        given().auth().preemptive().basic(student, password(student)).get("/api/submissions/" + id)
                .then().body("course", is(b));
    }

    @Test
    void aLateSubmissionKeepsBothScoresAndAfterTheLateWindowIsRefused() {
        String code = createCourse();
        Instant deadline = Instant.now().minus(Duration.ofHours(30));
        offer(code, "wordfreq", Map.of("deadline", deadline.toString(),
                "lateUntil", Instant.now().plus(Duration.ofDays(2)).toString(), "latePenaltyPerDay", 0.1));
        String student = newStudent(code);
        long id = submit(student, "wordfreq", null).then().statusCode(202).extract().jsonPath().getLong("id");
        recordGrade(id, Verdict.ACCEPTED, 80.0);
        given().auth().preemptive().basic(student, password(student)).get("/api/submissions/" + id)
                .then().statusCode(200).body("lateDays", is(2)).body("rawScore", is(80.0f))
                .body("score", is(64.0f));

        offer(code, "wordfreq", Map.of("deadline", deadline.toString(),
                "lateUntil", Instant.now().minus(Duration.ofHours(1)).toString(), "latePenaltyPerDay", 0.1));
        submit(student, "wordfreq", null).then().statusCode(409).body("error", containsString("closed"));

        Instant extended = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        given().auth().preemptive().basic("instructor", "instructor").contentType("application/json")
                .body(Map.of("username", student, "exercise", "wordfreq", "deadline", extended.toString()))
                .put("/api/courses/" + code + "/extensions").then().statusCode(200).body("username", is(student));
        long onTime = submit(student, "wordfreq", null).then().statusCode(202).extract().jsonPath().getLong("id");
        given().auth().preemptive().basic(student, password(student)).get("/api/submissions/" + onTime)
                .then().body("lateDays", is(0));
        // the exercise, as the student reads it, carries their own deadline: the extension's
        String shown = given().auth().preemptive().basic(student, password(student)).get("/api/exercises/wordfreq")
                .then().statusCode(200).extract().jsonPath().getString("deadline");
        assertThat(Instant.parse(shown)).isEqualTo(extended);
        String listed = given().auth().preemptive().basic(student, password(student)).get("/api/exercises")
                .then().statusCode(200).extract().jsonPath().getString("find { it.slug == 'wordfreq' }.deadline");
        assertThat(Instant.parse(listed)).isEqualTo(extended);
    }

    @Test
    void badOffersAndExtensionsChangeNothing() {
        String code = createCourse();
        String student = newStudent(code);
        var instructor = given().auth().preemptive().basic("instructor", "instructor").contentType("application/json");
        instructor.body(Map.of("deadline", "tomorrow", "latePenaltyPerDay", 2, "maxAttempts", 0, "release", "never"))
                .put("/api/courses/" + code + "/exercises/wordfreq").then().statusCode(400)
                .body("error", allOf(containsString("deadline"), containsString("latePenaltyPerDay"),
                        containsString("maxAttempts"), containsString("release")));
        given().auth().preemptive().basic(student, password(student)).get("/api/exercises/wordfreq")
                .then().statusCode(404);
        given().auth().preemptive().basic("instructor", "instructor").contentType("application/json")
                .body(Map.of("lateUntil", "2027-03-01T10:00")).put("/api/courses/" + code + "/exercises/wordfreq")
                .then().statusCode(400).body("error", containsString("needs a deadline"));
        given().auth().preemptive().basic("instructor", "instructor").contentType("application/json")
                .body(Map.of("username", student, "exercise", "wordfreq", "deadline", "2027-03-01T10:00"))
                .put("/api/courses/" + code + "/extensions").then().statusCode(400)
                .body("error", containsString("does not offer"));
        given().auth().preemptive().basic(student, password(student)).contentType("application/json")
                .body(Map.of("deadline", "2027-03-01T10:00")).put("/api/courses/" + code + "/exercises/wordfreq")
                .then().statusCode(403);
        // a time without an offset is read in the course's zone (Europe/Berlin: UTC+1 in March)
        given().auth().preemptive().basic("instructor", "instructor").contentType("application/json")
                .body(Map.of("deadline", "2027-03-01T10:00")).put("/api/courses/" + code + "/exercises/wordfreq")
                .then().statusCode(200).body("deadline", is("2027-03-01T09:00:00Z"));
    }

    @Test
    void anInternalErrorNeverUsesAnAttempt() {
        String code = createCourse();
        offer(code, "wordfreq", Map.of("maxAttempts", 1));
        String student = newStudent(code);
        long first = submit(student, "wordfreq", null).then().statusCode(202).extract().jsonPath().getLong("id");
        recordGrade(first, Verdict.INTERNAL_ERROR, null);
        long second = submit(student, "wordfreq", null).then().statusCode(202).extract().jsonPath().getLong("id");
        assertThat(second).isGreaterThan(first);
        submit(student, "wordfreq", null).then().statusCode(409).body("error", containsString("all 1 attempts"));
    }

    @Test
    void theGradeBookHasAColumnPerOfferTheKeptScoreAfterPenaltyAndNoFormulas() {
        String code = createCourse();
        offer(code, "wordfreq", Map.of());
        offer(code, "primes", Map.of());
        String good = newStudent(code);
        String evil = unique("evil");
        String initial = roster("instructor", code, evil + ",\"=HYPERLINK(\"\"http://x.example\"\")\","
                + evil + "@example.org,student\n").then().statusCode(200).extract().jsonPath()
                .getString("accounts[0].initialPassword");
        changePassword(evil, initial).then().statusCode(204);

        recordGrade(submit(good, "wordfreq", null).then().statusCode(202).extract().jsonPath().getLong("id"),
                Verdict.WRONG_ANSWER, 60.0);
        offer(code, "wordfreq", Map.of("deadline", Instant.now().minus(Duration.ofHours(30)).toString(),
                "lateUntil", Instant.now().plus(Duration.ofDays(1)).toString(), "latePenaltyPerDay", 0.1));
        recordGrade(submit(good, "wordfreq", null).then().statusCode(202).extract().jsonPath().getLong("id"),
                Verdict.ACCEPTED, 80.0);
        recordGrade(submit(evil, "wordfreq", null).then().statusCode(202).extract().jsonPath().getLong("id"),
                Verdict.ACCEPTED, 100.0);

        String csv = given().auth().preemptive().basic("grader", "grader").get("/api/courses/demo/grades.csv")
                .then().statusCode(200).extract().asString();
        assertThat(csv).startsWith("student,name,");
        csv = given().auth().preemptive().basic("instructor", "instructor").get("/api/courses/" + code + "/grades.csv")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.split("\n")).containsExactly(
                "student,name,primes,wordfreq,total",
                // by user name: "evil..." before "s..."; both late by 2 started days at 10% a day
                lineOf(evil, "\"'=HYPERLINK(\"\"http://x.example\"\")\"", "", "80.0", "80.0"),
                lineOf(good, good, "", "64.0", "64.0"));
        given().auth().preemptive().basic(good, password(good)).get("/api/courses/" + code + "/grades.csv")
                .then().statusCode(403);
        given().auth().preemptive().basic("alice", "alice").get("/api/courses/" + code + "/grades.csv")
                .then().statusCode(404);
    }

    @Test
    void scoresReleasedAfterTheDeadlineStayHiddenFromTheStudentUntilThen() {
        String code = createCourse();
        offer(code, "wordfreq", Map.of("deadline", Instant.now().plus(Duration.ofDays(2)).toString(),
                "release", "after-deadline"));
        String student = newStudent(code);
        long id = submit(student, "wordfreq", null).then().statusCode(202).extract().jsonPath().getLong("id");
        recordGrade(id, Verdict.ACCEPTED, 80.0);
        String points = "With 2 workers: credited speed-up 1.80× (1.70–1.90) against a goal of 1.44×: 30.0 of 35.0"
                + " performance points.";
        QuarkusTransaction.requiringNew().run(() -> Submission.<Submission>findById(id).report = """
                {"message": "Correct.", "feedback": ["Your threads overlap their waits.", "%s",
                 "Behaviour: 15.0 of 15.0 points."], "scoreBreakdown": {"correctness": 50, "performance": 30,
                 "behaviour": 15, "total": 95, "max": 100, "notes": ["%s"]}}""".formatted(points, points));
        given().auth().preemptive().basic(student, password(student)).get("/api/submissions/" + id)
                .then().statusCode(200).body("status", is("GRADED")).body("score", nullValue())
                .body("rawScore", nullValue()).body("automaticScore", nullValue())
                .body("scoreBreakdown", nullValue())
                // the feedback explains the run but gives no points away
                .body("feedback", contains("Your threads overlap their waits."));
        given().auth().preemptive().basic("grader", "grader").get("/api/submissions/" + id)
                .then().body("feedback", hasItem(points));
        given().auth().preemptive().basic(student, password(student)).get("/api/submissions?exercise=wordfreq")
                .then().statusCode(200).body("[0].score", nullValue());
        given().auth().preemptive().basic("grader", "grader").get("/api/submissions/" + id)
                .then().body("score", is(80.0f));

        offer(code, "wordfreq", Map.of("deadline", Instant.now().minusSeconds(5).toString(),
                "release", "after-deadline"));
        given().auth().preemptive().basic(student, password(student)).get("/api/submissions/" + id)
                .then().body("score", is(80.0f));
    }

    static String lineOf(String... cells) {
        return String.join(",", cells);
    }

    /** What the grading worker's record stage writes (the test profile runs no worker). */
    static void recordGrade(long id, Verdict verdict, Double score) {
        QuarkusTransaction.requiringNew().run(() -> {
            Submission s = Submission.findById(id);
            s.status = verdict == Verdict.INTERNAL_ERROR ? SubmissionStatus.ERROR : SubmissionStatus.GRADED;
            s.verdict = verdict;
            s.score = score;
            s.maxScore = 100.0;
            s.gradedAt = Instant.now();
        });
    }

}
