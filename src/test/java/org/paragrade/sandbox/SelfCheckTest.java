package org.paragrade.sandbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool control's limits in the self-check: natively the plain limits; on an emulated CPU scaled from the
 * measured cost of one interpreter, by how many interpreters each start method starts, and still finite.
 */
class SelfCheckTest {
    private static final Limits BASE = new Limits(80, 160, 160, 48, 32);

    @Test
    void nativeCpuKeepsThePlainLimits() {
        assertThat(SelfCheck.poolLimits("spawn", 16_000, 1, BASE)).isEqualTo(BASE);
    }

    @Test
    void withoutAMeasuredInterpreterTheLimitsStay() {
        assertThat(SelfCheck.poolLimits("spawn", -1, 40, BASE)).isEqualTo(BASE);
    }

    @Test
    void emulatedSpawnGetsEightPlainCallsForEachOfItsFourInterpreters() {
        Limits l = SelfCheck.poolLimits("spawn", 16_000, 40, BASE);
        assertThat(l.cpuSeconds()).isEqualTo(512.0);
        assertThat(l.wallSeconds()).isEqualTo(1024.0);
        assertThat(l.memoryMb()).isEqualTo(160);
        assertThat(l.maxProcesses()).isEqualTo(48);
    }

    @Test
    void emulatedForkNeverGoesBelowThePlainLimits() {
        assertThat(SelfCheck.poolLimits("fork", 1_000, 40, BASE)).isEqualTo(BASE);
        assertThat(SelfCheck.poolLimits("forkserver", 16_000, 40, BASE).cpuSeconds()).isEqualTo(384.0);
    }

    @Test
    void theV2PathIsTakenFromTheUnifiedLine() {
        assertThat(SelfCheck.v2Cgroup("0::/system.slice/paragrade.service/server\n"))
                .isEqualTo("/system.slice/paragrade.service/server");
        assertThat(SelfCheck.v2Cgroup("12:pids:/user.slice\n1:name=systemd:/user.slice\n0::/user.slice\n"))
                .isEqualTo("/user.slice");
        assertThat(SelfCheck.v2Cgroup("12:pids:/\n11:memory:/\n")).isNull();
    }
}
