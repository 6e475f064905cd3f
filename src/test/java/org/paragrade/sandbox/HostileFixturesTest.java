package org.paragrade.sandbox;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paragrade.sandbox.SandboxFixture.run;

/**
 * One hostile fixture per row of the threat model (shared/SECURITY.md). Every run also checks the host
 * invariants in {@link SandboxFixture#assertHostClean}: no process left, no cgroup left, no run directory left.
 */
class HostileFixturesTest {
    static final Limits LIMITS = new Limits(2, 4, 160, 48, 32);

    /** CPU fixtures get a wall limit far above the CPU limit, so a loaded CI machine still hits CPU first. */
    static final Limits CPU_LIMITS = new Limits(1.5, 15, 160, 48, 32);

    @Test
    void infiniteLoopHitsTheCpuLimit() throws Exception {
        RunResult r = run("infinite_loop.py", CPU_LIMITS);
        assertThat(r.outcome()).isEqualTo(Outcome.TIME_LIMIT_CPU);
        assertThat(r.message()).contains("1.5 s of CPU time");
        assertThat(r.cgroupCpuMs()).isGreaterThanOrEqualTo(1500);
    }

    @Test
    void cpuInManyThreadsHitsTheCpuLimit() throws Exception {
        RunResult r = run("cpu_threads.py", CPU_LIMITS);
        assertThat(r.outcome()).isEqualTo(Outcome.TIME_LIMIT_CPU);
    }

    @Test
    void cpuInManyProcessesHitsTheCpuLimitCountingAllOfThem() throws Exception {
        RunResult r = run("cpu_processes.py", CPU_LIMITS);
        assertThat(r.outcome()).isEqualTo(Outcome.TIME_LIMIT_CPU);
        assertThat(r.cgroupCpuMs()).isGreaterThanOrEqualTo(1500);
    }

    @Test
    void sleepingForeverHitsTheWallLimitWithStacks() throws Exception {
        RunResult r = run("sleep_forever.py", new Limits(2, 2, 160, 48, 32));
        assertThat(r.outcome()).isEqualTo(Outcome.TIME_LIMIT_WALL);
        assertThat(r.stacks()).contains("sleepy_function_xyz").doesNotContain("/harness/");
    }

