package org.paragrade.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.paragrade.sandbox.Outcome;
import org.paragrade.sandbox.RunResult;

class PlausibilityTest {
    private static RunResult run(double wallMs, double cpuMs, double hostWallMs, double cgroupCpuMs) {
        return new RunResult(Outcome.COMPLETED, "", null, wallMs, cpuMs, 3, 3, 40, "", "", false, null, null,
                "cgroup v1", hostWallMs, cgroupCpuMs);
    }

    @Test
    void anHonestRunIsPlausible() {
        // recorded: processes primes at 2 workers, supervisor 560 ms / 1090 ms CPU, host 690 ms / 1160 ms
        assertThat(Plausibility.check(run(560, 1090, 690, 1160))).isEmpty();
        // no cgroup (rusage only): nothing to compare the CPU with
        assertThat(Plausibility.check(run(560, 1090, 690, -1))).isEmpty();
    }

    @Test
    void aRunClaimingMoreThanTheHostSawIsFlagged() {
        assertThat(Plausibility.check(run(2000, 1000, 700, 1100))).get()
                .satisfies(f -> assertThat(f.code()).isEqualTo(org.paragrade.measure.FlagCode.FIGURES_CONTRADICT_HOST))
                .satisfies(f -> assertThat(f.message()).contains("2000 ms", "700 ms", "no performance"));
        assertThat(Plausibility.check(run(500, 1900, 700, 1000))).get()
                .satisfies(f -> assertThat(f.message()).contains("1900 ms of CPU", "1000 ms"));
    }
}
