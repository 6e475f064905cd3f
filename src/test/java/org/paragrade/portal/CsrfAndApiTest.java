package org.paragrade.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The portal's forms need the CSRF token; the API (HTTP Basic, no cookies) never does. */
@QuarkusTest
class CsrfAndApiTest {
    @Inject
    PortalFixtures fixtures;

    @Test
    void pagesSetAnHttpOnlyStrictTokenCookieAndPutTheTokenInForms() {
        PortalSession s = PortalSession.as("instructor");
        var r = s.get("/instructor/exercises");
        String cookie = r.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith("paragrade-csrf="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(r.asString()).contains("name=\"csrf-token\" value=\"" + s.cookies.get("paragrade-csrf") + "\"");
    }

    @Test
    void formPostsWithoutOrWithAWrongTokenAreRefused() {
        long id = fixtures.graded("primes", "alice", 40, PortalFixtures.FULL_REPORT);
        PortalSession grader = PortalSession.as("grader");
        grader.get("/submissions/" + id);
        grader.request().contentType("application/x-www-form-urlencoded").formParam("score", "99")
                .formParam("comment", "forged").post("/submissions/" + id + "/grade")
                .then().statusCode(403).body(containsString("The form had expired"));
        grader.postForm("/submissions/" + id + "/grade", Map.of("score", "99", "comment", "forged", "csrf-token", "x".repeat(43)))
                .then().statusCode(403);
        // a token without its cookie (another site's form) is refused too
        given().redirects().follow(false).cookie("paragrade-session", grader.cookies.get("paragrade-session"))
                .contentType("application/x-www-form-urlencoded").formParam("score", "99").formParam("comment", "forged")
                .formParam("csrf-token", grader.token).post("/submissions/" + id + "/grade").then().statusCode(403);
        grader.get("/submissions/" + id).then().body(not(containsString("forged")));
    }

    @Test
    void apiMultipartJsonAndBodylessPostsStillWorkWithBasicAuth() {
        long id = fixtures.graded("primes", "alice", 30, PortalFixtures.FULL_REPORT);
        given().auth().preemptive().basic("grader", "grader").contentType("application/json")
                .body("{\"score\": 12, \"comment\": \"api override\"}").put("/api/submissions/" + id + "/grade")
                .then().statusCode(200).body("override.comment", equalTo("api override"));
        given().auth().preemptive().basic("grader", "grader").post("/api/submissions/" + id + "/regrade")
                .then().statusCode(202);
        byte[] zip = PortalFixtures.bundleAs("tiny", "api-upload", null).toZip();
        given().auth().preemptive().basic("instructor", "instructor").multiPart("bundle", "b.zip", zip, "application/zip")
                .post("/api/exercises").then().statusCode(202) // no grading worker in this profile: queued
                .header("Location", containsString("/api/exercises/api-upload/validations/"))
                .body("status", equalTo("QUEUED"));
    }

    @Test
    void apiErrorsStayJson() {
        given().auth().preemptive().basic("alice", "alice").get("/api/submissions/987654").then().statusCode(404)
                .contentType(containsString("json")).body("error", notNullValue());
        given().auth().preemptive().basic("alice", "alice").post("/api/submissions/1/regrade").then().statusCode(403)
                .contentType(containsString("json"));
    }
}
