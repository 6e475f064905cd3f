package org.paragrade.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paragrade.course.CourseApiTest.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paragrade.portal.PortalFixtures;
import org.paragrade.portal.PortalSession;
import org.paragrade.testing.GradingProfile;

/**
 * The audit trail of what instructors author, which a grading worker makes real: an uploaded or edited bundle is
 * an entry once its validation passed (the small test exercise, validated in seconds), under the name of the
 * instructor who sent it. The rest of the trail is {@link AuditTrailTest}'s.
 */
@QuarkusTest
@TestProfile(GradingProfile.class)
class AuditedAuthoringTest {
    @Inject
    PortalFixtures fixtures;

    /**
     * An uploaded bundle becomes a version on a grading worker after the request answered: the entry is written
     * then, with the version, under the name of the instructor who uploaded it; created, then replaced with the
     * limits before and after; a bundle that failed is none.
     */
    @Test
    void anUploadedBundleIsRecordedWhenItsValidationPasses() throws Exception {
        String slug = unique("up-");
        byte[] first = PortalFixtures.bundleAs("tiny", slug, null).toZip();
        assertThat(await(slug, upload(slug, first, false))).isEqualTo("PASSED");
        var edited = PortalFixtures.bundleAs("tiny", slug, "# Sum of squares, again\n");
        byte[] second = edited.with(Map.of("exercise.yaml", edited.text("exercise.yaml")
                .replace("cpuSeconds: 20", "cpuSeconds: 25").getBytes(StandardCharsets.UTF_8)))
                .toZip();
        long replaced = upload(slug, second, true);
        assertThat(await(slug, replaced)).isEqualTo("PASSED");
        // a bundle that fails its validation changes nothing, and so is no entry
        byte[] wrong = PortalFixtures.bundleAs("tiny", slug, null).with(Map.of("reference/threads.py",
                "def sum_squares(n, workers):\n    return 7\n".getBytes(StandardCharsets.UTF_8))).toZip();
        assertThat(await(slug, upload(slug, wrong, true))).isEqualTo("FAILED");

        List<Map<String, Object>> mine = siteTrail("BUNDLE_UPLOAD", slug);
        assertThat(mine).extracting(e -> e.get("action")).containsExactly("BUNDLE_UPLOAD", "BUNDLE_UPLOAD");
        assertThat(mine).extracting(e -> e.get("actor")).containsOnly("instructor");
        assertThat(mine).extracting(e -> e.get("course")).containsOnly((Object) null);
        assertThat((String) mine.get(1).get("summary")).contains(slug + " created as version 1",
                "from an uploaded bundle", "passed");
        assertThat((String) mine.get(0).get("summary")).contains(slug + " replaced: version 1 → 2",
                "limits CPU time 20 s, wall time 10 s, memory 256 MB, processes + threads 32, output 16 KB → "
                        + "CPU time 25 s, wall time 10 s", "statement changed", "validation #" + replaced + " passed");
    }

    /** The browser editor's limits: old and new in the entry, once the edited bundle passed its validation. */
    @Test
    void theLimitsEditorIsRecordedWithTheOldAndNewLimits() {
        String slug = fixtures.exercise(unique("limits-"), null);
        PortalSession me = PortalSession.as("instructor");
        me.get("/instructor/exercises/" + slug + "/edit").then().statusCode(200);
        var posted = me.postForm("/instructor/exercises/" + slug + "/edit", Map.of("statement", "# Edited\n\nNew.",
                "cpuSeconds", "30", "wallSeconds", "12.5", "memoryMb", "128", "maxProcesses", "32", "outputKb", "16"));
        posted.then().statusCode(303);
        long id = Long.parseLong(posted.header("Location").replaceFirst(".*/validations/", ""));
        assertThat(await(slug, id)).isEqualTo("PASSED");

        List<Map<String, Object>> mine = siteTrail("LIMITS_EDIT", slug);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("actor")).isEqualTo("instructor");
        assertThat((String) mine.get(0).get("summary")).contains(slug + " replaced: version 1 → 2",
                "from the browser editor", "limits CPU time 20 s, wall time 10 s, memory 256 MB, processes + threads "
                        + "32, output 16 KB → CPU time 30 s, wall time 12.5 s, memory 128 MB, processes + threads 32, "
                        + "output 16 KB", "statement changed");
        assertThat(siteTrail("BUNDLE_UPLOAD", slug)).as("an edit is not an upload").isEmpty();
    }

    /** Posts or puts a bundle as the instructor without waiting for it; the validation's id. */
    private static long upload(String slug, byte[] zip, boolean replace) {
        var r = AuditTrailTest.as("instructor").header("Prefer", "respond-async")
                .multiPart("bundle", slug + ".zip", zip, "application/zip");
        return (replace ? r.put("/api/exercises/" + slug) : r.post("/api/exercises")).then().statusCode(202)
                .extract().jsonPath().getLong("id");
    }

    /** Polls the validation as its instructor does until it ended: PASSED or FAILED. */
    private static String await(String slug, long id) {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            String status = AuditTrailTest.as("instructor").get("/api/exercises/" + slug + "/validations/" + id)
                    .then().statusCode(200).extract().jsonPath().getString("status");
            if (status.equals("PASSED") || status.equals("FAILED")) {
                return status;
            }
            assertThat(System.nanoTime()).as("still validating after 5 minutes").isLessThan(deadline);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The site-wide trail's entries of one action about one exercise, newest first, as site staff read them. */
    private static List<Map<String, Object>> siteTrail(String action, String slug) {
        return AuditTrailTest.as("grader").get("/api/audit?limit=200&action=" + action).then().statusCode(200)
                .extract().jsonPath().getList("entries.findAll { it.exercise == '" + slug + "' }");
    }
}
