package org.paragrade.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The course pages apply the API's rules with the same messages, times in the course's zone. */
@QuarkusTest
class CoursePagesTest {

    static String createCourse(PortalSession instructor) {
        String code = "p-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        instructor.get("/courses");
        var r = instructor.postForm("/courses", Map.of("code", code, "title", "Pages " + code,
                "timeZone", "America/New_York"));
        assertThat(r.statusCode()).isEqualTo(303);
        return code;
    }

    static io.restassured.response.Response roster(PortalSession s, String code, String csv) {
        s.get("/courses/" + code);
        var r = s.request().multiPart("file", "roster.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("csrf-token", s.token).post("/courses/" + code + "/roster");
        s.keep(r);
        return r;
    }

    @Test
    void aBadRosterShowsEveryLineAndImportsNothing() {
        PortalSession instructor = PortalSession.as("instructor");
        String code = createCourse(instructor);
        var r = roster(instructor, code, "username,name,email,role\nok1,Ok,ok1@example.org,\nBAD,x,y,z\n");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("Nothing was changed", "Line 3: The username &#39;BAD&#39;",
                "Line 3: &#39;y&#39; is not an email address", "Line 3: The role &#39;z&#39;");
        assertThat(instructor.get("/courses/" + code).asString()).doesNotContain("member-ok1");
    }

    @Test
    void offersAreEnteredAndShownInTheCourseTimeZone() {
        PortalSession instructor = PortalSession.as("instructor");
        String code = createCourse(instructor);
        instructor.get("/courses/" + code);
        var r = instructor.postForm("/courses/" + code + "/offers", Map.of("exercise", "wordfreq",
                "deadline", "2027-03-01T23:59", "lateUntil", "", "latePenaltyPerDay", "0.25", "maxAttempts", "",
                "release", "immediate"));
        assertThat(r.statusCode()).isEqualTo(303);
        String page = instructor.request().urlEncodingEnabled(false)
                .get(java.net.URI.create(r.header("Location")).getRawPath() + "?"
                        + java.net.URI.create(r.header("Location")).getRawQuery()).asString();
        assertThat(page).contains("The offer of wordfreq is saved", "2027-03-01 23:59 America/New_York",
                "25.0% a day");
        given().auth().preemptive().basic("instructor", "instructor").contentType("application/json")
                .body(Map.of("deadline", "2027-03-01T23:59")).put("/api/courses/" + code + "/exercises/primes")
                .then().statusCode(200).body("deadline", org.hamcrest.Matchers.is("2027-03-02T04:59:00Z"));

        r = instructor.postForm("/courses/" + code + "/offers", Map.of("exercise", "wordfreq",
                "deadline", "next week", "latePenaltyPerDay", "lots"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("The deadline must be a date and time", "latePenaltyPerDay must be");
        assertThat(instructor.get("/courses/" + code).asString()).contains("25.0% a day");
    }

    @Test
    void outsidersGet404AndStudentsNoStaffForms() {
        PortalSession instructor = PortalSession.as("instructor");
        String code = createCourse(instructor);
        PortalSession alice = PortalSession.as("alice");
        assertThat(alice.get("/courses/" + code).statusCode()).isEqualTo(404);
        String demo = alice.get("/courses/demo").asString();
        assertThat(demo).contains("offer-wordfreq").doesNotContain("roster-form", "offer-form", "member-bob");
        alice.get("/courses/demo");
        assertThat(alice.postForm("/courses/demo/offers", Map.of("exercise", "wordfreq")).statusCode())
                .isEqualTo(403);
        assertThat(alice.get("/courses/demo/grades.csv").statusCode()).isEqualTo(403);
    }
}
