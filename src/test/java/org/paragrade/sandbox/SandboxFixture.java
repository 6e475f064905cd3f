package org.paragrade.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared by the sandbox tests: one Sandbox for the suite, fixtures from src/test/resources/sandbox. */
final class SandboxFixture {
    static final Path WORK = Path.of("target/sandbox-work").toAbsolutePath();
    static final Limits SMALL = new Limits(3, 5, 192, 64, 64);
    /**
     * This JVM's own parent cgroup: other engineers' suites run sandboxes on the same machine at the same time,
     * and "no run cgroup left" must look at ours only. Removed (empty) when the JVM exits.
     */
    static final String CGROUP_PARENT = "paragrade-test-" + ProcessHandle.current().pid();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (String c : List.of("cpuacct", "memory", "pids", "freezer", "cpu")) {
                try {
                    Path parent = cgroupParent(c);
                    if (parent != null) {
                        Files.deleteIfExists(parent);
                    }
                } catch (IOException e) {
                    // not empty or gone: left for the next boot
                }
            }
        }));
    }
    private static Sandbox sandbox;

    private SandboxFixture() {
    }

    static synchronized Sandbox sandbox() {
        if (sandbox == null) {
            sandbox = new Sandbox(new SandboxSettings(Path.of("python3"), Path.of("/usr/bin/bwrap"),
                    WORK, false, CGROUP_PARENT));
        }
        return sandbox;
    }

    /** A fresh solution dir holding the fixture as solution.py. */
    static Path solution(String fixture) throws IOException {
        Path dir = Files.createTempDirectory("pg-solution-");
        try (InputStream in = SandboxFixture.class.getResourceAsStream("/sandbox/" + fixture)) {
            if (in == null) {
                throw new IOException("no fixture " + fixture);
            }
            Files.write(dir.resolve("solution.py"), in.readAllBytes());
        }
        return dir;
    }

    static RunResult run(String fixture, String entry, Map<String, Object> params, Limits limits) throws IOException {
        Path dir = solution(fixture);
        RunResult r = sandbox().run(new RunRequest(fixture, dir, null,
                new HarnessSpec(entry, "function", params, false, null), limits));
        assertHostClean(fixture);
        return r;
    }

    static RunResult run(String fixture, Limits limits) throws IOException {
        return run(fixture, "run", Map.of(), limits);
    }

    /** No process of any run is left on the host, no run cgroup, no run directory. */
    static void assertHostClean(String marker) throws IOException {
        // Scoped to this suite's staging directory: other users of the machine may run sandboxes of their own.
        // Processes inside a sandbox are covered by the cgroup check below (nothing leaves its cgroup).
        Path runs = sandbox().runsDir();
        assertThat(hostProcessesMentioning(runs.toString())).as("sandbox processes left on the host").isEmpty();
        if (marker != null) {
            assertThat(hostProcessesMentioning(marker)).as("processes mentioning " + marker).isEmpty();
        }
        try (var left = Files.list(runs)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("r-")).toList())
                    .as("run directories left").isEmpty();
        }
        for (String c : List.of("cpuacct", "memory", "pids", "freezer", "cpu")) {
            Path parent = cgroupParent(c);
            if (parent != null && Files.isDirectory(parent)) {
                try (var dirs = Files.list(parent)) {
                    assertThat(dirs.filter(Files::isDirectory).toList()).as("run cgroups left in " + c).isEmpty();
                }
            }
        }
    }

    static Path cgroupParent(String controller) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3 && List.of(parts[1].split(",")).contains(controller)) {
                return Path.of("/sys/fs/cgroup", controller, parts[2].substring(1), CGROUP_PARENT);
            }
        }
        return null;
    }

    /** Host processes (other than this JVM) whose command line contains {@code text}. */
    static List<String> hostProcessesMentioning(String text) {
        List<String> found = new ArrayList<>();
        long me = ProcessHandle.current().pid();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit) || Long.parseLong(name) == me) {
                    continue;
                }
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    if (cmd.contains(text) && !cmd.contains("surefire")) {
                        found.add(name + ": " + cmd);
                    }
                } catch (IOException e) {
                    // gone
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
