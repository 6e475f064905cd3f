package org.paragrade.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paragrade.portal.PortalFixtures;
import org.paragrade.testing.OpenApiCheck;

/**
 * The API described by OpenAPI: the served document passes an independent validator, every /api
 * operation names its roles and its answers, and real answers fit the schemas it declares.
 */
@QuarkusTest
class OpenApiDocumentTest {
    @Inject
    PortalFixtures fixtures;

    static String asAlice(String path) {
        return given().auth().preemptive().basic("alice", "alice").get(path).then().extract().asString();
    }

    /** A page fetched as a user logged in to the portal (form login, session cookie). */
    static io.restassured.response.Response loggedIn(String user, String path) {
        var login = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", user).post("/j_security_check");
        return given().redirects().follow(false).cookies(login.getCookies()).get(path);
    }

    @Test
    void theServedDocumentIsValidAndRealAnswersFitItsSchemas() throws Exception {
        var upload = given().auth().preemptive().basic("alice", "alice")
                .multiPart("file", "solution.py", "def count_primes(limit, workers):\n    return 0\n".getBytes(),
                        "text/x-python")
                .post("/api/exercises/primes/submissions").then().statusCode(202).extract();
        long id = upload.jsonPath().getLong("id");
        String missing = given().auth().preemptive().basic("alice", "alice")
                .multiPart("other", "x", "y".getBytes()).post("/api/exercises/primes/submissions")
                .then().statusCode(400).extract().asString();
        long graded = fixtures.graded("primes", "alice", 86.7, PortalFixtures.FULL_REPORT);
        String output = new OpenApiCheck()
                .answer("get /api/submissions/{id}", 200, asAlice("/api/submissions/" + id))
                .answer("get /api/submissions/{id}", 200, asAlice("/api/submissions/" + graded))
                .answer("get /api/submissions", 200, asAlice("/api/submissions?exercise=primes"))
                .answer("get /api/exercises", 200, asAlice("/api/exercises"))
                .answer("get /api/exercises/{slug}", 200, asAlice("/api/exercises/primes"))
                .answer("get /api/exercises/{slug}", 404, asAlice("/api/exercises/nope"))
                .answer("post /api/exercises/{slug}/submissions", 202, upload.asString())
                .answer("post /api/exercises/{slug}/submissions", 400, missing)
                .run();
        assertThat(output).contains("valid OpenAPI", "checked get /api/exercises 200",
                "checked get /api/submissions/{id} 200");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyApiOperationNamesItsRolesAndItsErrors() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths.keySet()).contains("/api/exercises", "/api/exercises/{slug}",
                "/api/exercises/{slug}/submissions", "/api/submissions/{id}", "/api/submissions",
                "/api/submissions/{id}/regrade", "/api/submissions/{id}/grade", "/api/exercises/{slug}/grades.csv");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                String where = op.getKey() + " " + path.getKey();
                Map<String, Object> o = op.getValue();
                assertThat((String) o.get("description")).as(where).contains("Roles:");
                assertThat((List<?>) o.get("security")).as(where + " security").isNotEmpty();
                assertThat(((Map<String, Object>) o.get("responses")).keySet()).as(where).contains("401");
                operations++;
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(11);
        assertThat(doc.getString("components.schemas.ApiError.properties.error.type")).isEqualTo("string");
        assertThat(doc.getList("components.schemas.ApiError.required")).containsExactly("error");
        assertThat(doc.getMap("paths.'/api/exercises'.post.requestBody.content.'multipart/form-data'.schema"))
                .isNotEmpty();
        // the submission is typed down to its runs' figures, not an empty object
        assertThat(doc.getMap("components.schemas.SubmissionView.properties")).containsKeys("id", "exercise",
                "student", "status", "verdict", "score", "maxScore", "progress", "correctness", "performance",
                "feedback", "createdAt", "gradedAt");
        assertThat(doc.getMap("paths.'/api/submissions/{id}'.get.responses.'200'.content.'application/json'.schema"))
                .containsEntry("$ref", "#/components/schemas/SubmissionView");
        assertThat(doc.getString("components.schemas.BundleUpload.properties.bundle.format")).isEqualTo("binary");
        assertThat(doc.getString("components.schemas.SolutionUpload.properties.file.format")).isEqualTo("binary");
    }

    @Test
    void theDocumentIsPublicAndSwaggerUiIsForStaff() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/exercises"));
        given().redirects().follow(false).get("/q/swagger-ui/").then().statusCode(anyOf(is(302), is(303)))
                .header("Location", containsString("/login"));
        loggedIn("alice", "/q/swagger-ui/").then().statusCode(403);
        loggedIn("grader", "/q/swagger-ui/").then().statusCode(200)
                .body(containsString("swagger"));
        loggedIn("instructor", "/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self' 'unsafe-inline'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        loggedIn("instructor", "/instructor/exercises").then().statusCode(200)
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
    }
}
