package org.paragrade.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API and the portal call the same services, so a setting, a bundle or a solution is refused
 * by the same rule with the same message and status in both.
 */
@QuarkusTest
class SameRulesInBothFacesTest {
    @Inject
    PortalFixtures fixtures;

    static io.restassured.response.Response apiSettings(String slug, String json) {
        return given().auth().preemptive().basic("instructor", "instructor").contentType(ContentType.JSON)
                .body(json).put("/api/exercises/" + slug + "/settings");
    }

    /** The message in the portal page's problem box, as text. */
    static String pageProblem(String html) {
        var m = java.util.regex.Pattern.compile("<div class=\"problem\" role=\"alert\"[^>]*><p>([^<]*)</p>").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }

    @Test
    void anAttemptLimitGivenAsTextIsANumberAndWordsAreRefusedAlike() {
        fixtures.exercise("faces-attempts", null);
        apiSettings("faces-attempts", "{\"maxAttempts\": \"3\"}").then().statusCode(200).body("maxAttempts", equalTo(3));
        apiSettings("faces-attempts", "{\"maxAttempts\": 4}").then().statusCode(200).body("maxAttempts", equalTo(4));
        String api = apiSettings("faces-attempts", "{\"maxAttempts\": \"three\"}").then().statusCode(400)
                .contentType("application/json").extract().path("error");

        PortalSession me = PortalSession.as("instructor");
        me.get("/instructor/exercises/faces-attempts");
        String page = me.postForm("/instructor/exercises/faces-attempts/settings",
                Map.of("deadline", "", "maxAttempts", "three")).then().statusCode(400).extract().asString();
        assertThat(pageProblem(page)).isEqualTo(api).contains("whole number");
        given().auth().preemptive().basic("instructor", "instructor").get("/api/exercises/faces-attempts").then()
                .body("maxAttempts", equalTo(4));
    }

    @Test
    void bothFacesReadTheSameDeadlinesAndRefuseTheRestWithOneMessage() {
        fixtures.exercise("faces-deadline", null);
        apiSettings("faces-deadline", "{\"deadline\": \"2031-05-01T12:30\"}").then().statusCode(200)
                .body("deadline", equalTo("2031-05-01T12:30:00Z"));
        apiSettings("faces-deadline", "{\"deadline\": \"2031-05-01T14:30:00+02:00\"}").then().statusCode(200)
                .body("deadline", equalTo("2031-05-01T12:30:00Z"));
        String api = apiSettings("faces-deadline", "{\"deadline\": \"soon\"}").then().statusCode(400)
                .extract().path("error");

        PortalSession me = PortalSession.as("instructor");
        me.get("/instructor/exercises/faces-deadline");
        me.postForm("/instructor/exercises/faces-deadline/settings",
                Map.of("deadline", "2031-06-01T08:00:00Z", "maxAttempts", "")).then().statusCode(303);
        given().auth().preemptive().basic("instructor", "instructor").get("/api/exercises/faces-deadline").then()
                .body("deadline", equalTo("2031-06-01T08:00:00Z"));
        String page = me.postForm("/instructor/exercises/faces-deadline/settings",
                Map.of("deadline", "soon", "maxAttempts", "")).then().statusCode(400).extract().asString();
        assertThat(pageProblem(page)).isEqualTo(api).contains("must be a date and time");
    }

    @Test
    void aBadSettingChangesNothingAndAnUnknownOneIsNamed() {
        fixtures.exercise("faces-atomic", null);
        apiSettings("faces-atomic", "{\"published\": false, \"maxAttempts\": 0}").then().statusCode(400)
                .body("error", containsString("at least 1"));
        given().auth().preemptive().basic("instructor", "instructor").get("/api/exercises/faces-atomic").then()
                .body("published", equalTo(true));
        apiSettings("faces-atomic", "{\"deadlines\": \"2031-05-01T12:30Z\"}").then().statusCode(400)
                .body("error", containsString("'deadlines'"));
        apiSettings("faces-atomic", "{\"published\": \"maybe\"}").then().statusCode(400)
                .body("reasons", hasItem("published must be true or false."));
    }

    @Test
    void anOversizeBundleIs413WithTheSameMessage() {
        byte[] big = new byte[17 * 1024 * 1024];
        String api = given().auth().preemptive().basic("instructor", "instructor")
                .multiPart("bundle", "big.zip", big, "application/zip").post("/api/exercises")
                .then().statusCode(413).extract().path("error");
        assertThat(api).isEqualTo("Bundles may be at most 16 MB.");
        PortalSession me = PortalSession.as("instructor");
        me.get("/instructor/exercises");
        String page = InstructorPagesTest.uploadBundle(me, "/instructor/exercises", big).then().statusCode(413)
                .extract().asString();
        assertThat(page).contains("<li>" + api + "</li>");
    }

    @Test
    void anOversizeSolutionIs413WithTheSameMessage() {
        byte[] big = ("# " + "x".repeat(600 * 1024) + "\n").getBytes();
        String api = given().auth().preemptive().basic("alice", "alice")
                .multiPart("file", "solution.py", big, "text/x-python").post("/api/exercises/primes/submissions")
                .then().statusCode(413).extract().path("error");
        PortalSession alice = PortalSession.as("alice");
        alice.get("/exercises/primes");
        String page = StudentPagesTest.uploadForm(alice, "primes", "solution.py", big, true).then().statusCode(413)
                .extract().asString();
        assertThat(page.replace("&#39;", "'")).contains(api);
        assertThat(api).contains("512 KB");
    }
}
