package org.paragrade.sandbox;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxSetupTest {
    @Test
    void reportsTheAccountingItUses() {
        SandboxInfo info = SandboxFixture.sandbox().info();
        assertThat(info.mode()).isIn("cgroup v1", "cgroup v2", "rusage only");
        assertThat(info.interpreter().toString()).doesNotContain("shims");
    }

    @Test
    void saysWhichLimitsTheRunsCgroupEnforcesHere() {
        SandboxInfo info = SandboxFixture.sandbox().info();
        assertThat(info.refusal()).isNull();
        assertThat(info.grades()).isTrue();
        if (info.mode().equals("cgroup v1")) {
            assertThat(info.limits()).contains("memory limit (memory.limit_in_bytes)", "task limit (pids.max)",
                    "CPU time (cpuacct.usage)", "memory peak (memory.max_usage_in_bytes)");
        } else {
            assertThat(info.limits()).contains("memory limit (memory.max)", "task limit (pids.max)",
                    "CPU time (cpu.stat)");
        }
    }

    @Test
    void withoutACgroupItRefusesToGradeUnlessWeakLimitsAreAllowed() throws Exception {
        Path work = SandboxFixture.WORK.resolveSibling("sandbox-work-weak");
        Path nowhere = Path.of("/nonexistent/cgroupfs");
        Sandbox strict = new Sandbox(new SandboxSettings(Path.of("python3"), Path.of("/usr/bin/bwrap"), work, false,
                SandboxFixture.CGROUP_PARENT, false, false, nowhere));
        assertThat(strict.info().mode()).isEqualTo("rusage only");
        assertThat(strict.info().limits()).startsWith("no cgroup: memory and tasks sampled by the supervisor");
        assertThat(strict.info().refusal()).startsWith("Refusing to grade: this host's sandbox cannot enforce the"
                + " memory, task and CPU limits (rusage only: no usable cgroup hierarchy)")
                .contains("paragrade.grading.sandbox.allow-weak=true");
        RunRequest add = new RunRequest("weak", SandboxFixture.solution("ok_add.py"), null,
                new HarnessSpec("add", "function", Map.of("a", 1, "b", 2), false, null), SandboxFixture.SMALL);
        RunResult refused = strict.run(add);
        assertThat(refused.outcome()).isEqualTo(Outcome.INTERNAL_ERROR);
        assertThat(refused.message()).contains("Refusing to grade");

        Sandbox weak = new Sandbox(new SandboxSettings(Path.of("python3"), Path.of("/usr/bin/bwrap"), work, false,
                SandboxFixture.CGROUP_PARENT, false, true, nowhere));
        assertThat(weak.info().refusal()).isNull();
        RunResult r = weak.run(add);
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.accounting()).isEqualTo("rusage only");
    }

    @Test
    void refusesToRunWithoutBwrap() {
        Path work = SandboxFixture.WORK.resolveSibling("sandbox-work-nobwrap");
        assertThatThrownBy(() -> new Sandbox(new SandboxSettings(Path.of("python3"), Path.of("/nonexistent/bwrap"),
                work, false, SandboxFixture.CGROUP_PARENT)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to run student code");
    }

    @Test
    void unsafeModeOnlyWhenExplicitlyAllowedAndSaysSo() throws Exception {
        Path work = SandboxFixture.WORK.resolveSibling("sandbox-work-unsafe");
        Sandbox unsafe = new Sandbox(new SandboxSettings(Path.of("python3"), Path.of("/nonexistent/bwrap"),
                work, true, SandboxFixture.CGROUP_PARENT));
        assertThat(unsafe.info().mode()).isEqualTo("UNSAFE (no sandbox)");
        RunResult r = unsafe.run(new RunRequest("unsafe", SandboxFixture.solution("ok_add.py"), null,
                new HarnessSpec("add", "function", Map.of("a", 1, "b", 2), false, null), SandboxFixture.SMALL));
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.value().asInt()).isEqualTo(3);
        assertThat(r.accounting()).isEqualTo("UNSAFE (no sandbox)");
    }

    @Test
    void runsAsHostUid65534WhenThatUidCanReachTheInterpreter() throws Exception {
        // /usr/bin/python3 is reachable by uid 65534 (pyenv's under /root is not): bwrap then runs via setpriv
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")));
        Sandbox sandbox = new Sandbox(new SandboxSettings(Path.of("/usr/bin/python3"), Path.of("/usr/bin/bwrap"),
                SandboxFixture.WORK.resolveSibling("sandbox-work-system-python"), false, SandboxFixture.CGROUP_PARENT));
        assertThat(sandbox.info().isolation()).contains("on the host: uid 65534");
        var result = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return sandbox.run(new RunRequest("uid", SandboxFixture.solution("uid_probe.py"), null,
                        new HarnessSpec("run", "function", Map.of(), false, null), SandboxFixture.SMALL));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String uid = null;
        for (int i = 0; i < 100 && uid == null; i++) {
            Thread.sleep(30);
            for (String p : SandboxFixture.hostProcessesMentioning("PG_UID_PROBE_4242")) {
                String pid = p.substring(0, p.indexOf(':'));
                uid = Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                        .filter(l -> l.startsWith("Uid:")).findFirst().orElse(null);
            }
        }
        RunResult r = result.get();
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(uid).isEqualTo("Uid:\t65534\t65534\t65534\t65534");
    }

    @Test
    void insideTheSandboxNoCapabilityIsHeld() throws Exception {
        RunResult r = SandboxFixture.run("capabilities.py", SandboxFixture.SMALL);
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.value().path("CapEff").asText()).isEqualTo("0000000000000000");
        assertThat(r.value().path("CapPrm").asText()).isEqualTo("0000000000000000");
        assertThat(r.value().path("NoNewPrivs").asText()).isEqualTo("1");
        assertThat(r.value().path("uid").asInt()).isEqualTo(65534);
    }
}
