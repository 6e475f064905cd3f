package org.paragrade.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LatePolicyTest {
    static final Instant DEADLINE = Instant.parse("2027-03-01T23:59:00Z");
    static final LatePolicy POLICY = new LatePolicy(DEADLINE, DEADLINE.plus(Duration.ofDays(3)), 0.1);

    @Test
    void onTimeUpToTheDeadlineItself() {
        assertThat(POLICY.at(DEADLINE)).isEqualTo(LatePolicy.Standing.ON_TIME);
        assertThat(POLICY.at(DEADLINE.minusSeconds(3600))).isEqualTo(LatePolicy.Standing.ON_TIME);
    }

    @Test
    void everyStartedDayCountsAsOne() {
        assertThat(POLICY.at(DEADLINE.plusMillis(1)).lateDays()).isEqualTo(1);
        assertThat(POLICY.at(DEADLINE.plus(Duration.ofDays(1))).lateDays()).isEqualTo(1);
        assertThat(POLICY.at(DEADLINE.plus(Duration.ofDays(1)).plusSeconds(1)).lateDays()).isEqualTo(2);
        assertThat(POLICY.at(DEADLINE.plus(Duration.ofDays(3))).lateDays()).isEqualTo(3);
    }

    @Test
    void closedAfterTheLateWindowOrAtTheDeadlineWithoutOne() {
        assertThat(POLICY.at(DEADLINE.plus(Duration.ofDays(3)).plusSeconds(1)).open()).isFalse();
        assertThat(new LatePolicy(DEADLINE, null, 0.1).at(DEADLINE.plusSeconds(1)).open()).isFalse();
        assertThat(new LatePolicy(null, null, 0.1).at(Instant.MAX).open()).isTrue();
    }

    @Test
    void thePenaltyIsAFractionPerDayAndNeverBelowZero() {
        assertThat(LatePolicy.penalised(90, 0, 0.1)).isEqualTo(90);
        assertThat(LatePolicy.penalised(90, 1, 0.1)).isEqualTo(81);
        assertThat(LatePolicy.penalised(80, 2, 0.1)).isEqualTo(64);
        assertThat(LatePolicy.penalised(10, 3, 0.1)).isEqualTo(7);
        assertThat(LatePolicy.penalised(100, 12, 0.1)).isEqualTo(0);
        assertThat(LatePolicy.penalised(100, 5, 0)).isEqualTo(100);
    }
}
