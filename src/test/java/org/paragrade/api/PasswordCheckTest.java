package org.paragrade.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.paragrade.account.Account;
import org.paragrade.account.Role;

/**
 * An API client sends its password with every request; a password bcrypt accepted is remembered for a
 * while, but never past a change of password or the removal of the account, and never a wrong one.
 */
@QuarkusTest
class PasswordCheckTest {

    private static int status(String user, String password) {
        return given().auth().preemptive().basic(user, password).get("/api/exercises").then().extract().statusCode();
    }

    @Test
    void aRememberedPasswordStopsWorkingTheMomentItIsChangedOrTheAccountIsGone() {
        QuarkusTransaction.requiringNew().run(() -> Account.create("dana", "first-secret", Role.STUDENT));
        try {
            assertThat(status("dana", "first-secret")).isEqualTo(200);
            assertThat(status("dana", "first-secret")).as("again, remembered").isEqualTo(200);
            assertThat(status("dana", "wrong")).as("a wrong password").isEqualTo(401);
            assertThat(status("dana", "first-secret")).as("still right").isEqualTo(200);

            QuarkusTransaction.requiringNew().run(() ->
                    Account.findByUsername("dana").orElseThrow().passwordHash = BcryptUtil.bcryptHash("second-secret"));
            assertThat(status("dana", "first-secret")).as("the old password after a change")
                    .isEqualTo(401);
            assertThat(status("dana", "second-secret")).isEqualTo(200);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Account.delete("username", "dana"));
        }
        assertThat(status("dana", "second-secret")).as("a removed account").isEqualTo(401);
    }
}
