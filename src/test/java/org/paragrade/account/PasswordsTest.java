package org.paragrade.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void weakPasswordsAreRefusedWithTheReason() {
        assertThat(Passwords.weakness("carol", "initial-one", "short")).contains("at least 10");
        assertThat(Passwords.weakness("carol", "initial-one", "initial-one")).contains("differ");
        assertThat(Passwords.weakness("carol", "initial-one", "my-Carol-2027")).contains("user name");
        assertThat(Passwords.weakness("carol", "initial-one", "aaaaaaaaaaaa")).contains("too easy");
        assertThat(Passwords.weakness("carol", "initial-one", "correct horse battery")).isNull();
    }

    @Test
    void initialPasswordsAreLongAndDifferent() {
        String a = Passwords.initial();
        assertThat(a).hasSize(14).doesNotContain("0", "O", "1", "l", "I");
        assertThat(Passwords.initial()).isNotEqualTo(a);
        assertThat(Passwords.weakness("carol", "x", a)).isNull();
    }
}
