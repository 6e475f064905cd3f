package org.paragrade.sandbox;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxSmokeTest {
    @Test
    void addsTwoNumbers() throws Exception {
        RunResult r = SandboxFixture.run("ok_add.py", "add", Map.of("a", 2, "b", 3), SandboxFixture.SMALL);
        System.out.println(r);
        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.value().asInt()).isEqualTo(5);
        assertThat(r.accounting()).isEqualTo("cgroup v1");
    }

    @Test
    void loopForever() throws Exception {
        RunResult r = SandboxFixture.run("infinite_loop.py", SandboxFixture.SMALL);
        System.out.println(r);
        assertThat(r.outcome()).isEqualTo(Outcome.TIME_LIMIT_CPU);
    }

    @Test
    void sleepForever() throws Exception {
        RunResult r = SandboxFixture.run("sleep_forever.py", SandboxFixture.SMALL);
        System.out.println(r);
        assertThat(r.outcome()).isEqualTo(Outcome.TIME_LIMIT_WALL);
        assertThat(r.stacks()).contains("sleepy_function_xyz");
    }
}
