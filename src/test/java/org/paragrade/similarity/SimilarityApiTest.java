package org.paragrade.similarity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Similarity through the API as a course's staff use it: a renamed copy found and ranked first, independent
 * work and the shared starter code not; the run kept, stale when a new submission arrives, run again on
 * request; the course scope (a student, another course's grader, bad names).
 */
@QuarkusTest
class SimilarityApiTest {
    static String slug;
    static String other;
    static String course;
    static String otherCourse;
    static String ta;
    static String student;
    static Map<String, Long> ids;

    @Inject
    SimilarityFixtures fixtures;

    @BeforeEach
    void oneCourseOfFiveStudents() {
        if (slug != null) {
            return;
        }
        slug = fixtures.exercise();
        other = fixtures.exercise();
        course = SimilarityFixtures.course(slug);
        otherCourse = SimilarityFixtures.course(slug, other);
        ta = SimilarityFixtures.unique("ta-");
        String[] s = new String[5];
        StringBuilder csv = new StringBuilder(ta + ",TA," + ta + "@example.org,grader\n");
        for (int i = 0; i < s.length; i++) {
            s[i] = SimilarityFixtures.unique("st" + i + "-");
            csv.append(s[i]).append(',').append(s[i]).append(',').append(s[i]).append("@example.org,student\n");
        }
        student = s[0];
        SimilarityFixtures.roster(course, csv.toString(), ta, student);
        ids = Map.of(
                "original", fixtures.graded(slug, s[0], SimilaritySamples.ORIGINAL, 80),
                "renamed", fixtures.graded(slug, s[1], SimilaritySamples.RENAMED, 75),
                "independent", fixtures.graded(slug, s[2], SimilaritySamples.INDEPENDENT, 90),
                "starterA", fixtures.graded(slug, s[3], SimilaritySamples.STARTER + SimilaritySamples.INDEPENDENT_TAIL_A, 60),
                "starterB", fixtures.graded(slug, s[4], SimilaritySamples.STARTER + SimilaritySamples.INDEPENDENT_TAIL_B, 65));
    }

    static RequestSpecification as(String user) {
        String password = user.equals("grader") || user.equals("instructor") ? user : SimilarityFixtures.PASSWORD;
        return given().auth().preemptive().basic(user, password);
    }

    static double similarity(JsonPath pairs, String x, String y) {
        long a = ids.get(x);
        long b = ids.get(y);
        for (Map<String, Object> p : pairs.<Map<String, Object>>getList("")) {
            long pa = ((Number) p.get("a")).longValue();
            long pb = ((Number) p.get("b")).longValue();
            if ((pa == a && pb == b) || (pa == b && pb == a)) {
                return ((Number) p.get("similarity")).doubleValue();
            }
        }
        return 0;
    }

    @Test
    void theRenamedCopyRanksFirstAndIndependentWorkAndTheStarterDoNot() {
        Response r = as(ta).get("/api/exercises/" + slug + "/similarity?course=" + course);
        r.then().statusCode(200).header("X-Similarity-State", "DONE").header("X-Similarity-Computed-At", notNullValue())
                .header("X-Similarity-Stale", "false");
        JsonPath pairs = r.jsonPath();
        assertThat(pairs.getList("")).hasSize(10);
        assertThat(List.of(pairs.getLong("[0].a"), pairs.getLong("[0].b")))
                .containsExactlyInAnyOrder(ids.get("original"), ids.get("renamed"));
        assertThat(pairs.getString("[0].studentA")).startsWith("st");
        assertThat(similarity(pairs, "original", "renamed")).isGreaterThan(0.8);
        assertThat(similarity(pairs, "original", "independent")).isLessThan(0.35);
        assertThat(similarity(pairs, "renamed", "independent")).isLessThan(0.35);
        assertThat(similarity(pairs, "starterA", "starterB")).as("the starter they share is not counted").isLessThan(0.25);
        List<Double> ranked = pairs.getList("similarity", Double.class);
        assertThat(ranked).isSortedAccordingTo((x, y) -> Double.compare(y, x)).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));

        // the run is kept: a second look is the same run
        String run = r.header("X-Similarity-Run");
        as(ta).get("/api/exercises/" + slug + "/similarity").then().statusCode(200).header("X-Similarity-Run", run);
        as("grader").get("/api/exercises/" + slug + "/similarity/run?course=" + course).then().statusCode(200)
                .body("id", is(Integer.parseInt(run))).body("state", is("DONE")).body("submissions", is(5))
                .body("course", is(course)).body("computedAt", notNullValue()).body("skipped", empty());
    }

    @Test
    void aNewSubmissionMakesTheRunStaleAndAPostRunsItAgain() throws Exception {
        String mine = fixtures.exercise();
        String c = SimilarityFixtures.course(mine);
        String x = SimilarityFixtures.unique("sx-");
        String y = SimilarityFixtures.unique("sy-");
        SimilarityFixtures.roster(c, x + ",X,x@example.org,student\n" + y + ",Y,y@example.org,student\n");
        fixtures.graded(mine, x, SimilaritySamples.ORIGINAL, 50);
        fixtures.graded(mine, y, SimilaritySamples.INDEPENDENT, 50);
        String first = as("grader").get("/api/exercises/" + mine + "/similarity?course=" + c).then().statusCode(200)
                .header("X-Similarity-Stale", "false").body("", hasSize(1)).extract().header("X-Similarity-Run");

        long copy = fixtures.graded(mine, y, SimilaritySamples.RENAMED, 95); // y's kept submission is now a copy
        as("grader").get("/api/exercises/" + mine + "/similarity?course=" + c).then().statusCode(200)
                .header("X-Similarity-Run", first).header("X-Similarity-Stale", "true");

        String second = as("grader").post("/api/exercises/" + mine + "/similarity?course=" + c).then().statusCode(202)
                .body("id", not(is(Integer.parseInt(first)))).extract().jsonPath().getString("id");
        JsonPath run = null;
        for (int i = 0; i < 100; i++) {
            run = as("grader").get("/api/exercises/" + mine + "/similarity/run?course=" + c).then().statusCode(200)
                    .extract().jsonPath();
            if (!"RUNNING".equals(run.getString("state"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(run.getString("id")).isEqualTo(second);
        assertThat(run.getString("state")).isEqualTo("DONE");
        assertThat(run.getBoolean("stale")).isFalse();
        assertThat(run.getLong("pairs[0].b") == copy || run.getLong("pairs[0].a") == copy).isTrue();
        assertThat(run.getDouble("pairs[0].similarity")).isGreaterThan(0.8);
    }

    @Test
    void theCourseScopeDecidesAndBadNamesGetClearErrors() {
        as(student).get("/api/exercises/" + slug + "/similarity").then().statusCode(403).body("error", notNullValue());
        as(student).post("/api/exercises/" + slug + "/similarity?course=" + course).then().statusCode(403);
        // a course the grader has nothing to do with does not exist to them (a 403 would say it does)
        as(ta).get("/api/exercises/" + slug + "/similarity?course=" + otherCourse).then().statusCode(404)
                .body("error", containsString(otherCourse));
        as(ta).get("/api/exercises/" + other + "/similarity").then().statusCode(404);
        as(ta).get("/api/exercises/no-such-exercise/similarity").then().statusCode(404)
                .body("error", containsString("no-such-exercise"));
        as("grader").get("/api/exercises/" + slug + "/similarity?course=no-such-course").then().statusCode(404)
                .body("error", containsString("no-such-course"));
        as("grader").get("/api/exercises/" + other + "/similarity?course=" + course).then().statusCode(404);
        given().get("/api/exercises/" + slug + "/similarity").then().statusCode(401);
        // site staff may compare every course at once
        as("instructor").get("/api/exercises/" + slug + "/similarity").then().statusCode(200).body("", hasSize(10));
    }
}
