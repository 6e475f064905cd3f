package org.paragrade.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paragrade.sandbox.SandboxFixture.run;

/** What the course teaches must keep working inside the sandbox, and be measured sensibly. */
class PositiveControlsTest {
    static final Limits LIMITS = new Limits(10, 10, 256, 160, 64);

    static RunResult control(String entry, Map<String, Object> params) throws Exception {
        RunResult r = run("controls.py", entry, params, LIMITS);
        assertThat(r.outcome()).as(entry + ": " + r.message() + "\n" + r.traceback() + r.stderr())
                .isEqualTo(Outcome.COMPLETED);
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fork", "spawn", "forkserver"})
    void poolUnderEveryStartMethod(String method) throws Exception {
        RunResult r = control("pool", Map.of("method", method));
        assertThat(r.value().toString()).isEqualTo("[0,1,4,9,16,25]");
        assertThat(r.maxProcesses()).isGreaterThanOrEqualTo(3);
        if (r.cgroupPeakTasks() >= 0) {
            // the cgroup's high-water mark sees the student's tree plus the outer bwrap and the supervisor
            assertThat(r.cgroupPeakTasks()).isGreaterThanOrEqualTo(r.maxProcesses() + 2);
        }
        if (r.cgroupPeakMemoryMb() >= 0) {
            assertThat(r.cgroupPeakMemoryMb()).isGreaterThan(5).isLessThan(LIMITS.memoryMb() + 48);
        }
    }

    @Test
    void runsAreMeasuredInTheirOwnCpuGroupWeightedAboveTheServer() throws Exception {
        Path parent = SandboxFixture.cgroupParent("cpu");
        org.junit.jupiter.api.Assumptions.assumeTrue(parent != null && Files.isDirectory(parent.getParent()),
                "no cgroup v1 cpu controller on this host");
        // Watch the cpu hierarchy from the host while a run sits for a second.
        var seen = new java.util.concurrent.atomic.AtomicReference<String>();
        Thread watcher = new Thread(() -> {
            long end = System.nanoTime() + 5_000_000_000L;
            while (seen.get() == null && System.nanoTime() < end) {
                try (var runs = Files.list(parent)) {
                    for (Path run : runs.filter(Files::isDirectory).toList()) {
                        if (!Files.readString(run.resolve("cgroup.procs")).isBlank()) {
                            seen.set(run.getFileName().toString());
                        }
                    }
                } catch (java.io.IOException e) {
                    // a run cgroup removed while listing: look again
                }
                Thread.onSpinWait();
            }
        });
        watcher.start();
        assertThat(control("sit", Map.of("seconds", 1.0)).value().asDouble()).isEqualTo(1.0);
        watcher.join();
        assertThat(seen.get()).as("the run's processes sit in a cpu cgroup of their own below the weighted parent")
                .startsWith("controls.py-");
        assertThat(Files.readString(parent.resolve("cpu.shares")).trim()).isEqualTo(Integer.toString(8 * 1024));
    }

    @Test
    void processPoolExecutor() throws Exception {
        assertThat(control("process_pool_executor", Map.of()).value().toString()).isEqualTo("[0,1,4,9,16,25]");
    }

    @Test
    void queueBetweenProcesses() throws Exception {
        assertThat(control("queue", Map.of()).value().size()).isEqualTo(10);
    }

    @Test
    void lockAndSemaphoreAcrossProcesses() throws Exception {
        assertThat(control("lock_semaphore", Map.of()).value().asInt()).isEqualTo(2000);
    }

    @Test
    void sharedMemory() throws Exception {
        assertThat(control("shared_mem", Map.of()).value().asText()).isEqualTo("hello");
    }

    @Test
    void threadPoolExecutorAndItsThreads() throws Exception {
        RunResult r = control("thread_pool", Map.of());
        assertThat(r.value().toString()).isEqualTo("[0,2,4,6,8,10,12,14]");
        assertThat(r.maxThreads()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void asyncio() throws Exception {
        assertThat(control("use_asyncio", Map.of()).value().size()).isEqualTo(10);
    }

    @Test
    void hundredThreadsWithinTheLimit() throws Exception {
        RunResult r = control("hundred_threads", Map.of());
        assertThat(r.value().asInt()).isEqualTo(100);
        assertThat(r.maxThreads()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void twoBurningProcessesUseTwoCores() throws Exception {
        double load = loadAverage();
        RunResult r = control("cpu_burn_two_processes", Map.of());
        assertThat(r.maxProcesses()).isGreaterThanOrEqualTo(3);
        // each worker burns 1 s of its own CPU time: both must be counted, whatever else the machine does
        assertThat(r.cpuMs()).isGreaterThanOrEqualTo(1950);
        assertThat(r.cgroupCpuMs()).isGreaterThanOrEqualTo(r.cpuMs() * 0.95);
        if (load < 1.0 && loadAverage() < 1.5) {
            // on a quiet 2-core machine the two run side by side; a busy one cannot show that
            assertThat(r.cpuMs() / r.wallMs()).as("CPU utilisation, cpu %s ms wall %s ms", r.cpuMs(), r.wallMs())
                    .isGreaterThan(1.5);
        }
    }

    @Test
    void fourThreadPoolIsCounted() throws Exception {
        RunResult r = control("cpu_threads_pool", Map.of());
        assertThat(r.maxThreads()).isGreaterThanOrEqualTo(5);
        // threads are serialised by the GIL: about one core
        assertThat(r.cpuMs() / r.wallMs()).isLessThan(1.4);
    }

    static double loadAverage() throws java.io.IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    @Test
    void valuesAreCanonical() throws Exception {
        assertThat(control("types", Map.of()).value().toString()).isEqualTo(
                "{\"2\":\"int key\",\"nested\":{\"a\":[1.5,null,true],\"b\":1},\"set\":[1,2,3],\"tuple\":[1,2]}");
    }

    @Test
    void switchIntervalIsApplied() throws Exception {
        Path dir = SandboxFixture.solution("controls.py");
        RunResult r = SandboxFixture.sandbox().run(new RunRequest("switch", dir, null,
                new HarnessSpec("switch_interval", "function", Map.of(), false, 1e-5), LIMITS));
        assertThat(r.value().asDouble()).isCloseTo(1e-5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void runtimeErrorsCarryTheStudentsTracebackOnly() throws Exception {
        RunResult r = run("raises.py", LIMITS);
        assertThat(r.outcome()).isEqualTo(Outcome.RUNTIME_ERROR);
        assertThat(r.message()).contains("KeyError").contains("missing");
        assertThat(r.traceback()).contains("solution.py", "helper").doesNotContain("/harness/");
        RunResult notJson = run("raises.py", "not_json", Map.of(), LIMITS);
        assertThat(notJson.outcome()).isEqualTo(Outcome.RUNTIME_ERROR);
        assertThat(notJson.message()).contains("JSON");
        RunResult exits = run("raises.py", "exits", Map.of(), LIMITS);
        assertThat(exits.outcome()).isEqualTo(Outcome.RUNTIME_ERROR);
        assertThat(exits.message()).contains("exited with code 3");
    }

    @Test
    void checkerSetupAndDriveSeeOnlyTheData() throws Exception {
        Path exercise = Files.createTempDirectory("pg-exercise-");
        Files.createDirectories(exercise.resolve("data"));
        Files.createDirectories(exercise.resolve("reference"));
        Files.writeString(exercise.resolve("data/n.txt"), "10");
        Files.writeString(exercise.resolve("reference/sequential.py"), "SECRET = 1\n");
        Files.writeString(exercise.resolve("expected.json"), "{}");
        try (var in = PositiveControlsTest.class.getResourceAsStream("/sandbox/checker_for_counter.py")) {
            Files.write(exercise.resolve("checker.py"), in.readAllBytes());
        }
        Path dir = SandboxFixture.solution("checker_user.py");
        RunResult r = SandboxFixture.sandbox().run(new RunRequest("checker", dir, exercise,
                new HarnessSpec("Counter", "class", Map.of("extra", 2), true, null), LIMITS));
        assertThat(r.outcome()).as(r.message() + r.traceback()).isEqualTo(Outcome.COMPLETED);
        // the checker reached the supervisor on its stdin: no file of it in the sandbox, only the data
        assertThat(r.value().toString()).isEqualTo("{\"exercise\":[\"data\"],\"value\":66}");
    }

    @Test
    void checkersImportTheHarnesssLocalService() throws Exception {
        Path exercise = Files.createTempDirectory("pg-exercise-");
        try (var in = PositiveControlsTest.class.getResourceAsStream("/sandbox/checker_with_service.py")) {
            Files.write(exercise.resolve("checker.py"), in.readAllBytes());
        }
        RunResult r = SandboxFixture.sandbox().run(new RunRequest("service", SandboxFixture.solution("service_user.py"),
                exercise, new HarnessSpec("fetch_all", "function", Map.of("count", 6), true, null), LIMITS));
        assertThat(r.outcome()).as(r.message() + r.traceback()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.value().path("/item/5").asText()).isEqualTo("/ITEM/5");
        assertThat(r.value().size()).isEqualTo(6);
    }

    @Test
    void severalRunsAtOnce() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<RunResult>>();
            for (int i = 0; i < 3; i++) {
                int a = i;
                Path dir = SandboxFixture.solution("ok_add.py");
                futures.add(pool.submit(() -> SandboxFixture.sandbox().run(new RunRequest("parallel", dir, null,
                        new HarnessSpec("add", "function", Map.of("a", a, "b", 10), false, null), LIMITS))));
            }
            for (int i = 0; i < 3; i++) {
                assertThat(futures.get(i).get().value().asInt()).isEqualTo(10 + i);
            }
            SandboxFixture.assertHostClean(null);
        } finally {
            pool.shutdown();
        }
    }
}
