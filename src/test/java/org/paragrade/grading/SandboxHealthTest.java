package org.paragrade.grading;

import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.paragrade.ParagradeConfig;
import org.paragrade.sandbox.InterpreterEntry;
import org.paragrade.sandbox.Sandbox;
import org.paragrade.sandbox.SandboxSettings;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness check of a grading instance, with real sandboxes: this host's (cgroup v1 here, full limits)
 * and one that finds no cgroup (as on a v2 host whose controllers do not reach the server).
 */
class SandboxHealthTest {
    private static final Path WORK = Path.of("target/sandbox-work-health").toAbsolutePath();
    private static final String PARENT = "paragrade-test-" + ProcessHandle.current().pid();

    /** The runs' (empty) parent cgroups this test made, one per v1 controller. */
    @AfterAll
    static void removeTheRunsParents() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] parts = line.split(":", 3);
            for (String c : parts.length == 3 ? parts[1].split(",") : new String[0]) {
                if (List.of("cpuacct", "memory", "pids", "freezer", "cpu").contains(c)) {
                    Files.deleteIfExists(Path.of("/sys/fs/cgroup", c, parts[2].substring(1), PARENT));
                }
            }
        }
    }

    @Test
    void aSandboxWithFullLimitsIsReadyAndSaysWhichLimitsItFound() {
        Sandbox sandbox = new Sandbox(new SandboxSettings(Path.of("python3"), Path.of("/usr/bin/bwrap"), WORK, false,
                PARENT, false, false));
        HealthCheckResponse r = health(sandbox).call();
        assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(r.getData().orElseThrow().get("mode").toString()).startsWith("cgroup v");
        assertThat(r.getData().orElseThrow().get("limits").toString()).contains("memory limit", "task limit", "CPU time");
    }

    @Test
    void aSandboxThatCannotEnforceTheLimitsIsNotReadyAndSaysWhy() {
        Sandbox sandbox = new Sandbox(new SandboxSettings(Path.of("python3"), Path.of("/usr/bin/bwrap"), WORK, false,
                PARENT, false, false, Path.of("/nonexistent/cgroupfs")));
        HealthCheckResponse r = health(sandbox).call();
        assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        var data = r.getData().orElseThrow();
        assertThat(data.get("mode")).isEqualTo("rusage only");
        assertThat(data.get("limits").toString()).startsWith("no cgroup");
        assertThat(data.get("error").toString()).startsWith("Refusing to grade")
                .contains("paragrade.grading.sandbox.allow-weak=true");
    }

    @Test
    void everyInterpreterIsListedWithItsVersionAndGilStateAndABrokenOneIsNotReady() {
        Sandbox sandbox = new Sandbox(new SandboxSettings(Path.of("python3"), Path.of("/usr/bin/bwrap"), WORK, false,
                PARENT, false, false).withInterpreters(List.of(
                new InterpreterEntry("debian", "/usr/bin/python3", null, false),
                new InterpreterEntry("gone", "/nonexistent/python3.13t", null, true))));
        HealthCheckResponse up = health(sandbox).call();
        assertThat(up.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        var data = up.getData().orElseThrow();
        assertThat(data.get("interpreters").toString()).matches("cpython-3\\.\\d+: 3\\.[0-9.]+, GIL on; debian: 3\\.[0-9.]+, GIL on;"
                + " gone: not installed");
        assertThat(data.get("interpreter debian").toString()).contains("GIL on", "/usr/bin/python3");

        Sandbox broken = new Sandbox(new SandboxSettings(Path.of("python3"), Path.of("/usr/bin/bwrap"), WORK, false,
                PARENT, false, false).withInterpreters(List.of(new InterpreterEntry("cpython-3.13t", "/bin/false", null, false))));
        HealthCheckResponse down = health(broken).call();
        assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(down.getData().orElseThrow().get("interpreters").toString()).endsWith("cpython-3.13t: BROKEN");
        assertThat(down.getData().orElseThrow().get("error").toString())
                .startsWith("Exercises needing these interpreters are not graded: interpreter 'cpython-3.13t' (/bin/false)");
    }

    @SuppressWarnings("unchecked")
    private static SandboxHealth health(Sandbox sandbox) {
        ParagradeConfig config = (ParagradeConfig) Proxy.newProxyInstance(SandboxHealthTest.class.getClassLoader(),
                new Class<?>[] {ParagradeConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("workers")) {
                        return 1;
                    }
                    if (method.getName().equals("role")) {
                        return ParagradeConfig.InstanceRole.ALL;
                    }
                    if (method.isDefault()) { // derived settings (grades()) from the two above
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Instance<Sandbox> instance = (Instance<Sandbox>) Proxy.newProxyInstance(SandboxHealthTest.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get")) {
                        return sandbox;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new SandboxHealth(config, instance);
    }
}
