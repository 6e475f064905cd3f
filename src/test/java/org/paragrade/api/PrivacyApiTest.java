package org.paragrade.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.paragrade.testing.Api;

/** Students see only their own submissions; staff see all; overrides sit beside the automatic grade. */
@QuarkusTest
class PrivacyApiTest {

    @Test
    void otherStudentsSubmissionIs404AndNotListed() {
        long id = Api.submit("alice", "primes", "solution.py", "def count_primes(limit, workers):\n    return 0\n");
        given().auth().preemptive().basic("bob", "bob").get("/api/submissions/" + id).then().statusCode(404)
                .body("error", not(emptyString()));
        given().auth().preemptive().basic("bob", "bob").get("/api/submissions?exercise=primes").then().statusCode(200)
                .body("id", not(hasItem((int) id)));
        given().auth().preemptive().basic("alice", "alice").get("/api/submissions?exercise=primes").then().statusCode(200)
                .body("id", hasItem((int) id));
        given().auth().preemptive().basic("grader", "grader").get("/api/submissions/" + id).then().statusCode(200)
                .body("student", equalTo("alice"));
        given().auth().preemptive().basic("instructor", "instructor").get("/api/submissions?exercise=primes")
                .then().statusCode(200).body("id", hasItem((int) id));
    }

    @Test
    void graderOverridesWithACommentAndTheCsvShowsIt() {
        long id = Api.submit("bob", "primes", "solution.py", "def count_primes(limit, workers):\n    return 1\n");
        given().auth().preemptive().basic("grader", "grader").contentType(ContentType.JSON)
                .body("{\"score\": 42, \"comment\": \"\"}").put("/api/submissions/" + id + "/grade")
                .then().statusCode(400).body("error", containsString("comment"));
        given().auth().preemptive().basic("grader", "grader").contentType(ContentType.JSON)
                .body("{\"score\": 4200, \"comment\": \"x\"}").put("/api/submissions/" + id + "/grade")
                .then().statusCode(400).body("error", containsString("between 0 and"));
        given().auth().preemptive().basic("grader", "grader").contentType(ContentType.JSON)
                .body("{\"score\": 42, \"comment\": \"Good idea, wrong bound\"}").put("/api/submissions/" + id + "/grade")
                .then().statusCode(200).body("score", equalTo(42.0f)).body("override.comment", equalTo("Good idea, wrong bound"))
                .body("override.by", equalTo("grader")).body("automaticScore", nullValue());
        given().auth().preemptive().basic("bob", "bob").get("/api/submissions/" + id).then().statusCode(200)
                .body("score", equalTo(42.0f)).body("grades.kind", hasItem("OVERRIDE"));
        given().auth().preemptive().basic("instructor", "instructor").get("/api/exercises/primes/grades.csv")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .body(containsString("student,exercise,attempts"))
                .body(containsString("bob,primes,"))
                .body(containsString("Good idea, wrong bound"));
    }

    @Test
    void regradeQueuesAgainForStaffOnly() {
        long id = Api.submit("alice", "primes", "solution.py", "def count_primes(limit, workers):\n    return 2\n");
        given().auth().preemptive().basic("alice", "alice").post("/api/submissions/" + id + "/regrade").then().statusCode(403);
        given().auth().preemptive().basic("grader", "grader").post("/api/submissions/" + id + "/regrade")
                .then().statusCode(202).body("status", equalTo("QUEUED"));
        given().auth().preemptive().basic("grader", "grader").post("/api/submissions/999999/regrade").then().statusCode(404);
    }
}
