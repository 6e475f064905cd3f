package org.paragrade.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StudentPagesTest {
    @Inject
    PortalFixtures fixtures;

    static Response uploadForm(PortalSession s, String slug, String filename, byte[] content, boolean withToken) {
        var spec = s.request().multiPart("file", filename, content, "text/x-python");
        if (withToken) {
            spec.multiPart("csrf-token", s.token);
        }
        Response r = spec.post("/exercises/" + slug + "/submissions");
        s.keep(r);
        return r;
    }

    @Test
    void curriculumListsThePublishedExercisesWithTheirStatus() {
        PortalSession bob = PortalSession.as("bob");
        bob.get("/exercises").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("href=\"/exercises/primes\""))
                .body(containsString("href=\"/exercises/downloads\""))
                .body(containsString("href=\"/exercises/bank\""))
                .body(containsString("href=\"/exercises/wordfreq\""))
                .body(containsString("Deadline"))
                .body(containsString("Attempts"));
    }

    @Test
    void bestScoreAndAttemptsAppearOnceGraded() {
        fixtures.exercise("progress-list", null);
        fixtures.graded("progress-list", "bob", 60, PortalFixtures.FULL_REPORT);
        fixtures.graded("progress-list", "bob", 75, PortalFixtures.FULL_REPORT);
        String page = PortalSession.as("bob").get("/exercises").asString();
        String card = page.substring(page.indexOf("id=\"exercise-progress-list\""));
        card = card.substring(0, card.indexOf("</li>"));
        assertThat(card).contains("best score <strong>75 / 100</strong>").contains("<dd>2</dd>");
    }

    @Test
    void exercisePageRendersTheStatementAndEverythingNeededToStart() {
        PortalSession alice = PortalSession.as("alice");
        alice.get("/exercises/primes").then().statusCode(200)
                .body(containsString("<h1>Counting primes in parallel</h1>"))
                .body(containsString("<h3>The idea: the GIL and CPU-bound work</h3>")) // Markdown rendered, one level down
                .body(not(containsString("<h2>Counting primes in parallel</h2>"))) // the repeated title is dropped
                .body(containsString("count_primes(limit: int, workers: int) -&gt; int"))
                .body(containsString("href=\"/exercises/primes/starter\""))
                .body(containsString("enctype=\"multipart/form-data\""))
                .body(containsString("name=\"csrf-token\""))
                .body(containsString("<dt>Worker counts</dt><dd>1, 2, 4</dd>"))
                .body(containsString("40 s (all processes)"))
                .body(containsString("512 MB"));
    }

    @Test
    void rawHtmlInAStatementIsEscaped() {
        fixtures.exercise("escaped", "# Title\n\n<script>alert('x')</script>\n\n[bad](javascript:alert(1))\n");
        String page = PortalSession.as("alice").get("/exercises/escaped").asString();
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;").doesNotContain("javascript:alert");
    }

    @Test
    void starterDownloads() {
        PortalSession.as("alice").get("/exercises/primes/starter").then().statusCode(200)
                .header("Content-Disposition", containsString("solution.py"))
                .body(containsString("def count_primes"));
    }

    @Test
    void uploadGoesToTheReportWhichShowsLiveProgress() {
        PortalSession alice = PortalSession.as("alice");
        alice.get("/exercises/primes");
        Response r = uploadForm(alice, "primes", "solution.py", PortalFixtures.SOLUTION.getBytes(StandardCharsets.UTF_8), true);
        r.then().statusCode(303).header("Location", matchesPattern(".*/submissions/\\d+$"));
        String location = r.header("Location");
        String path = location.substring(location.indexOf("/submissions/"));
        alice.get(path).then().statusCode(200)
                .body(containsString("<meta http-equiv=\"refresh\" content=\"2\">"))
                .body(containsString("Grading in progress"))
                .body(containsString("<progress"));
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        fixtures.running(id, "benchmark", 3, 12);
        // the grading worker's step is not a request: the page a session keeps reloading shows it within
        // PageShortcut.FRESH_ACTIVE (a second), as the running page's progress always was
        long until = System.nanoTime() + PageShortcut.FRESH_ACTIVE.toNanos() + 500_000_000L;
        Response shown = alice.get(path);
        while (!shown.asString().contains("Now: benchmark (3 of 12)") && System.nanoTime() < until) {
            shown = alice.get(path);
        }
        shown.then().statusCode(200)
                .body(containsString("Now: benchmark (3 of 12)"))
                .body(containsString("value=\"25\""));
        // the submission is listed on the exercise page
        alice.get("/exercises/primes").then().body(containsString("href=\"/submissions/" + id + "\""));
    }

    @Test
    void everyRefusalIsShownOnThePage() {
        PortalSession alice = PortalSession.as("alice");
        alice.get("/exercises/primes");
        uploadForm(alice, "primes", "notes.txt", "hello".getBytes(StandardCharsets.UTF_8), true).then()
                .statusCode(400).contentType(containsString("text/html"))
                .body(containsString("Upload a .py file or a .zip archive"))
                .body(containsString("id=\"upload-problem\""));
        uploadForm(alice, "primes", "solution.py", new byte[0], true).then().statusCode(400)
                .body(anyOf(containsString("empty"), containsString("Choose your solution.py")));
        uploadForm(alice, "primes", "solution.py", new byte[600 * 1024], true).then().statusCode(413)
                .body(containsString("KB"));
        uploadForm(alice, "nope", "solution.py", PortalFixtures.SOLUTION.getBytes(StandardCharsets.UTF_8), true)
                .then().statusCode(404).body(containsString("Page not found"));
    }

    @Test
    void closedExercisesRefuseWith409AndSayWhy() {
        fixtures.exercise("closed-deadline", null);
        fixtures.settings("closed-deadline", Instant.now().minus(1, ChronoUnit.DAYS), null);
        fixtures.exercise("closed-attempts", null);
        fixtures.settings("closed-attempts", null, 1);
        PortalSession bob = PortalSession.as("bob");
        bob.get("/exercises/primes"); // a page with an upload form, for the token
        bob.get("/exercises/closed-deadline").then().body(containsString("The deadline has passed"))
                .body(not(containsString("enctype=\"multipart/form-data\"")));
        uploadForm(bob, "closed-deadline", "solution.py", PortalFixtures.SOLUTION.getBytes(StandardCharsets.UTF_8), true)
                .then().statusCode(409).body(containsString("submissions are closed"));
        bob.get("/exercises/closed-attempts");
        uploadForm(bob, "closed-attempts", "solution.py", PortalFixtures.SOLUTION.getBytes(StandardCharsets.UTF_8), true)
                .then().statusCode(303);
        bob.get("/exercises/closed-attempts").then().body(containsString("You have used all 1 attempts"));
        uploadForm(bob, "closed-attempts", "solution.py", PortalFixtures.SOLUTION.getBytes(StandardCharsets.UTF_8), true)
                .then().statusCode(409).body(containsString("You have used all 1 attempts"));
    }

    @Test
    void uploadWithoutTheCsrfTokenIsRefusedAndNothingIsStored() {
        PortalSession bob = PortalSession.as("bob");
        fixtures.exercise("csrf-upload", null);
        bob.get("/exercises/csrf-upload");
        uploadForm(bob, "csrf-upload", "solution.py", PortalFixtures.SOLUTION.getBytes(StandardCharsets.UTF_8), false)
                .then().statusCode(403).body(containsString("The form had expired"));
        bob.get("/exercises/csrf-upload").then().body(containsString("None yet."));
    }

    @Test
    void studentsDoNotSeeHiddenExercises() {
        fixtures.exercise("hidden-one", null);
        PortalSession.as("instructor").get("/instructor/exercises");
        var instructor = PortalSession.as("instructor");
        instructor.get("/instructor/exercises/hidden-one");
        instructor.postForm("/instructor/exercises/hidden-one/publish", java.util.Map.of("published", "false"))
                .then().statusCode(303);
        PortalSession bob = PortalSession.as("bob");
        bob.get("/exercises").then().body(not(containsString("/exercises/hidden-one\"")));
        bob.get("/exercises/hidden-one").then().statusCode(404);
    }
}
