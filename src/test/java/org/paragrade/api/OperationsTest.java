package org.paragrade.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.paragrade.testing.Api;

/** Health and metrics answer with real values, without logging in. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessCoversDatabaseSandboxAndQueue() {
        Api.submit("alice", "primes", "solution.py", "def count_primes(limit, workers):\n    return 0\n");
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("sandbox", "queue"))
                .body("checks.find { it.name == 'queue' }.data.queued", greaterThanOrEqualTo(1));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void prometheusMetricsShowTheQueue() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("paragrade_queue_depth"))
                .body(containsString("paragrade_queue_oldest_age_seconds"));
    }
}
