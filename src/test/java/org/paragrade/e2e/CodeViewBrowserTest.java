package org.paragrade.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.paragrade.portal.PortalFixtures;
import org.paragrade.review.ReviewFixtures;

/**
 * The code view in a real headless Chromium: a solution that tries to inject a script shows that script
 * as text and runs none of it, while highlight.js (from the webjar) colours the Python; a traceback's
 * frame on the report page leads to its line.
 */
@QuarkusTest
class CodeViewBrowserTest {
    static final String HOSTILE = """
            # </code></td></tr></table><script>document.title = 'pwned'; window.pwned = true;</script>
            def count_primes(limit, workers):
                s = "<img src=x onerror=\\"window.pwned = true\\">"
                return 1 // 0
            """;

    @TestHTTPResource("/")
    URL base;
    @Inject
    PortalFixtures fixtures;
    @Inject
    ReviewFixtures review;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    }

    @Test
    void aScriptInTheSolutionIsShownAsTextAndNeverRuns() throws Exception {
        String slug = fixtures.exercise("cvb-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36), null);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("solution.py"));
            z.write(HOSTILE.getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("helpers.py"));
            z.write("def f():\n    return '</script><script>window.pwned = true</script>'\n".getBytes(StandardCharsets.UTF_8));
        }
        long id = given().auth().preemptive().basic("alice", "alice")
                .multiPart("file", "mine.zip", zip.toByteArray(), "application/zip")
                .post("/api/exercises/" + slug + "/submissions").then().statusCode(202).extract().jsonPath().getLong("id");
        review.regraded(id, PortalFixtures.FULL_REPORT.replace("\"feedback\":", "\"traceback\": \"Traceback (most "
                + "recent call last):\\n  File \\\"/solution/solution.py\\\", line 4, in count_primes\\n"
                + "ZeroDivisionError: integer division or modulo by zero\", \"feedback\":"));

        try (Browser b = new Browser(base.toString())) {
            b.login("alice", "alice");
            b.open("/submissions/" + id);
            b.find("pre.traceback a.code-link").click();
            new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> b.path().endsWith("/code#solution.py-L4"));
            b.await("table.code.highlighted", Duration.ofSeconds(20));
            JavascriptExecutor js = (JavascriptExecutor) b.driver;

            assertThat(js.executeScript("return document.querySelector(':target').id")).isEqualTo("solution.py-L4");
            assertThat(b.driver.getTitle()).doesNotContain("pwned");
            assertThat(js.executeScript("return window.pwned === undefined")).isEqualTo(true);
            assertThat(js.executeScript("return document.querySelectorAll('main script, main img').length"))
                    .isEqualTo(0L);
            assertThat(js.executeScript("return document.getElementById('solution.py-L1').querySelector('td.src')"
                    + ".textContent")).isEqualTo(
                    "# </code></td></tr></table><script>document.title = 'pwned'; window.pwned = true;</script>");
            assertThat(js.executeScript("return document.getElementById('helpers.py-L2').textContent"))
                    .asString().contains("'</script><script>window.pwned = true</script>'");
            // highlight.js ran: keywords and strings are marked, the comment too
            assertThat(js.executeScript("return document.getElementById('solution.py-L2')"
                    + ".querySelector('.hljs-keyword').textContent")).isEqualTo("def");
            assertThat(js.executeScript("return document.getElementById('solution.py-L3')"
                    + ".querySelector('.hljs-string').textContent"))
                    .isEqualTo("\"<img src=x onerror=\\\"window.pwned = true\\\">\"");
            assertThat(js.executeScript("return document.getElementById('solution.py-L1')"
                    + ".querySelector('.hljs-comment') !== null")).isEqualTo(true);
            b.screenshot("code-view");
        }
    }
}
