package org.paragrade.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginAndNavigationTest {

    @Test
    void loginPageHasTheFormTheContractNames() {
        given().get("/login").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("action=\"/j_security_check\""))
                .body(containsString("name=\"j_username\""))
                .body(containsString("name=\"j_password\""))
                .body(containsString("<label for=\"j_username\""));
    }

    @Test
    void wrongPasswordComesBackToTheLoginPageWithAMessage() {
        var r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "alice").formParam("j_password", "nope").post("/j_security_check");
        r.then().statusCode(302).header("Location", containsString("/login?error"));
        given().get("/login?error=1").then().statusCode(200).body(containsString("Unknown user or wrong password"));
    }

    @Test
    void anonymousVisitorsAreSentToLogin() {
        given().redirects().follow(false).get("/exercises").then().statusCode(302)
                .header("Location", containsString("/login"));
    }

    @Test
    void rootSendsEachRoleHome() {
        PortalSession.as("alice").get("/").then().statusCode(303).header("Location", endsWith("/exercises"));
        PortalSession.as("grader").get("/").then().statusCode(303).header("Location", endsWith("/grader"));
        PortalSession.as("instructor").get("/").then().statusCode(303)
                .header("Location", endsWith("/instructor/exercises"));
    }

    @Test
    void sessionCookieIsHttpOnlyAndStrict() {
        var r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "bob").formParam("j_password", "bob").post("/j_security_check");
        String setCookie = r.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("paragrade-session=")).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(setCookie).containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
    }

    @Test
    void logoutClearsTheSessionCookie() {
        PortalSession s = PortalSession.as("alice");
        var r = s.get("/logout");
        r.then().statusCode(303).header("Location", containsString("/login"));
        String cleared = r.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("paragrade-session=")).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(cleared).containsIgnoringCase("Max-Age=0");
        given().redirects().follow(false).get("/exercises").then().statusCode(302);
    }

    @Test
    void wrongRoleGetsTheFriendly403Page() {
        PortalSession.as("alice").get("/grader").then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("Not for your role"));
    }

    @Test
    void unknownExerciseIsTheFriendly404Page() {
        PortalSession.as("alice").get("/exercises/nope").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Page not found"));
    }

    @Test
    void apiStillAnswersJson() {
        given().auth().preemptive().basic("alice", "alice").get("/api/exercises/nope").then().statusCode(404)
                .contentType(containsString("json")).body("error", containsString("nope"));
    }

    @Test
    void unknownAddressesGetTheFriendly404PageButStaticFilesAndApiAreUntouched() {
        PortalSession.as("alice").get("/no/such/page").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Page not found"));
        given().get("/static/portal.css").then().statusCode(200).body(containsString("--accent"));
        given().auth().preemptive().basic("alice", "alice").get("/api/nothing-here").then().statusCode(404)
                .contentType(containsString("json"));
    }

    @Test
    void pagesForbidFramingAndForeignContent() {
        given().get("/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }
}
