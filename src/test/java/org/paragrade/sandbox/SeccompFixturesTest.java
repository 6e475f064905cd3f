package org.paragrade.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.paragrade.sandbox.seccomp.SeccompFilter;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seccomp filter inside a real sandbox (fixtures seccomp_*.py): each hostile call fails with EPERM (clone3
 * with ENOSYS), while an ordinary program still works. Each fixture also makes a "probe" call with arguments the
 * kernel itself refuses (EFAULT, EINVAL, ...): in the same sandbox without the filter the probe reaches the
 * kernel and gets that answer, with the filter it gets EPERM — so the EPERMs are the filter's, not the
 * sandbox's missing capabilities.
 */
class SeccompFixturesTest {
    static final Limits LIMITS = new Limits(10, 10, 256, 64, 64);
    private static Sandbox unfiltered;

    static synchronized Sandbox unfiltered() {
        if (unfiltered == null) {
            unfiltered = new Sandbox(new SandboxSettings(Path.of("python3"), Path.of("/usr/bin/bwrap"),
                    SandboxFixture.WORK.resolveSibling("sandbox-work-no-seccomp"), false, "paragrade-test"), null);
        }
        return unfiltered;
    }

    static JsonNode filtered(String fixture, Map<String, Object> params) throws Exception {
        RunResult r = SandboxFixture.run(fixture, "run", params, LIMITS);
        assertThat(r.outcome()).as(fixture + ": " + r.message() + "\n" + r.traceback() + r.stderr())
                .isEqualTo(Outcome.COMPLETED);
        return r.value();
    }

    static JsonNode filtered(String fixture) throws Exception {
        return filtered(fixture, Map.of());
    }

    static JsonNode withoutFilter(String fixture, Map<String, Object> params) throws Exception {
        RunResult r = unfiltered().run(new RunRequest(fixture, SandboxFixture.solution(fixture), null,
                new HarnessSpec("run", "function", params, false, null), LIMITS));
        SandboxFixture.assertHostClean(null);
        assertThat(r.outcome()).as(fixture + ": " + r.message() + "\n" + r.traceback() + r.stderr())
                .isEqualTo(Outcome.COMPLETED);
        return r.value();
    }

    static JsonNode withoutFilter(String fixture) throws Exception {
        return withoutFilter(fixture, Map.of());
    }

    /** Every field EPERM (except those named in {@code others}, which must have the given value). */
    static void allDenied(JsonNode value, Map<String, String> others) {
        assertThat(value.size()).isGreaterThan(1);
        value.fields().forEachRemaining(e -> assertThat(e.getValue().asText()).as(e.getKey())
                .isEqualTo(others.getOrDefault(e.getKey(), "EPERM")));
    }

