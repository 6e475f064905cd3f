package org.paragrade.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.paragrade.review.ReviewFixtures;

/** The graders' desk in the portal: the queue page, accepting from it, the student's request form, the files. */
@QuarkusTest
class ReviewPagesTest {
    @Inject
    PortalFixtures fixtures;

    String exercise() {
        return fixtures.exercise("rp-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36), null);
    }

    @Test
    void theQueueShowsTheItemWithItsReasonAndAcceptTakesItOut() {
        String slug = exercise();
        long id = fixtures.graded(slug, "alice", 60, ReviewFixtures.FLAGGED);
        PortalSession grader = PortalSession.as("grader");
        String page = grader.get("/grader/review?exercise=" + slug).then().statusCode(200).extract().asString();
        assertThat(page).contains("href=\"/grader/review\">Review</a>")           // in the navigation
                .contains("id=\"item-" + id + "\"", "href=\"/submissions/" + id + "\"", "<td>alice</td>")
                .contains("TOO_FAST_FOR_ITS_CPU: 2 workers used 0.1 s of CPU")
                .contains("action=\"/grader/review/" + id + "\"", "name=\"csrf-token\"")
                .contains("<option value=\"" + slug + "\" selected>");
        grader.postForm("/grader/review/" + id, Map.of("action", "accept", "comment", "fine", "exercise", slug))
                .then().statusCode(303).header("Location", allOf(containsString("/grader/review?done=" + id),
                        containsString("exercise=" + slug)));
        grader.get("/grader/review?exercise=" + slug + "&done=" + id).then().statusCode(200)
                .body(containsString("Submission " + id + " is accepted"))
                .body(not(containsString("id=\"item-" + id + "\"")))
                .body(containsString("id=\"queue-empty\""));
        // the decision, who and when, on the report page for staff only
        grader.get("/submissions/" + id).then().statusCode(200).body(containsString("id=\"review-decisions\""))
                .body(containsString("<td>grader</td><td>accept</td><td>fine</td>"));
        PortalSession.as("alice").get("/submissions/" + id).then().statusCode(200)
                .body(not(containsString("review-decisions")));
        // accepting again says why it cannot
        grader.postForm("/grader/review/" + id, Map.of("action", "accept")).then().statusCode(409)
                .body(containsString("is not waiting for review"));
    }

    @Test
    void studentsMayNotSeeTheQueueOrAccept() {
        long id = fixtures.graded(exercise(), "alice", 60, ReviewFixtures.FLAGGED);
        PortalSession alice = PortalSession.as("alice");
        alice.get("/grader/review").then().statusCode(403).body(containsString("Not for your role"));
        alice.get("/submissions/" + id);
        alice.postForm("/grader/review/" + id, Map.of("action", "accept")).then().statusCode(403);
        PortalSession.as("grader").get("/grader/review?course=nope").then().statusCode(404);
    }

    @Test
    void theStudentAsksFromTheReportPageAndTheGraderReadsItEscaped() {
        String slug = exercise();
        long id = fixtures.graded(slug, "alice", 40, PortalFixtures.FULL_REPORT);
        PortalSession alice = PortalSession.as("alice");
        alice.get("/submissions/" + id).then().statusCode(200).body(containsString("id=\"review-request-form\""))
                .body(containsString("href=\"/submissions/" + id + "/files.zip\""));
        alice.postForm("/submissions/" + id + "/review-request", Map.of("message", "")).then().statusCode(400)
                .body(containsString("id=\"request-problem\"")).body(containsString("1 to 2000 characters"));
        alice.postForm("/submissions/" + id + "/review-request",
                Map.of("message", "<script>alert(1)</script> my pool is parallel")).then().statusCode(303)
                .header("Location", endsWith("/submissions/" + id + "?done=review-request"));
        alice.get("/submissions/" + id + "?done=review-request").then().statusCode(200)
                .body(containsString("Your request is sent")).body(containsString("nobody has answered yet"))
                .body(not(containsString("id=\"review-request-form\"")));
        String queue = PortalSession.as("grader").get("/grader/review?exercise=" + slug).then().statusCode(200)
                .extract().asString();
        assertThat(queue).contains("the student asks: &lt;script&gt;alert(1)&lt;/script&gt; my pool is parallel")
                .doesNotContain("<script>alert(1)");
        PortalSession grader = PortalSession.as("grader");
        grader.get("/submissions/" + id).then().statusCode(200).body(containsString("id=\"accept-form\""))
                .body(containsString("id=\"student-request\""));
        grader.postForm("/grader/review/" + id, Map.of("action", "accept", "from", "report")).then().statusCode(303)
                .header("Location", endsWith("/submissions/" + id + "?done=accepted"));
        alice.get("/submissions/" + id).then().statusCode(200).body(containsString("A grader looked at your request"));
    }

    @Test
    void theFilesDownloadForTheOwnerAndStaffNotForOthers() throws Exception {
        long id = fixtures.graded(exercise(), "alice", 40, PortalFixtures.FULL_REPORT);
        byte[] zip = PortalSession.as("alice").get("/submissions/" + id + "/files.zip").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            assertThat(in.getNextEntry().getName()).isEqualTo("solution.py");
            assertThat(in.readAllBytes()).isEqualTo(PortalFixtures.SOLUTION.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(in.getNextEntry()).isNull();
        }
        PortalSession.as("grader").get("/submissions/" + id + "/files.zip").then().statusCode(200);
        PortalSession.as("bob").get("/submissions/" + id + "/files.zip").then().statusCode(404)
                .body(containsString("Page not found"));
    }
}
