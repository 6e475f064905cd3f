package org.paragrade.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paragrade.curriculum.CurriculumService;

/**
 * A report is computed once per state of its submission and audience, and answered with an ETag: the same
 * page again is a 304, a regrade, an override or a review changes it at once, a deadline that releases
 * hidden cases changes it when it passes, and no viewer is ever served what another audience saw.
 */
@QuarkusTest
class ReportCachingTest {
    @Inject
    PortalFixtures fixtures;
    @Inject
    CurriculumService curriculum;

    static Response api(String user, long id, String etag) {
        var spec = given().auth().preemptive().basic(user, user);
        if (etag != null) {
            spec.header("If-None-Match", etag);
        }
        return spec.get("/api/submissions/" + id);
    }

    static Response page(PortalSession session, long id, String etag) {
        var spec = session.request();
        if (etag != null) {
            spec.header("If-None-Match", etag);
        }
        Response r = spec.get("/submissions/" + id);
        session.keep(r);
        return r;
    }

    @Test
    void theSameReportAgainIsNotModifiedUntilAnOverrideChangesIt() {
        long id = fixtures.graded("primes", "alice", 40, PortalFixtures.FULL_REPORT);
        Response first = api("alice", id, null);
        first.then().statusCode(200).header("Cache-Control", containsString("private"))
                .body("score", equalTo(40.0f));
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        api("alice", id, etag).then().statusCode(304).header("ETag", etag).body(emptyString());

        given().auth().preemptive().basic("grader", "grader").contentType("application/json")
                .body("{\"score\": 55, \"comment\": \"Partial credit for the pool.\"}")
                .put("/api/submissions/" + id + "/grade").then().statusCode(200).body("score", equalTo(55.0f));
        Response after = api("alice", id, etag);
        after.then().statusCode(200).body("score", equalTo(55.0f))
                .body("override.comment", equalTo("Partial credit for the pool."));
        assertThat(after.header("ETag")).isNotEqualTo(etag);

        // the report page: a 304 for the same page, the override shown at once
        PortalSession alice = PortalSession.as("alice");
        Response shown = page(alice, id, null);
        shown.then().statusCode(200).header("Cache-Control", containsString("private"))
                .body(containsString("55 / 100"));
        String pageTag = shown.header("ETag");
        page(alice, id, pageTag).then().statusCode(304).body(emptyString());
        page(alice, id, "\"something-else\"").then().statusCode(200).body(containsString("55 / 100"));

        PortalSession grader = PortalSession.as("grader");
        grader.get("/submissions/" + id);
        grader.postForm("/submissions/" + id + "/grade", Map.of("score", "70", "comment", "Better on a second look."))
                .then().statusCode(303);
        page(alice, id, pageTag).then().statusCode(200).body(containsString("70 / 100"))
                .body(containsString("Better on a second look."));
    }

    @Test
    void aRegradeAndAReviewRequestChangeThePageAtOnce() {
        long id = fixtures.graded("primes", "alice", 40, PortalFixtures.FULL_REPORT);
        PortalSession alice = PortalSession.as("alice");
        Response graded = page(alice, id, null);
        graded.then().statusCode(200).body(containsString("id=\"review-request-form\""));
        String tag = graded.header("ETag");

        alice.postForm("/submissions/" + id + "/review-request", Map.of("message", "The pool was faster for me."))
                .then().statusCode(303);
        page(alice, id, tag).then().statusCode(200).body(containsString("id=\"request-state\""))
                .body(not(containsString("id=\"review-request-form\"")));

        PortalSession grader = PortalSession.as("grader");
        Response staff = page(grader, id, null);
        staff.then().statusCode(200).body(containsString("The pool was faster for me."));
        String staffTag = staff.header("ETag");
        grader.postForm("/submissions/" + id + "/regrade", Map.of()).then().statusCode(303);
        page(grader, id, staffTag).then().statusCode(200).body(containsString("http-equiv=\"refresh\""));
        api("alice", id, null).then().statusCode(200).body("status", equalTo("QUEUED"));
    }

    @Test
    void theStaffViewIsNeverServedToTheStudentNorOneStudentsToAnother() {
        String slug = HiddenCasesTest.hiddenExercise(curriculum);
        long id = fixtures.graded(slug, "alice", 40, HiddenCasesTest.REPORT);
        // staff first: their whole view is what the cache holds for them
        Response staffJson = api("grader", id, null);
        staffJson.then().statusCode(200).body(containsString("printed-by-small-case"));
        PortalSession grader = PortalSession.as("grader");
        Response staffPage = page(grader, id, null);
        staffPage.then().statusCode(200).body(containsString("328350")).body(containsString("id=\"override-form\""));

        // the student, even sending the staff's tags, gets their own concealed view
        Response json = api("alice", id, staffJson.header("ETag"));
        json.then().statusCode(200);
        assertThat(json.asString()).contains("Hidden case 1").doesNotContain("small", "328350", "printed-by-small-case");
        PortalSession alice = PortalSession.as("alice");
        Response own = page(alice, id, staffPage.header("ETag"));
        own.then().statusCode(200);
        assertThat(own.asString()).contains("Hidden case 1")
                .doesNotContain("328350", "printed-by-small-case", "id=\"override-form\"");
        assertThat(own.header("ETag")).isNotEqualTo(staffPage.header("ETag"));

        // and the staff's view still is the whole one after the student's was kept
        assertThat(page(grader, id, null).asString()).contains("328350", "id=\"override-form\"");

        // another student: not found, with or without the owner's tags, and nothing of it in the answer
        api("bob", id, json.header("ETag")).then().statusCode(404).body(not(containsString("Hidden case")));
        PortalSession bob = PortalSession.as("bob");
        page(bob, id, own.header("ETag")).then().statusCode(404).body(not(containsString("Hidden case")));

        // a second student's own submission of the same exercise is their own view, not alice's
        long bobs = fixtures.graded(slug, "bob", 10, HiddenCasesTest.REPORT);
        Response bobsJson = api("bob", bobs, json.header("ETag"));
        bobsJson.then().statusCode(200).body("student", equalTo("bob")).body("id", equalTo((int) bobs));
    }

    @Test
    void aDeadlinePassingReleasesTheAfterDeadlineCaseWithoutAnyWrite() throws InterruptedException {
        String slug = HiddenCasesTest.hiddenExercise(curriculum);
        Instant deadline = Instant.now().plusSeconds(4);
        fixtures.settings(slug, deadline, null);
        long id = fixtures.graded(slug, "alice", 40, HiddenCasesTest.REPORT);
        Response before = api("alice", id, null);
        assertThat(before.asString()).contains("Hidden case 2").doesNotContain("\"zero\"");
        PortalSession alice = PortalSession.as("alice");
        Response page = page(alice, id, null);
        assertThat(page.asString()).contains("Hidden case 2");
        page(alice, id, page.header("ETag")).then().statusCode(304);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()) + 300);
        Response after = api("alice", id, before.header("ETag"));
        after.then().statusCode(200);
        assertThat(after.asString()).contains("\"zero\"").contains("Hidden case 1").doesNotContain("small");
        Response released = page(alice, id, page.header("ETag"));
        released.then().statusCode(200);
        assertThat(released.asString()).doesNotContain("Hidden case 2").contains("Hidden case 1");
    }
}