    @Test
    void stdinIsEmptyInsteadOfHanging() throws Exception {
        RunResult r = run("read_stdin.py", LIMITS);
        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.value().asText()).isEmpty();
    }

    @Test
    void forkBombHitsTheProcessLimit() throws Exception {
        RunResult r = run("fork_bomb.py", LIMITS);
        assertThat(r.outcome()).isEqualTo(Outcome.PROCESS_LIMIT);
        assertThat(r.message()).contains("48 processes");
        if (r.cgroupPeakTasks() >= 0) {
            assertThat(r.cgroupPeakTasks()).isEqualTo(48 + RunCgroup.TASK_ALLOWANCE);
        }
    }

    @Test
    void pool10000HitsTheProcessLimit() throws Exception {
        assertThat(run("pool_10000.py", LIMITS).outcome()).isEqualTo(Outcome.PROCESS_LIMIT);
    }

    @Test
    void threadBombHitsTheProcessLimit() throws Exception {
        assertThat(run("thread_bomb.py", LIMITS).outcome()).isEqualTo(Outcome.PROCESS_LIMIT);
    }

    @Test
    void memoryBombHitsTheMemoryLimit() throws Exception {
        RunResult r = run("memory_bomb.py", LIMITS);
        assertThat(r.outcome()).isEqualTo(Outcome.MEMORY_LIMIT);
        assertThat(r.message()).contains("160 MB");
        if (r.cgroupPeakMemoryMb() >= 0) {
            assertThat(r.cgroupPeakMemoryMb()).as("the cgroup's peak, whatever the sampler saw").isGreaterThan(150);
        }
    }

    @Test
    void memorySpreadOverWorkersHitsTheMemoryLimitOfTheTree() throws Exception {
        assertThat(run("memory_workers.py", new Limits(3, 6, 160, 48, 32)).outcome())
                .isEqualTo(Outcome.MEMORY_LIMIT);
    }

    @Test
    void stdoutFloodHitsTheOutputLimit() throws Exception {
        RunResult r = run("stdout_flood.py", LIMITS);
        assertThat(r.outcome()).isEqualTo(Outcome.OUTPUT_LIMIT);
        assertThat(r.outputTruncated()).isTrue();
        assertThat(r.stdout().length() + r.stderr().length()).isLessThanOrEqualTo(32 * 1024);
        assertThat(r.message()).contains("32 KB");
    }

    @Test
    void fillingTmpAndShmEndsInAnErrorInsideTheSandbox() throws Exception {
        for (String where : List.of("/tmp", "/dev/shm")) {
            RunResult r = run("disk_fill.py", "run", Map.of("where", where), new Limits(5, 6, 256, 48, 32));
            assertThat(r.outcome()).as(where).isEqualTo(Outcome.RUNTIME_ERROR);
            assertThat(r.message()).as(where).contains("No space left on device");
            assertThat(Path.of(where, "fill-0")).as("host " + where).doesNotExist();
        }
    }

    @Test
    void fileBeyondTheSizeLimitFails() throws Exception {
        RunResult r = run("huge_file.py", new Limits(5, 6, 256, 48, 32));
        assertThat(r.outcome()).isEqualTo(Outcome.RUNTIME_ERROR);
        assertThat(r.message()).contains("File too large");
    }

    @Test
    void networkIsLoopbackOnlyAndNoHostSocketIsVisible() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            RunResult r = run("network.py", "run", Map.of("port", server.getLocalPort()), LIMITS);
            assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(r.value().path("host_port").asText()).isEqualTo("ConnectionRefusedError");
            assertThat(r.value().path("internet").asText()).isNotEqualTo("connected");
            assertThat(r.value().path("pg_socket").asText()).isEqualTo("FileNotFoundError");
            assertThat(r.value().path("pg_socket_run").asText()).isEqualTo("FileNotFoundError");
            assertThat(r.value().path("run_exists").asBoolean()).isFalse();
            assertThat(r.value().path("var_run_exists").asBoolean()).isFalse();
            assertThat(r.value().path("interfaces").toString()).isEqualTo("[\"lo\"]");
        }
    }

    @Test
    void environmentHoldsOnlyTheFixedVariables() throws Exception {
        RunResult r = run("environment.py", LIMITS);
        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        Set<String> keys = Set.copyOf(iterable(r.value().path("environ").fieldNames()));
        assertThat(keys).isSubsetOf("PATH", "HOME", "LANG", "TMPDIR", "PYTHONDONTWRITEBYTECODE", "PWD", "LC_CTYPE");
        String everything = r.value().toString();
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            if (e.getValue().length() >= 6 && !e.getValue().startsWith("/usr") && !e.getValue().equals("C.UTF-8")) {
                assertThat(everything).as("the server's %s", e.getKey()).doesNotContain(e.getValue());
            }
        }
        assertThat(r.value().path("proc").path("/proc/1/environ").asText()).doesNotContain("JAVA");
    }

    @Test
    void hostPathsAreInvisible() throws Exception {
        // the solution dir has a sibling reference file, as an engine might lay them out
        Path base = Files.createTempDirectory("pg-host-");
        Path reference = Files.writeString(base.resolve("reference.py"), "SECRET_REFERENCE = 1\n");
        Path solution = Files.createDirectory(base.resolve("solution"));
        Files.copy(SandboxFixture.solution("host_paths.py").resolve("solution.py"), solution.resolve("solution.py"));
        Path data = SandboxFixture.WORK;
        RunResult r = SandboxFixture.sandbox().run(new RunRequest("paths", solution, null, new HarnessSpec("run",
                "function", Map.of("paths", List.of(reference.toString(), "/solution/../reference.py",
                base.toString(), data.toString(), "/proc/1/root/etc/shadow")), false, null), LIMITS));
        SandboxFixture.assertHostClean(null);
        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        String seen = r.value().toString();
        assertThat(seen).doesNotContain("SECRET_REFERENCE").doesNotContain("root:");
        assertThat(r.value().path(reference.toString()).asText()).isEqualTo("FileNotFoundError");
        assertThat(r.value().path("/etc/shadow").asText()).isEqualTo("FileNotFoundError");
        assertThat(r.value().path("/root").asText()).isIn("FileNotFoundError", "dir:.pyenv");
        assertThat(r.value().path("/work").asText()).isEqualTo("FileNotFoundError");
        assertThat(r.value().path("/").asText()).isEqualTo("dir:" + String.join(",",
                rootEntries(r.value().path("/").asText())));
        assertThat(r.value().path("/").asText()).doesNotContain("work", "home", "var", "run", "srv", "opt");
    }

    @Test
    void retuningPid1IsSeenAsTampering() throws Exception {
        // Same uid: the kernel lets student code prlimit, renice or pin the supervisor, which would blind its sampler.
        for (String how : List.of("prlimit", "nice", "affinity")) {
            if (how.equals("nice") && ownNice() == 19) {
                // Run under `nice -n 19` the supervisor is already as low as a same-uid process can push it:
                // there is nothing left to retune, so that way of tampering does not exist here (CI runs at 0).
                continue;
            }
            RunResult r = run("retune_pid1.py", "run", Map.of("how", how), LIMITS);
            assertThat(r.outcome()).as(how + ": " + r.message()).isEqualTo(Outcome.RUNTIME_ERROR);
            assertThat(r.message()).as(how).contains("changed the limits, priority or CPUs");
        }
    }

    @Test
    void nothingReadableInsideNamesAHostPathOrTheRun() throws Exception {
        Path exercise = Files.createTempDirectory("pg-exercise-job4711-");
        Files.createDirectories(exercise.resolve("data"));
        Files.writeString(exercise.resolve("data/input.txt"), "1\n");
        Files.writeString(exercise.resolve("checker.py"), "def setup(params, ctx):\n    return params\n");
        Path solution = SandboxFixture.solution("no_host_paths.py");
        String label = "job4711:submission8123:student";
        RunResult r = SandboxFixture.sandbox().run(new RunRequest(label, solution, exercise,
                new HarnessSpec("run", "function", Map.of(), true, null), LIMITS));
        SandboxFixture.assertHostClean(null);
        assertThat(r.outcome()).as(r.message() + r.traceback()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.value().path("/proc/self/mountinfo").asText()).contains(" /solution ", " /exercise/data ");
        r.value().fields().forEachRemaining(e -> assertThat(e.getValue().asText()).as(e.getKey())
                .doesNotContain(SandboxFixture.WORK.toString(), Path.of("").toAbsolutePath().toString(),
                        exercise.toString(), solution.toString(), "job4711", "submission8123",
                        SandboxFixture.sandbox().runsDir().toString()));
    }

    @Test
    void killingTheSupervisorGainsNothing() throws Exception {
        // The supervisor is the pid namespace's init: a signal from inside it, even SIGKILL, does not reach it.
        RunResult r = run("kill_supervisor.py", LIMITS);
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.value().asText()).isEqualTo("survived");
    }

    @Test
    void killMinusOneGainsNothing() throws Exception {
        // kill(-1) spares the namespace's init: with the supervisor out of reach there is nobody to signal.
        RunResult r = run("kill_everything.py", LIMITS);
        assertThat(r.outcome()).isEqualTo(Outcome.RUNTIME_ERROR);
        assertThat(r.message()).contains("ProcessLookupError").doesNotContain("grading harness");
    }

    @Test
    void pid1CannotBeTracedOpenedStoppedOrForged() throws Exception {
        RunResult r = run("take_pid1.py", LIMITS);
        assertThat(r.outcome()).as(r.message() + r.traceback()).isEqualTo(Outcome.COMPLETED);
        var seen = r.value();
        assertThat(seen.path("ppid").asInt()).as("the student's parent is pid 1").isEqualTo(1);
        assertThat(seen.path("pid 1").asText()).as("pid 1 is the supervisor").endsWith("/supervisor.py");
        for (String ptrace : List.of("ptrace(PTRACE_ATTACH, 1)", "ptrace(PTRACE_SEIZE, 1)", "process_vm_readv(1)")) {
            assertThat(seen.path(ptrace).asText()).as(ptrace).isEqualTo("Operation not permitted");
        }
        for (String open : List.of("/proc/1/fd/1 wb", "/proc/1/fd/2 wb", "/proc/1/fd/1 rb", "/proc/1/mem r+b",
                "/proc/1/environ rb", "readlink /proc/1/fd/1", "readlink /proc/1/exe")) {
            assertThat(seen.path(open).asText()).as(open).isEqualTo("PermissionError");
        }
        assertThat(seen.path("state of pid 1").asText()).as("SIGSTOP did not stop it").isNotEqualTo("T");
        assertThat(r.maxProcesses()).as("the sampler kept sampling").isGreaterThanOrEqualTo(5);
        if (r.cgroupPeakTasks() >= 0) {
            assertThat(r.cgroupPeakTasks()).as("the cgroup's peak: the tree and the harness").isGreaterThanOrEqualTo(7);
        }
        assertThat(r.wallMs()).isGreaterThan(400);
        assertThat(r.stdout()).contains("\"value\": \"forged\"");   // the forged line is only the student's output
    }

    @Test
    void daemonDoesNotOutliveTheRun() throws Exception {
        RunResult r = run("daemon_escape.py", LIMITS);
        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        SandboxFixture.assertHostClean("PG_DAEMON_MARKER_7731");
    }

    @Test
    void plantedLinksAreNeverFollowedByTheHost() throws Exception {
        Path base = Files.createTempDirectory("pg-links-");
        Path victim = Files.writeString(base.resolve("victim.txt"), "untouched\n");
        Path solution = SandboxFixture.solution("planted_links.py");
        Files.createSymbolicLink(solution.resolve("leak"), victim);
        Files.createSymbolicLink(solution.resolve("shadow"), Path.of("/etc/shadow"));
        RunResult r = SandboxFixture.sandbox().run(new RunRequest("links", solution, null,
                new HarnessSpec("run", "function", Map.of("targets", List.of(victim.toString(), "/etc/passwd",
                        SandboxFixture.WORK.toString())), false, null), LIMITS));
        SandboxFixture.assertHostClean(null);
        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.value().path(victim.toString()).asText()).isNotEqualTo("written");
        assertThat(r.value().path("/solution").asText()).isEqualTo("OSError");
        assertThat(r.value().path("solution_dir").toString()).isEqualTo("[\"solution.py\"]");
        assertThat(Files.readString(victim)).isEqualTo("untouched\n");
        assertThat(Files.isSymbolicLink(solution.resolve("leak"))).isTrue();
        assertThat(Files.readString(Path.of("/etc/passwd"))).doesNotContain("pwned");
    }

    @Test
    void fakeResultLinesAndTheSupervisorsFdsAreOutOfReach() throws Exception {
        RunResult r = run("fake_result.py", LIMITS);
        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.value().isObject()).isTrue();
        r.value().fields().forEachRemaining(e -> assertThat(e.getValue().asText()).as(e.getKey())
                .isEqualTo("PermissionError"));
        assertThat(r.stdout()).contains("PARAGRADE/1 ");   // captured as text, never parsed
        assertThat(r.wallMs()).isGreaterThan(0.001);
    }

    @Test
    void aValueNested5000DeepIsTheStudentsRuntimeError() throws Exception {
        for (String how : List.of("returned", "written")) {
            RunResult r = run("deep_value.py", "run", Map.of("how", how), LIMITS);
            assertThat(r.outcome()).as(how + ": " + r.message()).isEqualTo(Outcome.RUNTIME_ERROR);
            assertThat(r.message()).as(how).contains("nested").contains("too deeply to grade");
        }
    }

    @Test
    void nulAndControlCharactersAreSanitisedInEveryText() throws Exception {
        RunResult r = run("nul_output.py", "add", Map.of("a", 2, "b", 3), LIMITS);
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.value().path("sum").asInt()).isEqualTo(5);
        assertThat(r.value().path("text\u2400").asText()).isEqualTo("x\u2400y\u2421\uFFFD");
        assertThat(r.value().path("surrogate").asText()).isEqualTo("\uFFFD");
        assertThat(r.stdout()).startsWith("\u2400 and an escape \u241B[31m red");
        assertThat(r.stderr()).isEqualTo("\u2400\u2407");
        String stored = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(r);
        assertThat(stored).doesNotContain("\\u0000").doesNotContain("\\ud800").doesNotContain("\u0000");
    }

    @Test
    void aSevenMegabyteExceptionMessageIsCut() throws Exception {
        RunResult r = run("huge_message.py", LIMITS);
        assertThat(r.outcome()).isEqualTo(Outcome.RUNTIME_ERROR);
        assertThat(r.message()).startsWith("Your code raised ValueError: xxx").contains("cut: 7000000 characters in all");
        assertThat(r.message().length()).isLessThan(StudentText.MAX_CHARS + 200);
        assertThat(r.traceback().length()).isLessThan(StudentText.MAX_CHARS + 200);
    }

    @Test
    void aValueTooLargeToGradeIsTheStudentsRuntimeError() throws Exception {
        RunResult r = run("huge_value.py", LIMITS);
        assertThat(r.outcome()).isEqualTo(Outcome.RUNTIME_ERROR);
        assertThat(r.message()).isEqualTo("Your function returned a value too large to grade (more than 256 KB as JSON).");
    }

    @Test
    void patchedClocksChangeNothingMeasured() throws Exception {
        RunResult r = run("patched_clocks.py", LIMITS);
        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.wallMs()).isGreaterThanOrEqualTo(1000);
        assertThat(r.cpuMs()).isGreaterThan(50);
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    /** What may be at the sandbox's root: the mounts we made, nothing of the host. */
    private static List<String> rootEntries(String seen) {
        List<String> allowed = List.of("bin", "dev", "etc", "harness", "lib", "lib32", "lib64", "libx32", "proc",
                "root", "sbin", "solution", "tmp", "usr");
        List<String> entries = List.of(seen.substring("dir:".length()).split(","));
        assertThat(allowed).containsAll(entries);
        return entries;
    }

    /** This JVM's nice value (field 19 of /proc/self/stat, after the command's closing parenthesis). */
    private static int ownNice() throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }
}
