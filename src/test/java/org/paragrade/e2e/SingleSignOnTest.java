package org.paragrade.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Single sign-on in a real browser against the OpenID Connect provider Quarkus ships for tests (a
 * WireMock stand-in for Keycloak that signs its users' tokens): the login page offers the provider, the
 * provider's user "alice" lands in the portal as the Paragrade account alice, with her role from
 * Paragrade, and the password login and the API's HTTP Basic keep working beside it.
 */
@QuarkusTest
@TestProfile(SingleSignOnTest.WithProvider.class)
class SingleSignOnTest {
    public static class WithProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paragrade.sso.enabled", "true",
                    "paragrade.sso.label", "University login",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus",
                    "quarkus.oidc.client-id", "quarkus-web-app",
                    "quarkus.oidc.credentials.secret", "a-client-secret-of-at-least-32-characters");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    @TestHTTPResource("/")
    URL base;

    @OidcWireMock
    WireMockServer provider;

    /** Makes the provider sign in {@code username} (its stock stub always answers alice). */
    private StubMapping providerSignsIn(String username) {
        String tokens = "{\"access_token\":\"" + OidcWiremockTestResource.getAccessToken(username, Set.of("user"))
                + "\",\"refresh_token\":\"r\",\"id_token\":\"" + OidcWiremockTestResource.getIdToken(username, Set.of("user"), "quarkus-web-app")
                + "\"}";
        return provider.stubFor(WireMock.post("/auth/realms/quarkus/token").atPriority(1)
                .withRequestBody(WireMock.containing("authorization_code"))
                .willReturn(WireMock.aResponse().withHeader("Content-Type", "application/json").withBody(tokens)));
    }

    private static void signInAtTheProvider(Browser b, String username) {
        b.open("/login");
        b.find("#sso").click();
        b.await("#username", Duration.ofSeconds(20)).sendKeys(username);
        b.find("#password").sendKeys("whatever the provider asks");
        b.find("#login").click();
    }

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    }

    @Test
    void theProvidersUserLandsInThePortalAsTheirParagradeAccount() {
        try (Browser b = new Browser(base.toString())) {
            b.open("/login");
            assertThat(b.find("#sso").getText()).isEqualTo("Log in with University login");
            signInAtTheProvider(b, "alice");
            new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> b.path().startsWith("/exercises"));
            assertThat(b.find("header").getText()).contains("alice", "student");
            b.open("/grader");
            assertThat(b.driver.getPageSource()).doesNotContain("All submissions");
        }
    }

    @Test
    void aNameParagradeDoesNotKnowIsRefusedAndNoAccountIsMade() {
        StubMapping stub = providerSignsIn("mallory");
        try (Browser b = new Browser(base.toString())) {
            signInAtTheProvider(b, "mallory");
            assertThat(b.await("#sso-refused", Duration.ofSeconds(30)).getText())
                    .contains("\"mallory\"", "no account", "roster");
            b.open("/exercises");
            assertThat(b.path()).startsWith("/login");
        } finally {
            provider.removeStub(stub);
        }
        given().auth().preemptive().basic("instructor", "instructor").get("/api/courses/demo/members").then()
                .statusCode(200).body("username", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("mallory")));
    }

    @Test
    void anImportedStudentSigningOnSkipsTheInitialPasswordWhichNoLongerWorks() {
        String student = "sso" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        String initial = given().auth().preemptive().basic("instructor", "instructor")
                .multiPart("file", "roster.csv", ("username,name,email,role\n" + student + ",Sam Sign," + student + "@example.org,\n").getBytes(), "text/csv")
                .post("/api/courses/demo/roster").then().statusCode(200)
                .extract().path("accounts[0].initialPassword");
        StubMapping stub = providerSignsIn(student);
        try (Browser b = new Browser(base.toString())) {
            signInAtTheProvider(b, student);
            new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> b.path().startsWith("/exercises"));
            assertThat(b.find("header").getText()).contains(student, "student");
        } finally {
            provider.removeStub(stub);
        }
        given().auth().preemptive().basic(student, initial).get("/api/courses").then().statusCode(401);
    }

    @Test
    void passwordsAndTheApiStillWorkBesideIt() {
        try (Browser b = new Browser(base.toString())) {
            b.login("grader", "grader");
            assertThat(b.path()).startsWith("/grader");
        }
        given().auth().preemptive().basic("bob", "bob").get("/api/courses").then().statusCode(200);
        given().auth().preemptive().basic("bob", "wrong").get("/api/courses").then().statusCode(401);
    }
}
