package org.paragrade.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.paragrade.portal.PortalFixtures;
import org.paragrade.testing.Api;
import org.paragrade.testing.GradingProfile;
import org.paragrade.testing.OpenApiCheck;

/** A submission graded for real by the engine fits the schema the OpenAPI document declares for it. */
@QuarkusTest
@TestProfile(GradingProfile.class)
class OpenApiGradedSubmissionTest {
    @Inject
    PortalFixtures fixtures;

    @Test
    void aGradedSubmissionHasEveryFieldTheSchemaDeclares() throws Exception {
        fixtures.exercise("openapi-tiny", null);
        String solution = Files.readString(Path.of("src/test/resources/portal/tiny/reference/processes.py"));
        long id = Api.submit("alice", "openapi-tiny", "solution.py", solution);
        var graded = Api.awaitGraded("alice", id, Duration.ofMinutes(5));
        assertThat(graded.getString("status")).as(graded.prettify()).isEqualTo("GRADED");
        assertThat(graded.getList("performance.runs")).isNotEmpty();
        String body = given().auth().preemptive().basic("alice", "alice").get("/api/submissions/" + id)
                .then().statusCode(200).extract().asString();
        String output = new OpenApiCheck().answer("get /api/submissions/{id}", 200, body).run();
        assertThat(output).contains("checked get /api/submissions/{id} 200");
    }
}
