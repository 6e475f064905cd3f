package org.paragrade.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.paragrade.portal.CodePagesTest.OWN;
import static org.paragrade.portal.CodePagesTest.createCourse;
import static org.paragrade.portal.CodePagesTest.member;
import static org.paragrade.portal.CodePagesTest.offer;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Regrade-all names its course in the query: to someone outside that course it must be what every other
 * course endpoint says, no such course (404), not a 403 that tells them the course exists and offers the
 * exercise (and a 404 when it does not).
 */
@QuarkusTest
class RegradeAllOutsidersTest {
    @Test
    void aGraderOfAnotherCourseFindsNoSuchCourseJustAsForOneThatDoesNotExist() {
        String theirs = createCourse();
        offer(theirs, "primes");
        String other = createCourse();
        offer(other, "primes");
        String ta = member(theirs, "grader");
        for (String course : new String[] {other, "demo"}) {
            given().auth().preemptive().basic(ta, OWN).post("/api/exercises/primes/regrade-all?course=" + course)
                    .then().statusCode(404).body("error", containsString("no course called '" + course + "'"));
            given().auth().preemptive().basic(ta, OWN).get("/api/exercises/primes/regrade-all?course=" + course)
                    .then().statusCode(404).body("error", containsString("no course called '" + course + "'"));
            // an exercise the course does not offer answers the same
            given().auth().preemptive().basic(ta, OWN).post("/api/exercises/no-offer-here/regrade-all?course=" + course)
                    .then().statusCode(404);
        }
        // the course's own student is in it: refused, 403, as before
        String student = member(other, "student");
        given().auth().preemptive().basic(student, OWN).post("/api/exercises/primes/regrade-all?course=" + other)
                .then().statusCode(403);
        // and their own course still works
        given().auth().preemptive().basic(ta, OWN).post("/api/exercises/primes/regrade-all?course=" + theirs)
                .then().statusCode(202);
    }
}
