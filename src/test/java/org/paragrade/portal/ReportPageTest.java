package org.paragrade.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportPageTest {
    @Inject
    PortalFixtures fixtures;

    @Test
    void theReportShowsEveryPartOfTheGrade() {
        long id = fixtures.graded("primes", "alice", 86.7, PortalFixtures.FULL_REPORT);
        String page = PortalSession.as("alice").get("/submissions/" + id).then().statusCode(200).extract().asString();
        assertThat(page)
                .doesNotContain("http-equiv=\"refresh\"")
                .contains("86.7 / 100")                                  // score
                .contains("verdict-wrong-answer")                        // verdict badge
                .contains("<td>Correctness</td><td class=\"num\">41.7</td>", "<th class=\"num\">86.7 / 100</th>")
                .contains("Correctness: 5 of 6 cases passed", "medium limit", "expected 6057, got 6056")
                .contains("Behaviour: parallel processes", "this exercise expects processes",
                        "2 workers kept 1.95 CPU cores busy")
                .contains("<svg", "series series-student", "series series-threads", "series series-processes",
                        "series series-sequential", "ideal-line", "cores-line", "cores: 2")  // speed-up chart
                .contains("CPU utilisation per worker count", "bar bar-student")             // utilisation bars
                .contains("Peak resources", "40.5 MB")                                       // peaks
                .contains("hello from the solution &lt;b&gt;not bold&lt;/b&gt;", "a warning") // output, escaped
                .contains("Where it hung", "line 3 in count_primes")                         // stacks
                .contains("One correctness case failed: medium limit.")                      // feedback
                .doesNotContain("id=\"override-form\"");                                     // no staff forms
        // both charts are well-formed SVG inside the page
        int start = page.indexOf("<svg");
        String svg = page.substring(start, page.indexOf("</svg>", start) + 6);
        assertThat(svg).contains("role=\"img\"").contains("<title");
    }

    @Test
    void flagsIntervalsAndTheEvidenceAreShownInWords() {
        String report = PortalFixtures.FULL_REPORT.replace("\"accounting\": \"cgroup v1\",", "\"accounting\": \"cgroup v1\","
                + " \"scoredAtWorkers\": 2, \"studentSpeedupInterval\": {\"low\": 1.39, \"high\": 1.52},"
                + " \"referenceSpeedupInterval\": {\"low\": 1.80, \"high\": 1.95},"
                + " \"evidence\": \"With 2 workers your solution kept 1.9 cores busy.\","
                + " \"contention\": {\"neighbourCores\": 0.9, \"stealShare\": 0, \"busy\": true,"
                + " \"description\": \"Others kept 0.9 of 2 cores busy during the benchmark.\"},")
                .replace("\"feedback\":", "\"flags\": [{\"code\": \"TAMPERING\", \"message\": \"replaces <b>time.sleep</b>\","
                        + " \"file\": \"solution.py\", \"line\": 6}], \"feedback\":");
        long id = fixtures.graded("primes", "alice", 86.7, report);
        String page = PortalSession.as("alice").get("/submissions/" + id).then().statusCode(200).extract().asString();
        assertThat(page)
                .contains("For a grader to look at", "tampering", "<code>solution.py:6</code>",
                        "replaces &lt;b&gt;time.sleep&lt;/b&gt;")                           // flag, escaped
                .contains("Scored with 2 workers:", "1.39–1.52×", "1.80–1.95×", "95% intervals")
                .contains("With 2 workers your solution kept 1.9 cores busy.")               // the evidence
                .contains("Others kept 0.9 of 2 cores busy during the benchmark.")           // contention
                .contains("How this was measured", "same round");                            // the protocol
    }

    @Test
    void aReportWithoutPerformanceStillRenders() {
        long id = fixtures.graded("primes", "alice", 0,
                "{\"correctness\": {\"passed\": 0, \"total\": 6, \"cases\": []}, \"message\": \"SyntaxError in solution.py\"}");
        PortalSession.as("alice").get("/submissions/" + id).then().statusCode(200)
                .body(containsString("SyntaxError in solution.py"))
                .body(not(containsString("<svg")));
        long empty = fixtures.graded("primes", "alice", 0, "{}");
        PortalSession.as("alice").get("/submissions/" + empty).then().statusCode(200);
    }

    @Test
    void otherStudentsSubmissionsAreNotFoundNotForbidden() {
        long id = fixtures.graded("primes", "alice", 50, PortalFixtures.FULL_REPORT);
        PortalSession bob = PortalSession.as("bob");
        bob.get("/submissions/" + id).then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Page not found")).body(not(containsString("alice")));
        bob.get("/submissions/999999").then().statusCode(404);
        bob.get("/exercises/primes"); // a page with a form, for the token
        bob.postForm("/submissions/" + id + "/regrade", Map.of()).then().statusCode(404);
    }

    @Test
    void studentsCannotUseStaffActionsOnTheirOwnSubmission() {
        long id = fixtures.graded("primes", "bob", 50, PortalFixtures.FULL_REPORT);
        PortalSession bob = PortalSession.as("bob");
        bob.get("/submissions/" + id);
        bob.postForm("/submissions/" + id + "/grade", Map.of("score", "100", "comment", "mine")).then().statusCode(403);
    }

    @Test
    void graderOverridesWithACommentAndTheStudentSeesIt() {
        long id = fixtures.graded("primes", "alice", 40, PortalFixtures.FULL_REPORT);
        PortalSession grader = PortalSession.as("grader");
        grader.get("/submissions/" + id).then().statusCode(200)
                .body(containsString("id=\"override-form\"")).body(containsString("id=\"regrade-form\""));
        grader.postForm("/submissions/" + id + "/grade", Map.of("score", "55", "comment", ""))
                .then().statusCode(400).body(containsString("Say why in a comment"));
        grader.postForm("/submissions/" + id + "/grade", Map.of("score", "500", "comment", "x"))
                .then().statusCode(400).body(containsString("between 0 and 100"));
        grader.postForm("/submissions/" + id + "/grade", Map.of("score", "55", "comment", "Partial credit for the pool."))
                .then().statusCode(303).header("Location", endsWith("/submissions/" + id + "?done=override"));
        PortalSession.as("alice").get("/submissions/" + id).then().statusCode(200)
                .body(containsString("55 / 100"))
                .body(containsString("Partial credit for the pool."))
                .body(containsString("overridden; automatic 40"));
    }

    @Test
    void graderRegradesAndTheReportGoesBackToTheQueue() {
        long id = fixtures.graded("primes", "alice", 40, PortalFixtures.FULL_REPORT);
        PortalSession grader = PortalSession.as("grader");
        grader.get("/submissions/" + id);
        grader.postForm("/submissions/" + id + "/regrade", Map.of()).then().statusCode(303);
        grader.get("/submissions/" + id + "?done=regrade").then().statusCode(200)
                .body(containsString("Queued for grading again"))
                .body(containsString("http-equiv=\"refresh\""));
    }
}
