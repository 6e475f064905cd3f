package org.paragrade.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExerciseApiTest {

    @Test
    void anonymousGets401WithBasicChallenge() {
        given().when().get("/api/exercises").then().statusCode(401).header("WWW-Authenticate", containsString("Basic"));
    }

    @Test
    void unknownUserAndWrongPasswordGet401() {
        given().auth().preemptive().basic("mallory", "x").get("/api/exercises").then().statusCode(401);
        given().auth().preemptive().basic("alice", "wrong").get("/api/exercises").then().statusCode(401);
    }

    @Test
    void studentSeesTheCurriculum() {
        given().auth().preemptive().basic("alice", "alice").get("/api/exercises").then().statusCode(200)
                .body("slug", hasItems("primes", "downloads", "bank", "wordfreq"))
                .body("find { it.slug == 'primes' }.kind", equalTo("cpu"));
    }

    @Test
    void exerciseDetailHasStatementEntryLimitsAndWorkers() {
        given().auth().preemptive().basic("alice", "alice").get("/api/exercises/primes").then().statusCode(200)
                .body("entry.name", equalTo("count_primes"))
                .body("statement", not(emptyString()))
                .body("limits.wallSeconds", greaterThan(0f))
                .body("workers", hasItems(1, 2));
    }

    @Test
    void unknownExerciseIs404WithAMessage() {
        given().auth().preemptive().basic("alice", "alice").get("/api/exercises/nope").then().statusCode(404)
                .body("error", containsString("nope"));
    }
}
