package org.paragrade.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An instructor runs a course in a real browser: creates it, imports the roster and reads the initial
 * password off the page; the new student logs in with it, can open nothing but the password form, and
 * after choosing a password of their own finds the course.
 */
@QuarkusTest
class FirstLoginBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    }

    @Test
    void anImportedStudentMustChooseAPasswordAtFirstLogin() throws Exception {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        String code = "web-" + suffix;
        String student = "kim" + suffix;
        Path roster = Files.createTempFile("roster-", ".csv");
        Files.writeString(roster, "username,name,email,role\n" + student + ",Kim Lee," + student + "@example.org,\n");
        String initial;
        try (Browser b = new Browser(base.toString())) {
            b.login("instructor", "instructor");
            b.open("/courses");
            b.find("#code").sendKeys(code);
            b.find("#title").sendKeys("Concurrency on the web");
            b.find("#timeZone").clear();
            b.find("#timeZone").sendKeys("Europe/Berlin");
            b.find("#new-course button[type=submit]").click();
            new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> b.path().equals("/courses/" + code));
            b.find("#roster-file").sendKeys(roster.toAbsolutePath().toString());
            b.find("#roster-form button[type=submit]").click();
            b.await("#initial-passwords", Duration.ofSeconds(30));
            assertThat(b.find("#imported").getText()).contains("1 account(s) created", "shown only now");
            initial = b.find("#initial-passwords tbody td code").getText();
            assertThat(initial).hasSize(14);
            assertThat(b.find("#passwords-csv").getAttribute("href")).startsWith("data:text/csv")
                    .contains(student);
            b.open("/courses/" + code);
            assertThat(b.driver.getPageSource()).doesNotContain(initial);
            assertThat(b.find("#member-" + student).getText()).contains("Kim Lee", "student");
        } finally {
            Files.deleteIfExists(roster);
        }

        try (Browser b = new Browser(base.toString())) {
            b.login(student, initial);
            assertThat(b.path()).startsWith("/account/password");
            assertThat(b.find("#first-login").getText()).contains("initial password");
            b.open("/exercises");
            assertThat(b.path()).startsWith("/account/password");
            b.find("#current").sendKeys(initial);
            b.find("#new").sendKeys(student + "-secret");
            b.find("#repeat").sendKeys(student + "-secret");
            b.find("form[action='/account/password'] button[type=submit]").click();
            assertThat(b.await("#problem", Duration.ofSeconds(20)).getText()).contains("user name");
            b.find("#current").sendKeys(initial);
            b.find("#new").sendKeys("tea for two, two for tea");
            b.find("#repeat").sendKeys("tea for two, two for tea");
            b.find("form[action='/account/password'] button[type=submit]").click();
            new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> !b.path().startsWith("/account"));
            b.open("/courses");
            assertThat(b.find("#course-" + code).getText()).contains("Concurrency on the web", "student");
        }
        try (Browser b = new Browser(base.toString())) {
            b.open("/login");
            b.find("#j_username").sendKeys(student);
            b.find("#j_password").sendKeys(initial);
            b.find("form[action='/j_security_check'] button[type=submit]").click();
            assertThat(b.await("#login-error", Duration.ofSeconds(20)).getText()).contains("wrong password");
        }
    }
}
