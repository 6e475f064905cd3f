package org.paragrade.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paragrade.account.Account;
import org.paragrade.account.Role;
import org.paragrade.account.SessionAccounts;

/**
 * A portal session's account is kept a moment (not read on every request), yet a password change lifts the
 * initial-password gate at once and an account changed behind the portal's back is seen within the bound.
 */
@QuarkusTest
class SessionAccountsPortalTest {
    static final String INITIAL = "initial-pass-0123", OWN = "my-own-password-4567";

    static String account(String role, boolean initial) {
        String name = "kept" + System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> Account.create(name, INITIAL, role).mustChangePassword = initial);
        return name;
    }

    @Test
    void aPasswordChangeLiftsTheFirstLoginGateAtOnce() {
        String name = account(Role.STUDENT, true);
        PortalSession session = PortalSession.login(name, INITIAL);
        assertThat(session.get("/exercises").then().statusCode(303).extract().header("Location"))
                .contains(AccountPages.PATH);
        given().auth().preemptive().basic(name, INITIAL).contentType("application/json")
                .body(Map.of("current", INITIAL, "new", OWN)).put("/api/account/password").then().statusCode(204);
        session.get("/exercises").then().statusCode(200);
    }

    @Test
    void aRoleTakenAwayInTheDatabaseEndsWithinTheBound() throws InterruptedException {
        String name = account(Role.GRADER, false);
        PortalSession session = PortalSession.login(name, INITIAL);
        session.get("/grader").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> Account.findByUsername(name).orElseThrow().role = Role.STUDENT);
        Thread.sleep(SessionAccounts.FRESH.toMillis() + 200);
        assertThat(session.get("/grader").statusCode()).isNotEqualTo(200);
    }
}
