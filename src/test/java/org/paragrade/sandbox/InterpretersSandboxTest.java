package org.paragrade.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One sandbox with several interpreters, as {@code paragrade.interpreters} configures them: the machine's
 * python3 (the default), Debian's /usr/bin/python3, the free-threaded CPython where it is installed
 * ({@link #FREE_THREADED}, or {@code -Dparagrade.test.free-threaded=...}), a broken one and an optional one
 * that is absent. Correctness and the hostile fixtures that matter most (limits on CPU in threads, tasks,
 * memory) hold on each usable interpreter; a missing free-threaded build is reported as a skipped test, never
 * as a pass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterpretersSandboxTest {
    static final Path FREE_THREADED = Path.of(System.getProperty("paragrade.test.free-threaded",
            "/opt/paragrade/cpython-3.13t/bin/python3.13t"));
    static final Path WORK = Path.of("target/sandbox-work-interpreters").toAbsolutePath();
    static final Limits LIMITS = new Limits(2, 6, 160, 48, 32);
    static final Limits CPU_LIMITS = new Limits(1.5, 15, 160, 48, 32);

    private Sandbox sandbox;

    @BeforeAll
    void build() {
        List<InterpreterEntry> entries = new ArrayList<>(List.of(
                new InterpreterEntry("debian", "/usr/bin/python3", "Debian's python3", false),
                new InterpreterEntry("broken", "/bin/false", null, false),
                new InterpreterEntry("gone", "/nonexistent/python3.99t", null, true)));
        entries.add(new InterpreterEntry("cpython-3.13t", FREE_THREADED.toString(), null, true));
        sandbox = new Sandbox(new SandboxSettings(Path.of("python3"), Path.of("/usr/bin/bwrap"), WORK, false,
                SandboxFixture.CGROUP_PARENT, false, false, SandboxSettings.CGROUP_ROOT, entries));
    }

    @AfterAll
    void clean() throws IOException {
        SandboxFixture.assertHostClean(null);
    }

    /** Called after {@link #build} (per-class instance): the ids the parameterised tests run on. */
    List<String> usable() {
        return sandbox.info().interpreters().stream().filter(Interpreter::usable).map(Interpreter::id).toList();
    }

    @Test
    void everyInterpreterIsListedWithItsVersionAndGilStateTheDefaultFirst() {
        var all = sandbox.info().interpreters();
        assertThat(all.get(0).isDefault()).isTrue();
        assertThat(all.get(0).id()).startsWith("cpython-3.");
        assertThat(all.get(0).gilEnabled()).isTrue();
        Interpreter debian = sandbox.info().interpreter("debian").orElseThrow();
        assertThat(debian.usable()).as(debian.summary()).isTrue();
        assertThat(debian.version()).startsWith("3.");
        assertThat(debian.prefix()).isEqualTo(Path.of("/usr"));
        Interpreter broken = sandbox.info().interpreter("broken").orElseThrow();
        assertThat(broken.usable()).isFalse();
        assertThat(broken.absent()).isFalse();
        assertThat(broken.failure()).contains("interpreter 'broken' (/bin/false)");
        Interpreter gone = sandbox.info().interpreter("gone").orElseThrow();
        assertThat(gone.absent()).isTrue();
        assertThat(gone.summary()).startsWith("not installed (optional)");
        assertThat(sandbox.info().broken()).extracting(Interpreter::id).containsExactly("broken");
    }

    @Test
    void theFreeThreadedBuildRunsWithoutTheGil() {
        assumeTrue(Files.isExecutable(FREE_THREADED), "no free-threaded CPython at " + FREE_THREADED
                + " (grader-images builds it; -Dparagrade.test.free-threaded=PATH names another)");
        Interpreter ft = sandbox.info().interpreter("cpython-3.13t").orElseThrow();
        assertThat(ft.usable()).as(ft.summary()).isTrue();
        assertThat(ft.freeThreaded()).isTrue();
        assertThat(ft.gilEnabled()).isFalse();
    }

    @Test
    void aRunOnAnUnusableOrUnknownInterpreterIsOursAndSaysWhichNeverRunningOnAnother() throws IOException {
        Path dir = SandboxFixture.solution("ok_add.py");
        RunResult broken = sandbox.run(request(dir, "add", Map.of("a", 1, "b", 2), LIMITS, "broken"));
        assertThat(broken.outcome()).isEqualTo(Outcome.INTERNAL_ERROR);
        assertThat(broken.message()).contains("interpreter 'broken'");
        RunResult unknown = sandbox.run(request(dir, "add", Map.of("a", 1, "b", 2), LIMITS, "cpython-9.9"));
        assertThat(unknown.outcome()).isEqualTo(Outcome.INTERNAL_ERROR);
        assertThat(unknown.message()).contains("no interpreter 'cpython-9.9'");
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("usable")
    void aPlainCallAndAPoolUnderEveryStartMethodWork(String id) throws IOException {
        RunResult r = sandbox.run(request(SandboxFixture.solution("ok_add.py"), "add", Map.of("a", 1, "b", 2), LIMITS, id));
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.value().asInt()).isEqualTo(3);
        for (String method : List.of("fork", "spawn", "forkserver")) {
            RunResult pool = sandbox.run(request(SandboxFixture.solution("controls.py"), "pool", Map.of("method", method),
                    LIMITS, id));
            assertThat(pool.outcome()).as(method + ": " + pool.message()).isEqualTo(Outcome.COMPLETED);
            assertThat(pool.value().toString()).isEqualTo("[0,1,4,9,16,25]");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("usable")
    void theRunSeesOnlyItsOwnInterpreter(String id) throws IOException {
        Interpreter chosen = sandbox.info().interpreter(id).orElseThrow();
        List<String> prefixes = sandbox.info().interpreters().stream().filter(Interpreter::usable)
                .map(i -> i.prefix().toString()).toList();
        RunResult r = sandbox.run(request(SandboxFixture.solution("own_interpreter.py"), "run",
                Map.of("prefixes", prefixes), LIMITS, id));
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.value().path("executable").asText()).isEqualTo(chosen.executable().toString());
        assertThat(r.value().path("gil").asBoolean()).isEqualTo(chosen.gilEnabled());
        for (Interpreter other : sandbox.info().interpreters()) {
            if (other.usable() && !other.prefix().equals(chosen.prefix()) && !other.prefix().startsWith("/usr")) {
                assertThat(r.value().path("visible").path(other.prefix().toString()).asBoolean())
                        .as(other.prefix() + " visible in a run on " + id).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("usable")
    void cpuInThreadsTasksAndMemoryHitTheirLimits(String id) throws IOException {
        assertThat(sandbox.run(request(SandboxFixture.solution("cpu_threads.py"), "run", Map.of(), CPU_LIMITS, id))
                .outcome()).isEqualTo(Outcome.TIME_LIMIT_CPU);
        assertThat(sandbox.run(request(SandboxFixture.solution("thread_bomb.py"), "run", Map.of(), LIMITS, id))
                .outcome()).isEqualTo(Outcome.PROCESS_LIMIT);
        assertThat(sandbox.run(request(SandboxFixture.solution("memory_bomb.py"), "run", Map.of(), LIMITS, id))
                .outcome()).isEqualTo(Outcome.MEMORY_LIMIT);
        assertThat(sandbox.run(request(SandboxFixture.solution("kill_supervisor.py"), "run", Map.of(), LIMITS, id))
                .value().asText()).isEqualTo("survived");
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("usable")
    void pid1AndTheResultChannelStayOutOfReach(String id) throws IOException {
        RunResult taken = sandbox.run(request(SandboxFixture.solution("take_pid1.py"), "run", Map.of(), LIMITS, id));
        assertThat(taken.outcome()).as(taken.message() + taken.traceback()).isEqualTo(Outcome.COMPLETED);
        var seen = taken.value();
        assertThat(seen.path("pid 1").asText()).as("pid 1 is the supervisor").endsWith("/supervisor.py");
        for (String ptrace : List.of("ptrace(PTRACE_ATTACH, 1)", "ptrace(PTRACE_SEIZE, 1)", "process_vm_readv(1)")) {
            assertThat(seen.path(ptrace).asText()).as(ptrace).isEqualTo("Operation not permitted");
        }
        for (String open : List.of("/proc/1/fd/1 wb", "/proc/1/mem r+b", "readlink /proc/1/exe")) {
            assertThat(seen.path(open).asText()).as(open).isEqualTo("PermissionError");
        }
        assertThat(seen.path("state of pid 1").asText()).as("SIGSTOP did not stop it").isNotEqualTo("T");

        RunResult forged = sandbox.run(request(SandboxFixture.solution("fake_result.py"), "run", Map.of(), LIMITS, id));
        assertThat(forged.outcome()).as(forged.message()).isEqualTo(Outcome.COMPLETED);
        forged.value().fields().forEachRemaining(e -> assertThat(e.getValue().asText()).as(e.getKey())
                .isEqualTo("PermissionError"));
        assertThat(forged.stdout()).contains("PARAGRADE/1 "); // captured as text, never parsed
    }

    private static RunRequest request(Path dir, String entry, Map<String, Object> params, Limits limits, String id) {
        return new RunRequest("interp-" + id, dir, null, new HarnessSpec(entry, "function", params, false, null), limits, id);
    }
}
