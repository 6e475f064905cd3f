package org.paragrade.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ContentionTest {

    private static final String BEFORE = """
            cpu  10000 50 2000 80000 300 0 100 0 0 0
            cpu0 5000 25 1000 40000 150 0 50 0 0 0
            cpu1 5000 25 1000 40000 150 0 50 0 0 0
            intr 123456
            """;

    /** 10 s on 2 cores = 2000 ticks: the benchmark's runs used 1000 of them (10 s of CPU), others 900. */
    private static final String BUSY_AFTER = "cpu  11800 50 2100 80100 300 0 100 0 0 0\n";
    /** The same 10 s with nobody else: the runs' 1000 ticks and 40 of the grader's own. */
    private static final String QUIET_AFTER = "cpu  10980 50 2060 80960 300 0 100 0 0 0\n";

    @Test
    void aNeighbourBurningACoreIsSeenAsTheHostsBusyTimeMinusTheRunsOwn() {
        Contention c = Contention.between(CpuTimes.parse(BEFORE), CpuTimes.parse(BUSY_AFTER), 10_000, 2);
        assertThat(c.wallMs()).isCloseTo(10_000, within(1e-6));
        assertThat(c.hostBusyCores()).isCloseTo(1.9, within(1e-9));
        assertThat(c.ownCores()).isCloseTo(1.0, within(1e-9));
        assertThat(c.neighbourCores()).isCloseTo(0.9, within(1e-9));
        assertThat(c.busy()).isTrue();
        assertThat(c.decide(2)).isEqualTo(Contention.Decision.PAUSE_AND_RETRY);
        assertThat(c.decide(2).words()).isEqualTo("machine busy: waiting for a quiet machine");
        assertThat(c.decide(0)).isEqualTo(Contention.Decision.GRADE_UNDER_CONTENTION);
        assertThat(c.flag()).get().extracting(Flag::code).isEqualTo(FlagCode.NOISY_MACHINE);
        assertThat(c.describe()).isEqualTo("Others kept 0.9 of 2 cores busy during the benchmark.");
    }

    @Test
    void aQuietMachineIsGradedWithoutAFlag() {
        Contention c = Contention.between(CpuTimes.parse(BEFORE), CpuTimes.parse(QUIET_AFTER), 10_000, 2);
        assertThat(c.neighbourCores()).isCloseTo(0.04, within(1e-9));
        assertThat(c.decide(2)).isEqualTo(Contention.Decision.GRADE);
        assertThat(c.flag()).isEmpty();
    }

    @Test
    void timeStolenByTheHypervisorCountsAsContention() {
        String after = "cpu  10980 50 2060 80760 300 0 100 200 0 0\n";
        Contention c = Contention.between(CpuTimes.parse(BEFORE), CpuTimes.parse(after), 10_000, 2);
        assertThat(c.stealShare()).isCloseTo(0.1, within(1e-9));
        assertThat(c.busy()).isTrue();
        assertThat(c.describe()).contains("10% of the time stolen by the hypervisor");
    }

    @Test
    void theCgroupsUsageIsReadFromCpuStat() {
        assertThat(CpuTimes.cgroupUsageMs("usage_usec 1234567\nuser_usec 1000000\nsystem_usec 234567\n"))
                .get().isEqualTo(1234.567);
        assertThat(CpuTimes.cgroupUsageMs("user_usec 1\n")).isEmpty();
    }

    @Test
    void aProcStatWithoutItsCpuLineIsRefused() {
        assertThatThrownBy(() -> CpuTimes.parse("intr 1\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
