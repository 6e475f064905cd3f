package org.paragrade.course;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.paragrade.course.CourseApiTest.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paragrade.portal.PortalFixtures;
import org.paragrade.submission.Verdict;
import org.paragrade.testing.OpenApiCheck;

/**
 * The audit trail, driven through the real endpoints: each change a grade or a deadline depends on appears
 * once, with who made it and what it was before; a course's trail is its instructors' (and site staff's), and
 * nobody else reads it.
 */
@QuarkusTest
class AuditTrailTest {
    @Inject
    PortalFixtures fixtures;
    @Inject
    EntityManager em;

    static final java.util.Set<String> DEMO = java.util.Set.of("instructor", "grader", "alice", "bob");

    /** The demo accounts' passwords are their names; a roster's people chose their own at first login. */
    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, DEMO.contains(user) ? user : password(user));
    }

    static JsonPath trail(String user, String code) {
        return as(user).get("/api/courses/" + code + "/audit?limit=200").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void eachChangeIsRecordedOnceWithWhoMadeItAndWhatItWas() {
        String code = createCourse();
        String student = newStudent(code);                                  // ROSTER_IMPORT
        offer(code, "wordfreq", Map.of());                                  // OFFER_CHANGE
        offer(code, "wordfreq", Map.of("deadline", "2099-03-01T23:59"));    // DEADLINE_CHANGE
        long id = submit(student, "wordfreq", null).then().statusCode(202).extract().jsonPath().getLong("id");
        recordGrade(id, Verdict.WRONG_ANSWER, 40.0);
        noJobWaiting();
        as("grader").post("/api/submissions/" + id + "/regrade").then().statusCode(202);           // REGRADE
        as("grader").contentType("application/json").body(Map.of("score", 75, "comment", "Fair, see the lock."))
                .put("/api/submissions/" + id + "/grade").then().statusCode(200);                   // OVERRIDE
        as("instructor").contentType("application/json").body(Map.of("username", student, "exercise", "wordfreq",
                "deadline", "2099-03-08T23:59")).put("/api/courses/" + code + "/extensions")
                .then().statusCode(200);                                                            // EXTENSION
        roster("instructor", code, student + "," + student + "," + student + "@example.org,grader\n")
                .then().statusCode(200);                                         // ROSTER_IMPORT + MEMBER_ROLE
        as("instructor").post("/api/exercises/wordfreq/regrade-all?course=" + code).then().statusCode(202);

        JsonPath t = trail("instructor", code);
        List<String> actions = t.getList("entries.action");
        assertThat(actions).as("newest first").containsExactly("REGRADE_ALL", "ROSTER_IMPORT", "MEMBER_ROLE",
                "EXTENSION", "OVERRIDE", "REGRADE", "DEADLINE_CHANGE", "OFFER_CHANGE", "ROSTER_IMPORT",
                "COURSE_CREATE");
        assertThat(t.getList("entries.course")).containsOnly(code);
        assertThat(t.getList("entries.actor")).containsExactly("instructor", "instructor", "instructor",
                "instructor", "grader", "grader", "instructor", "instructor", "instructor", "instructor");
        assertThat(t.getLong("entries[5].submission")).isEqualTo(id);
        assertThat(t.getString("entries[5].student")).isEqualTo(student);
        assertThat(t.getString("entries[5].summary")).contains("#" + id, "WRONG_ANSWER 40 / 100");
        assertThat(t.getString("entries[4].summary")).contains("40 (automatic) → 75 / 100", "Fair, see the lock.");
        assertThat(t.getString("entries[6].summary")).contains("deadline: none → 2099-03-01 23:59 Europe/Berlin");
        assertThat(t.getString("entries[3].summary")).contains(student,
                "deadline: 2099-03-01 23:59 Europe/Berlin → 2099-03-08 23:59 Europe/Berlin");
        assertThat(t.getString("entries[2].summary")).contains(student + "'s role in " + code + ": student → grader");
        assertThat(t.getString("entries[8].summary")).contains("1 account(s) created", student + " (student)");
        assertThat(t.getString("entries[0].exercise")).isEqualTo("wordfreq");
        assertThat(t.getString("entries[0].summary")).contains("in " + code, "queued against version");
        assertThat(t.getString("next")).as("one page holds them all").isNull();
    }

    /** Site staff regrading every course at once: each course it touched shows it in its own trail. */
    @Test
    void aRegradeOfEveryCourseShowsInEachCourseItTouched() {
        String code = createCourse();
        String student = newStudent(code);
        offer(code, "wordfreq", Map.of());
        long id = submit(student, "wordfreq", null).then().statusCode(202).extract().jsonPath().getLong("id");
        recordGrade(id, Verdict.WRONG_ANSWER, 40.0);
        noJobWaiting();
        as("grader").post("/api/exercises/wordfreq/regrade-all").then().statusCode(202);

        JsonPath t = trail("instructor", code);
        assertThat(t.getString("entries[0].action")).isEqualTo("REGRADE_ALL");
        assertThat(t.getString("entries[0].actor")).isEqualTo("grader");
        assertThat(t.getString("entries[0].course")).isEqualTo(code);
        assertThat(t.getString("entries[0].summary")).contains("in every course", "1 of this course's");
    }

    @Test
    void publishingAndAnExercisesOwnSettingsAreSiteWideAndReadBySiteStaff() throws Exception {
        String slug = fixtures.exercise("audited-" + unique(""), null);
        as("instructor").contentType("application/json").body(Map.of("published", false))
                .put("/api/exercises/" + slug + "/settings").then().statusCode(200);
        as("instructor").contentType("application/json").body(Map.of("published", true, "maxAttempts", 3))
                .put("/api/exercises/" + slug + "/settings").then().statusCode(200);
        as("instructor").contentType("application/json").body(Map.of("published", true))
                .put("/api/exercises/" + slug + "/settings").then().statusCode(200); // no change: nothing recorded

        String body = as("grader").get("/api/audit?limit=20").then().statusCode(200).extract().asString();
        JsonPath all = JsonPath.from(body);
        List<Map<String, Object>> mine = all.getList("entries.findAll { it.exercise == '" + slug + "' }");
        assertThat(mine).extracting(e -> e.get("action")).containsExactly("EXERCISE_SETTINGS", "PUBLISH", "PUBLISH");
        assertThat(mine).extracting(e -> e.get("actor")).containsOnly("instructor");
        assertThat(mine).extracting(e -> e.get("course")).containsOnly((Object) null);
        assertThat((String) mine.get(1).get("summary")).contains(slug + " published");
        assertThat((String) mine.get(2).get("summary")).contains(slug + " hidden");
        assertThat((String) mine.get(0).get("summary")).contains("attempt limit: no limit → 3");
        as("grader").get("/api/audit?action=PUBLISH&limit=5").then().statusCode(200)
                .body("entries.action", everyItem(is("PUBLISH")));
        String output = new OpenApiCheck().answer("get /api/audit", 200, body).run();
        assertThat(output).contains("checked get /api/audit 200");
    }

    @Test
    void aCourseInstructorReadsTheirCoursesTrailAndNobodyElseDoes() {
        String a = createCourse();
        String b = createCourse();
        String teacher = unique("i-");
        String ta = unique("t-");
        JsonPath imported = roster("instructor", a, teacher + ",Teacher," + teacher + "@example.org,instructor\n"
                + ta + ",TA," + ta + "@example.org,grader\n").then().statusCode(200).extract().jsonPath();
        String initial = imported.getString("accounts.find { it.username == '" + teacher + "' }.initialPassword");
        changePassword(teacher, initial).then().statusCode(204);
        changePassword(ta, imported.getString("accounts.find { it.username == '" + ta + "' }.initialPassword"))
                .then().statusCode(204);
        String studentA = newStudent(a);
        String studentB = newStudent(b);
        offer(b, "wordfreq", Map.of());

        JsonPath mine = trail(teacher, a);
        assertThat(mine.getList("entries.course")).containsOnly(a);
        assertThat(mine.getString("entries[-1].action")).isEqualTo("COURSE_CREATE");
        assertThat(mine.getString("entries[-2].summary")).contains(teacher + " (instructor)", ta + " (grader)")
                .as("never the initial passwords").doesNotContain(initial);
        as(teacher).get("/api/courses/" + b + "/audit").then().statusCode(404).body("error", containsString(b));
        as(studentB).get("/api/courses/" + a + "/audit").then().statusCode(404);
        as(studentA).get("/api/courses/" + a + "/audit").then().statusCode(403).body("error", containsString("instructors"));
        as(ta).get("/api/courses/" + a + "/audit").then().statusCode(403);
        as(teacher).get("/api/audit").then().statusCode(403).body("error", notNullValue());
        as("alice").get("/api/audit").then().statusCode(403);
        given().get("/api/courses/" + a + "/audit").then().statusCode(401);
        // site staff read any course's trail, also through the site-wide one
        assertThat(trail("grader", b).getList("entries.action")).containsExactly("OFFER_CHANGE", "ROSTER_IMPORT",
                "COURSE_CREATE");
        as("grader").get("/api/audit?course=" + b).then().statusCode(200).body("entries.course", everyItem(is(b)));
        as("grader").get("/api/audit?course=no-such-course").then().statusCode(404);
    }

    @Test
    void badFiltersAreRefusedAndPagesFollowEachOther() {
        String code = createCourse();
        newStudent(code);
        newStudent(code);
        newStudent(code);
        as("instructor").get("/api/courses/" + code + "/audit?action=DELETE_EVERYTHING").then().statusCode(400)
                .body("error", containsString("There is no action 'DELETE_EVERYTHING'"))
                .body("error", containsString("ROSTER_IMPORT"));
        as("instructor").get("/api/courses/" + code + "/audit?limit=0").then().statusCode(400)
                .body("error", containsString("limit"));
        as("instructor").get("/api/courses/" + code + "/audit?before=x").then().statusCode(400)
                .body("error", containsString("before"));
        JsonPath first = as("instructor").get("/api/courses/" + code + "/audit?limit=2").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("entries")).hasSize(2);
        long next = first.getLong("next");
        JsonPath second = as("instructor").get("/api/courses/" + code + "/audit?limit=2&before=" + next)
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("entries.id", Long.class)).hasSize(2).allMatch(i -> i < next);
        assertThat(second.getString("next")).isNull();
        // a refused change leaves no entry: the entry commits with its change or not at all
        roster("instructor", code, "BAD NAME,x,x@example.org,\n").then().statusCode(400);
        as("instructor").contentType("application/json").body(Map.of("latePenaltyPerDay", 5))
                .put("/api/courses/" + code + "/exercises/wordfreq").then().statusCode(400);
        as("instructor").get("/api/courses/" + code + "/audit").then().statusCode(200)
                .body("entries.action", contains("ROSTER_IMPORT", "ROSTER_IMPORT", "ROSTER_IMPORT", "COURSE_CREATE"));
        as("instructor").get("/api/courses/" + code + "/audit?action=roster_import").then().statusCode(200)
                .body("entries", hasSize(3));
    }

    /** Creating a course: its code, title and time zone, the first entry of its own trail; a refused one none. */
    @Test
    void aCourseCreatedIsTheFirstEntryOfItsTrail() {
        String code = unique("c-");
        as("instructor").contentType("application/json").body(Map.of("code", code, "title", "Threads & GIL, 2027",
                "timeZone", "America/Chicago")).post("/api/courses").then().statusCode(201);
        as("instructor").contentType("application/json").body(Map.of("code", code, "title", "Again"))
                .post("/api/courses").then().statusCode(400);                       // exists: nothing recorded

        JsonPath t = trail("instructor", code);
        assertThat(t.getList("entries.action")).containsExactly("COURSE_CREATE");
        assertThat(t.getString("entries[0].actor")).isEqualTo("instructor");
        assertThat(t.getString("entries[0].course")).isEqualTo(code);
        assertThat(t.getString("entries[0].summary")).contains("Course " + code + " created",
                "\"Threads & GIL, 2027\"", "time zone America/Chicago", "instructor is its first instructor");
        as("grader").get("/api/audit?action=COURSE_CREATE&course=" + code).then().statusCode(200)
                .body("entries.action", contains("COURSE_CREATE"));
    }

    private void noJobWaiting() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update grading_job set state = 'DONE' where state in ('QUEUED', 'RUNNING')").executeUpdate());
    }
}
