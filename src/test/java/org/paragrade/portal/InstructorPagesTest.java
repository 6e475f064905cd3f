package org.paragrade.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(org.paragrade.testing.GradingProfile.class)
class InstructorPagesTest {
    @Inject
    PortalFixtures fixtures;

    /** Validation runs the references in the sandbox: allow it more than the default 30 s on a busy machine. */
    static Response uploadBundle(PortalSession s, String path, byte[] zip) {
        Response r = s.request().config(io.restassured.RestAssured.config().httpClient(
                        io.restassured.config.HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 180_000)))
                .multiPart("bundle", "bundle.zip", zip, "application/zip")
                .multiPart("csrf-token", s.token).post(path);
        s.keep(r);
        return r;
    }

    /**
     * Follows an upload's redirect to its validation page, which refreshes itself (a meta refresh, no script)
     * while the grading worker validates, until it shows the outcome.
     */
    static String validationOutcome(PortalSession s, Response upload) {
        upload.then().statusCode(303).header("Location", containsString("/validations/"));
        String location = upload.header("Location").replaceFirst("^https?://[^/]+", "");
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            String page = s.get(location).then().statusCode(200).extract().asString();
            if (!page.contains("http-equiv=\"refresh\"")) {
                return page;
            }
            assertThat(page).contains("This page refreshes itself");
            assertThat(System.nanoTime()).as("still validating after 5 minutes").isLessThan(deadline);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void listShowsExercisesVersionsAndPublishForms() {
        PortalSession.as("instructor").get("/instructor/exercises").then().statusCode(200)
                .body(containsString("href=\"/instructor/exercises/primes\""))
                .body(containsString("action=\"/instructor/exercises/primes/publish\""))
                .body(containsString("id=\"new-bundle\""));
    }

    @Test
    void graderAndStudentGet403() {
        PortalSession.as("grader").get("/instructor/exercises").then().statusCode(403)
                .body(containsString("Not for your role"));
        PortalSession.as("alice").get("/instructor/exercises/primes").then().statusCode(403);
    }

    @Test
    void uploadingANewBundleShowsTheValidationAndCreatesTheExercise() {
        PortalSession me = PortalSession.as("instructor");
        me.get("/instructor/exercises");
        byte[] zip = PortalFixtures.bundleAs("tiny", "uploaded-one", null).toZip();
        assertThat(validationOutcome(me, uploadBundle(me, "/instructor/exercises", zip))).contains("Bundle accepted",
                "New exercise <strong>uploaded-one</strong> created as version 1", "Validation report");
        me.get("/instructor/exercises/uploaded-one").then().statusCode(200)
                .body(containsString("Sum of squares"))
                .body(containsString("<td>upload</td><td>instructor</td>"));
        // the same slug again is refused with the reason and the API's status
        uploadBundle(me, "/instructor/exercises", zip).then().statusCode(409)
                .body(containsString("exists already"));
    }

    @Test
    void aBrokenBundleIsRefusedWithEveryProblemListed() {
        PortalSession me = PortalSession.as("instructor");
        me.get("/instructor/exercises");
        uploadBundle(me, "/instructor/exercises", "not a zip".getBytes()).then().statusCode(400)
                .body(containsString("Bundle refused")).body(containsString("<ul class=\"problems\">"));
        var files = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(files)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("exercise.yaml"));
            zip.write("slug: x\ntitle: t\n".getBytes());
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        String page = uploadBundle(me, "/instructor/exercises", files.toByteArray()).then().statusCode(400)
                .extract().asString();
        assertThat(page).contains("kind", "cases");
    }

    @Test
    void replacingABundleMakesANewVersion() {
        fixtures.exercise("replace-me", null);
        PortalSession me = PortalSession.as("instructor");
        me.get("/instructor/exercises/replace-me");
        byte[] zip = PortalFixtures.bundleAs("tiny", "replace-me", "# New statement\n\nReplaced.\n").toZip();
        assertThat(validationOutcome(me, uploadBundle(me, "/instructor/exercises/replace-me/bundle", zip)))
                .contains("version 2 stored");
        me.get("/instructor/exercises/replace-me").then().body(containsString("Latest bundle validations"));
        byte[] other = PortalFixtures.bundleAs("tiny", "someone-else", null).toZip();
        uploadBundle(me, "/instructor/exercises/replace-me/bundle", other).then().statusCode(400)
                .body(containsString("is not &#39;replace-me&#39;"));
    }

    @Test
    void publishHideAndSettings() {
        fixtures.exercise("settings-one", null);
        PortalSession me = PortalSession.as("instructor");
        me.get("/instructor/exercises/settings-one");
        me.postForm("/instructor/exercises/settings-one/publish", Map.of("published", "false")).then().statusCode(303);
        me.get("/instructor/exercises/settings-one?done=hidden").then().body(containsString("Hidden from students."));
        PortalSession.as("alice").get("/exercises/settings-one").then().statusCode(404);
        me.postForm("/instructor/exercises/settings-one/publish", Map.of("published", "true")).then().statusCode(303);
        PortalSession.as("alice").get("/exercises/settings-one").then().statusCode(200);

        me.postForm("/instructor/exercises/settings-one/settings", Map.of("deadline", "2031-05-01T12:30", "maxAttempts", "3"))
                .then().statusCode(303);
        me.get("/instructor/exercises/settings-one").then()
                .body(containsString("value=\"2031-05-01T12:30\"")).body(containsString("value=\"3\""));
        PortalSession.as("alice").get("/exercises/settings-one").then()
                .body(containsString("2031-05-01 12:30 UTC")).body(containsString("0 used of 3"));
        me.postForm("/instructor/exercises/settings-one/settings", Map.of("deadline", "soon", "maxAttempts", ""))
                .then().statusCode(400).body(containsString("must be a date and time"));
        me.postForm("/instructor/exercises/settings-one/settings", Map.of("deadline", "", "maxAttempts", "0"))
                .then().statusCode(400).body(containsString("at least 1"));
        me.postForm("/instructor/exercises/settings-one/settings", Map.of("deadline", "", "maxAttempts", ""))
                .then().statusCode(303);
    }

    @Test
    void editingStatementAndLimitsInTheBrowserRecordsANewVersion() {
        fixtures.exercise("edit-me", null);
        PortalSession me = PortalSession.as("instructor");
        me.get("/instructor/exercises/edit-me/edit").then().statusCode(200)
                .body(containsString("<textarea id=\"statement\""))
                .body(containsString("name=\"cpuSeconds\""))
                .body(containsString("value=\"20\""));
        assertThat(validationOutcome(me, me.postForm("/instructor/exercises/edit-me/edit", Map.of("statement",
                "# Edited\n\nNew words.", "cpuSeconds", "30", "wallSeconds", "15", "memoryMb", "256", "maxProcesses",
                "32", "outputKb", "64")))).contains("Your edit passed validation and is stored as version 2");
        me.get("/instructor/exercises/edit-me").then().body(containsString("<td>edit</td><td>instructor</td>"));
        PortalSession.as("alice").get("/exercises/edit-me").then()
                .body(containsString("<h2>Edited</h2>")).body(containsString("30 s (all processes)"))
                .body(containsString("256 MB"));
        me.get("/instructor/exercises/edit-me/edit");
        me.postForm("/instructor/exercises/edit-me/edit", Map.of("statement", "# Edited\n\nKeep my text.",
                        "cpuSeconds", "lots", "wallSeconds", "15", "memoryMb", "256", "maxProcesses", "32", "outputKb", "64"))
                .then().statusCode(400).body(containsString("CPU time must be a number"))
                .body(containsString("Keep my text."));
    }
}
