package org.paragrade.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.paragrade.portal.PortalFixtures;

/**
 * In a real browser: a grader presses Regrade all on an exercise's page and lands on the batch's progress;
 * the course's instructor then finds it in the course's audit trail. Screenshots of both pages land in
 * docs/screenshots/.
 */
@QuarkusTest
class RegradeAllBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Inject
    PortalFixtures fixtures;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    }

    @Test
    void theGradersButtonQueuesTheBatchAndTheTrailShowsWhoPressedIt() {
        String slug = fixtures.exercise("web-regrade-" + ThreadLocalRandom.current().nextInt(100000), null);
        fixtures.graded(slug, "alice", 40, PortalFixtures.FULL_REPORT);
        fixtures.graded(slug, "bob", 80, PortalFixtures.FULL_REPORT);
        try (Browser b = new Browser(base.toString())) {
            b.login("grader", "grader");
            b.open("/grader/exercises/" + slug);
            assertThat(b.find("#regrade-course option").getText()).isEqualTo("the students of demo");
            b.find("#regrade-all-form button[type=submit]").click();
            new WebDriverWait(b.driver, Duration.ofSeconds(20))
                    .until(d -> b.path().equals("/grader/exercises/" + slug + "/regrade-all?course=demo"));
            assertThat(b.find("#regrade-queued").getText()).isEqualTo("2");
            assertThat(b.find("#regrade-status").getText()).contains("refreshes");
            b.screenshot("grader-regrade-all");
        }
        try (Browser b = new Browser(base.toString())) {
            b.login("instructor", "instructor");
            b.open("/courses/demo");
            b.find("#audit-link").click();
            new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> b.path().equals("/courses/demo/audit"));
            assertThat(b.find("#audit tbody tr").getText()).contains("grader", "regrade-all", slug,
                    "2 kept submission(s)");
            b.screenshot("course-audit");
        }
    }
}
