package org.paragrade.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.paragrade.portal.PortalFixtures;
import org.paragrade.testing.OpenApiCheck;

/**
 * The graders' desk through the API, as a grader and a student would use it: what waits and why, accepting,
 * a regrade bringing an item back, the student's request, and the files.
 */
@QuarkusTest
class ReviewApiTest {
    @Inject
    PortalFixtures fixtures;
    @Inject
    ReviewFixtures review;

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user);
    }

    /** A fresh exercise of its own, so the queue filtered by it holds only this test's submissions. */
    String exercise() {
        return fixtures.exercise("rv-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36), null);
    }

    static JsonPath queue(String slug) {
        return as("grader").get("/api/review?exercise=" + slug).then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    static List<String> reasonsOf(JsonPath queue, long id) {
        for (Map<String, Object> item : queue.<Map<String, Object>>getList("")) {
            if (((Number) item.get("id")).longValue() == id) {
                return (List<String>) item.get("reasons");
            }
        }
        return null;
    }

    @Test
    void flaggedUnstableAndFailedGradingsWaitWithTheirReasonsOldestFirst() throws Exception {
        String slug = exercise();
        long flagged = fixtures.graded(slug, "alice", 60, ReviewFixtures.FLAGGED);
        long unstable = fixtures.graded(slug, "bob", 70, ReviewFixtures.UNSTABLE);
        long failed = review.internalError(slug, "instructor", "sandbox: no cgroup for the run");
        fixtures.graded(slug, "grader", 80, PortalFixtures.FULL_REPORT); // clean: not in the queue

        String body = as("grader").get("/api/review?exercise=" + slug).then().statusCode(200).extract().asString();
        JsonPath q = JsonPath.from(body);
        assertThat(q.getList("id", Long.class)).containsExactly(flagged, unstable, failed);
        assertThat(q.getString("[0].student")).isEqualTo("alice");
        assertThat(q.getString("[0].exercise")).isEqualTo(slug);
        assertThat(reasonsOf(q, flagged)).singleElement().asString()
                .startsWith("TOO_FAST_FOR_ITS_CPU: 2 workers used 0.1 s of CPU");
        assertThat(reasonsOf(q, unstable)).singleElement().asString().startsWith("Unstable measurement");
        assertThat(reasonsOf(q, failed)).singleElement().asString()
                .contains("Internal error", "sandbox: no cgroup for the run");
        String output = new OpenApiCheck().answer("get /api/review", 200, body).run();
        assertThat(output).contains("checked get /api/review 200");
    }

    @Test
    void acceptRemovesTheItemRecordsWhoAndWhenAndANewGradingWithReasonsBringsItBack() {
        String slug = exercise();
        long id = fixtures.graded(slug, "alice", 60, ReviewFixtures.FLAGGED);
        as("grader").contentType("application/json").body(Map.of("action", "approve"))
                .post("/api/submissions/" + id + "/review").then().statusCode(400)
                .body("error", containsString("\"accept\" is the only action"));
        as("grader").contentType("application/json")
                .body(Map.of("action", "accept", "comment", "Checked: a cached table, allowed this term."))
                .post("/api/submissions/" + id + "/review").then().statusCode(200)
                .body("by", is("grader")).body("action", is("accept")).body("at", notNullValue())
                .body("reasons[0]", startsWith("TOO_FAST_FOR_ITS_CPU"));
        assertThat(reasonsOf(queue(slug), id)).isNull();
        as("grader").contentType("application/json").body(Map.of("action", "accept"))
                .post("/api/submissions/" + id + "/review").then().statusCode(409)
                .body("error", is("Submission " + id + " is not waiting for review."));

        review.regraded(id, PortalFixtures.FULL_REPORT); // a clean regrade: stays out
        assertThat(reasonsOf(queue(slug), id)).isNull();
        review.regraded(id, ReviewFixtures.UNSTABLE);    // a regrade that raises a reason: back
        assertThat(reasonsOf(queue(slug), id)).singleElement().asString().startsWith("Unstable measurement");
    }

    @Test
    void onlyEachStudentsNewestSubmissionCountsForItsGrading() {
        String slug = exercise();
        long old = fixtures.graded(slug, "alice", 60, ReviewFixtures.FLAGGED);
        long newer = fixtures.graded(slug, "alice", 90, PortalFixtures.FULL_REPORT);
        JsonPath q = queue(slug);
        assertThat(reasonsOf(q, old)).isNull();
        assertThat(reasonsOf(q, newer)).isNull();
        // ...but a student's request on the older one still counts
        as("alice").contentType("application/json").body(Map.of("message", "Attempt 1 was parallel, please look."))
                .post("/api/submissions/" + old + "/review-request").then().statusCode(201);
        assertThat(reasonsOf(queue(slug), old)).containsExactly("the student asks: Attempt 1 was parallel, please look.");
        as("grader").contentType("application/json").body(Map.of("action", "accept"))
                .post("/api/submissions/" + old + "/review").then().statusCode(200);
    }

    @Test
    void theStudentsRequestWaitsUntilAcceptedAndSaysItsState() {
        String slug = exercise();
        long id = fixtures.graded(slug, "alice", 40, PortalFixtures.FULL_REPORT);
        String path = "/api/submissions/" + id + "/review-request";
        as("alice").get(path).then().statusCode(200).body("state", is("none")).body("mayAsk", is(true));
        as("alice").contentType("application/json").body(Map.of("message", "  ")).post(path).then().statusCode(400)
                .body("error", containsString("1 to 2000 characters"));
        as("alice").contentType("application/json").body(Map.of("message", "x".repeat(2001))).post(path)
                .then().statusCode(400).body("error", containsString("at most 2000"));
        as("alice").contentType("application/json").body("{}").post(path).then().statusCode(400);
        as("bob").contentType("application/json").body(Map.of("message", "hi")).post(path).then().statusCode(404);
        as("bob").get(path).then().statusCode(404);
        as("grader").contentType("application/json").body(Map.of("message", "hi")).post(path).then().statusCode(403);

        as("alice").contentType("application/json").body(Map.of("message", "My pool uses 2 processes; why 40?"))
                .post(path).then().statusCode(201).body("state", is("open")).body("mayAsk", is(false));
        as("alice").contentType("application/json").body(Map.of("message", "again")).post(path).then()
                .statusCode(409).body("error", containsString("already asked"));
        assertThat(reasonsOf(queue(slug), id)).containsExactly("the student asks: My pool uses 2 processes; why 40?");

        as("instructor").contentType("application/json").body(Map.of("action", "accept", "comment", "grade stands"))
                .post("/api/submissions/" + id + "/review").then().statusCode(200);
        assertThat(reasonsOf(queue(slug), id)).isNull();
        as("alice").get(path).then().statusCode(200).body("state", is("closed")).body("closedBy", is("instructor"))
                .body("mayAsk", is(true));
        as("grader").get(path).then().statusCode(200).body("state", is("closed")).body("mayAsk", is(false));
    }

    @Test
    void oneStudentCannotFloodTheQueue() {
        String slug = exercise();
        String student = "bob";
        int open = 0;
        int status = 201;
        while (status == 201 && open <= ReviewDesk.MAX_OPEN_REQUESTS + 1) {
            long id = fixtures.graded(slug, student, 50, PortalFixtures.FULL_REPORT);
            status = as(student).contentType("application/json").body(Map.of("message", "look #" + open))
                    .post("/api/submissions/" + id + "/review-request").then().extract().statusCode();
            open += status == 201 ? 1 : 0;
        }
        assertThat(status).isEqualTo(409);
        assertThat(open).isLessThanOrEqualTo(ReviewDesk.MAX_OPEN_REQUESTS);
        // close them all, so other tests' students are not held at the bound
        for (long id : queue(slug).getList("id", Long.class)) {
            as("grader").contentType("application/json").body(Map.of("action", "accept"))
                    .post("/api/submissions/" + id + "/review").then().statusCode(200);
        }
    }

    @Test
    void theQueueIsForStaffAndFiltersByCourse() {
        as("alice").get("/api/review").then().statusCode(403);
        as("grader").get("/api/review?course=no-such-course").then().statusCode(404)
                .body("error", is("There is no course called 'no-such-course'."));
        as("grader").get("/api/review?exercise=no-such-exercise").then().statusCode(404);
        String slug = exercise();
        long id = fixtures.graded(slug, "alice", 60, ReviewFixtures.FLAGGED);
        JsonPath demo = as("grader").get("/api/review?course=demo&exercise=" + slug).then().statusCode(200)
                .extract().jsonPath();
        assertThat(demo.getList("id", Long.class)).containsExactly(id);
        assertThat(demo.getString("[0].course")).isEqualTo("demo");
        String other = "rv-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        as("instructor").contentType("application/json").body(Map.of("code", other, "title", "Other"))
                .post("/api/courses").then().statusCode(201);
        as("grader").get("/api/review?course=" + other).then().statusCode(200).body("$", hasSize(0));
        as("alice").contentType("application/json").body(Map.of("action", "accept"))
                .post("/api/submissions/" + id + "/review").then().statusCode(403);
    }

    @Test
    void theFilesAreTheUploadedBytesForTheOwnerAndStaffOnly() throws Exception {
        String slug = exercise();
        long id = fixtures.graded(slug, "alice", 50, PortalFixtures.FULL_REPORT);
        byte[] zip = as("alice").get("/api/submissions/" + id + "/files").then().statusCode(200)
                .contentType("application/zip").header("Content-Disposition", containsString("submission-" + id + ".zip"))
                .extract().asByteArray();
        assertThat(entries(zip)).containsExactly(Map.entry("solution.py", PortalFixtures.SOLUTION));
        as("grader").get("/api/submissions/" + id + "/files").then().statusCode(200);
        as("bob").get("/api/submissions/" + id + "/files").then().statusCode(404)
                .body("error", containsString("no submission"));

        Map<String, String> upload = new LinkedHashMap<>();
        upload.put("solution.py", "from helpers import f\ndef sum_squares(n, workers):\n    return f(n)\n");
        upload.put("helpers.py", "def f(n):\n    return sum(i * i for i in range(n))\n");
        long zipped = as("alice").multiPart("file", "mine.zip", zipOf(upload), "application/zip")
                .post("/api/exercises/" + slug + "/submissions").then().statusCode(202).extract().jsonPath().getLong("id");
        assertThat(entries(as("alice").get("/api/submissions/" + zipped + "/files").then().statusCode(200)
                .extract().asByteArray())).isEqualTo(upload);
    }

    static Map<String, String> entries(byte[] zip) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static byte[] zipOf(Map<String, String> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
