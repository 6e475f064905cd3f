package org.paragrade.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.paragrade.curriculum.CurriculumService;
import org.paragrade.portal.PortalFixtures;
import org.paragrade.testing.GradingProfile;

/**
 * The three journeys of the portal in a real headless Chromium against a server that grades
 * (one worker, the real sandbox): a student uploads and watches the grading to the report and
 * its chart; a grader overrides that grade; an instructor uploads a bundle. Screenshots of the
 * main pages land in docs/screenshots/.
 */
@QuarkusTest
@TestProfile(GradingProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalJourneysTest {
    @TestHTTPResource("/")
    URL base;

    @Inject
    CurriculumService curriculum;

    private static Long gradedSubmission;
    private Browser browser;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    }

    @BeforeEach
    void setUp() {
        // the small exercise grades in seconds; stored like an import, published
        curriculum.store(PortalFixtures.bundleAs("tiny", "squares", null), "import", "e2e", null, null);
    }

    @AfterAll
    static void forget() {
        gradedSubmission = null;
    }

    @Test
    @Order(1)
    void studentUploadsWatchesProgressAndReadsTheReport() throws Exception {
        try (Browser b = new Browser(base.toString())) {
            browser = b;
            b.login("alice", "alice");
            assertThat(b.path()).startsWith("/exercises");
            b.find("a[href='/exercises/squares']").click();
            assertThat(b.find("h1").getText()).isEqualTo("Sum of squares");
            assertThat(b.find(".statement").getText()).contains("using workers workers");
            b.screenshot("student-exercise");

            Path solution = Files.createTempDirectory("upload").resolve("solution.py");
            Files.writeString(solution, Files.readString(Path.of("src/test/resources/portal/tiny/reference/processes.py")));
            b.find("input[type=file][name=file]").sendKeys(solution.toAbsolutePath().toString());
            b.find("form[enctype='multipart/form-data'] button[type=submit]").click();

            new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> b.path().matches("/submissions/\\d+.*"));
            gradedSubmission = Long.parseLong(b.path().replaceAll("\\D+", ""));
            // while grading, the page shows its progress and refreshes itself
            if (b.has("#progress")) {
                assertThat(b.find("#progress").getText()).contains("refreshes itself");
                b.screenshot("student-progress");
            }
            // the meta refresh brings the grade in without anyone touching the page
            b.await(".series-student", Duration.ofMinutes(3));
            assertThat(b.has("#progress")).isFalse();
            assertThat(b.find("#score").getText()).contains("/ 100");
            assertThat(b.driver.findElements(By.cssSelector("svg.chart"))).hasSizeGreaterThanOrEqualTo(2);
            assertThat(b.has("svg.chart .ideal-line")).isTrue();
            assertThat(b.has("svg.chart .series-threads")).isTrue();
            assertThat(b.find(".cases").getText()).contains("small", "zero");
            b.screenshot("student-report");
            Files.deleteIfExists(solution);
        }
    }

    @Test
    @Order(2)
    void graderSeesTheBoardAndOverridesTheGrade() {
        assumeTrue(gradedSubmission != null, "the student journey made no submission");
        try (Browser b = new Browser(base.toString())) {
            b.login("grader", "grader");
            assertThat(b.path()).isEqualTo("/grader");
            b.screenshot("grader-overview");
            b.find("a[href='/grader/exercises/squares']").click();
            assertThat(b.find("figure svg.chart").getAttribute("aria-labelledby")).isNotBlank();
            b.screenshot("grader-exercise");
            b.open("/submissions/" + gradedSubmission);
            b.find("#score-input").sendKeys("77");
            b.find("#comment-input").sendKeys("Good pool; I checked the unstable round by hand.");
            b.find("#override-form button[type=submit]").click();
            new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> b.path().contains("done=override"));
            assertThat(b.find(".notice").getText()).contains("override is saved");
            assertThat(b.find("#score").getText()).contains("77 / 100");
            assertThat(b.driver.getPageSource()).contains("Good pool; I checked the unstable round by hand.");
        }
    }

    @Test
    @Order(3)
    void instructorUploadsABundleAndSeesItsValidation() throws Exception {
        try (Browser b = new Browser(base.toString())) {
            b.login("instructor", "instructor");
            assertThat(b.path()).isEqualTo("/instructor/exercises");
            b.screenshot("instructor-exercises");
            Path zip = Files.createTempFile("bundle", ".zip");
            Files.write(zip, PortalFixtures.bundleAs("tiny", "squares-e2e", null).toZip());
            b.find("#new-bundle input[type=file]").sendKeys(zip.toAbsolutePath().toString());
            b.find("#new-bundle button[type=submit]").click();
            b.await("#outcome", Duration.ofMinutes(3));
            assertThat(b.find("#outcome").getText()).contains("New exercise squares-e2e created as version 1");
            assertThat(b.find(".validation").getText()).contains("valid", "sequential", "processes");
            b.screenshot("instructor-bundle-validated");
            b.find("a.button[href='/instructor/exercises/squares-e2e']").click();
            assertThat(b.find("h1").getText()).isEqualTo("Sum of squares");
            assertThat(b.path()).isEqualTo("/instructor/exercises/squares-e2e");
            Files.deleteIfExists(zip);
        }
    }
}