    static void probesReachTheKernel(JsonNode value) {
        value.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("probe")) {
                assertThat(e.getValue().asText()).as(e.getKey() + " without the filter").isNotEqualTo("EPERM");
            }
        });
    }

    @Test
    void theSandboxSaysSeccompIsOnWithTheNumberOfDeniedCalls() {
        int denied = SeccompFilter.paragradeDefault().deniedSyscalls();
        assertThat(SandboxFixture.sandbox().info().seccomp())
                .startsWith("seccomp on: " + denied + " system calls denied");
        assertThat(SandboxFixture.sandbox().info().isolation()).contains("seccomp on: " + denied);
        assertThat(unfiltered().info().seccomp()).startsWith("seccomp off");
    }

    @Test
    void everyProcessOfTheRunHoldsExactlyTheFilterAndNoFilterFd() throws Exception {
        JsonNode v = filtered("seccomp_status.py");
        for (String who : new String[] {"self", "pid1"}) {
            assertThat(v.path(who).path("Seccomp").asText()).as(who).isEqualTo("2");
            assertThat(v.path(who).path("Seccomp_filters").asText()).as(who).isEqualTo("1");
            assertThat(v.path(who).path("NoNewPrivs").asText()).as(who).isEqualTo("1");
        }
        assertThat(v.path("fds").toString()).doesNotContain("seccomp").doesNotContain(".bpf");
        assertThat(v.path("personality_query").asText()).isEqualTo("ok");
        assertThat(v.path("personality_no_randomize").asText()).isEqualTo("EPERM");
        assertThat(v.path("vsock").asText()).isEqualTo("EPERM");
        assertThat(v.path("unix_socket").asText()).isEqualTo("ok");
        JsonNode off = withoutFilter("seccomp_status.py");
        assertThat(off.path("self").path("Seccomp").asText()).isEqualTo("0");
        assertThat(off.path("personality_no_randomize").asText()).isEqualTo("ok");
    }

    @Test
    void ioUring() throws Exception {
        allDenied(filtered("seccomp_io_uring.py"), Map.of());
        JsonNode off = withoutFilter("seccomp_io_uring.py");
        probesReachTheKernel(off);
        assertThat(off.path("io_uring_setup").asText()).isEqualTo("ok");
    }

    @Test
    void keyrings() throws Exception {
        allDenied(filtered("seccomp_keyring.py"), Map.of());
        JsonNode off = withoutFilter("seccomp_keyring.py");
        probesReachTheKernel(off);
        assertThat(off.path("add_key").asText()).isEqualTo("ok");
    }

    @Test
    void perfEventOpen() throws Exception {
        allDenied(filtered("seccomp_perf_event.py"), Map.of());
        probesReachTheKernel(withoutFilter("seccomp_perf_event.py"));
    }

    @Test
    void userfaultfd() throws Exception {
        allDenied(filtered("seccomp_userfaultfd.py"), Map.of());
        JsonNode off = withoutFilter("seccomp_userfaultfd.py");
        probesReachTheKernel(off);
        assertThat(off.path("userfaultfd").asText()).isEqualTo("ok");
    }

    @Test
    void bpf() throws Exception {
        allDenied(filtered("seccomp_bpf.py"), Map.of());
        probesReachTheKernel(withoutFilter("seccomp_bpf.py"));
    }

    @Test
    void ptraceAndProcessVmReadv() throws Exception {
        allDenied(filtered("seccomp_ptrace.py"), Map.of());
        JsonNode off = withoutFilter("seccomp_ptrace.py", Map.of("pid1", false));
        probesReachTheKernel(off);
        assertThat(off.path("traceme").asText()).isEqualTo("ok");
        assertThat(off.path("attach_own_child").asText()).isEqualTo("ok");
        assertThat(off.path("process_vm_readv").asText()).isEqualTo("ok");
    }

    @Test
    void namespacesAndClone3() throws Exception {
        allDenied(filtered("seccomp_unshare.py"), Map.of("clone3", "ENOSYS"));
        JsonNode off = withoutFilter("seccomp_unshare.py");
        probesReachTheKernel(off);
        assertThat(off.path("setns").asText()).isEqualTo("EBADF");
        assertThat(off.path("clone3").asText()).isEqualTo("EINVAL");
    }

    @Test
    void mounts() throws Exception {
        allDenied(filtered("seccomp_mount.py"), Map.of());
        probesReachTheKernel(withoutFilter("seccomp_mount.py"));
    }

    @Test
    void foreignAbisAreKilledOrDenied() throws Exception {
        JsonNode off = withoutFilter("seccomp_foreign_arch.py");
        assertThat(off.path("x32_getpid").asText()).isIn("ENOSYS", "ok");
        assertThat(off.path("i386_getpid").asText()).isIn("exit 0", "SIGSEGV");
        JsonNode v = filtered("seccomp_foreign_arch.py");
        assertThat(v.path("x32_getpid").asText()).isEqualTo("EPERM");
        // A kernel without IA32 emulation faults on int 0x80 before any system call (and any filter) is reached.
        assertThat(v.path("i386_getpid").asText())
                .isEqualTo(off.path("i386_getpid").asText().equals("SIGSEGV") ? "SIGSEGV" : "SIGSYS");
    }

    @Test
    void anOrdinaryProgramStillWorks() throws Exception {
        JsonNode v = filtered("seccomp_normal.py");
        for (String method : new String[] {"fork", "spawn", "forkserver"}) {
            assertThat(v.path("pool_" + method).toString()).as(method).isEqualTo("[0,1,4,9,16]");
        }
        assertThat(v.path("threads").toString()).isEqualTo("[0,1,4,9,16]");
        assertThat(v.path("thread").toString()).isEqualTo("[1]");
        assertThat(v.path("fork_exit").asInt()).isEqualTo(7);
        assertThat(v.path("asyncio").asText()).isEqualTo("asyncio");
        assertThat(v.path("shared_memory").asText()).isEqualTo("hello");
        assertThat(v.path("queue").asText()).isEqualTo("queued");
    }
}
