package org.paragrade.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.sandbox.HarnessSpec;
import org.paragrade.sandbox.Limits;
import org.paragrade.sandbox.RunRequest;
import org.paragrade.sandbox.RunResult;
import org.paragrade.sandbox.Sandbox;

/** Runs one variant of one exercise on one set of params through the sandbox, with the exercise's limits. */
final class ExerciseRunner {
    static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Sandbox sandbox;
    private final ExerciseManifest manifest;
    private final Workspace workspace;
    private final boolean hasChecker;
    private final String label;

    ExerciseRunner(Sandbox sandbox, ExerciseManifest manifest, Workspace workspace, boolean hasChecker, String label) {
        this.sandbox = sandbox;
        this.manifest = manifest;
        this.workspace = workspace;
        this.hasChecker = hasChecker;
        this.label = label;
    }

    RunResult run(String variant, Map<String, Object> params, Double switchInterval) {
        var l = manifest.limits();
        HarnessSpec spec = new HarnessSpec(manifest.entry().name(), manifest.entry().type(), params, hasChecker,
                switchInterval);
        Path exerciseDir = workspace.exerciseDir();
        RunResult result = sandbox.run(new RunRequest(label + ":" + variant, workspace.dirOf(variant), exerciseDir, spec,
                new Limits(l.cpuSeconds(), l.wallSeconds(), l.memoryMb(), l.maxProcesses(), l.outputKb())));
        io.micrometer.core.instrument.Metrics.counter("paragrade_sandbox_runs_total", "outcome",
                result.outcome().name()).increment();
        if (result.outcome() == org.paragrade.sandbox.Outcome.INTERNAL_ERROR) {
            io.micrometer.core.instrument.Metrics.counter("paragrade_sandbox_failures_total").increment();
        }
        return result;
    }

    static Map<String, Object> benchmarkParams(ExerciseManifest m, int workers) {
        Map<String, Object> p = new LinkedHashMap<>(m.benchmark().params());
        p.put("workers", workers);
        return p;
    }

    static String canonical(Object value) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.valueToTree(value));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cache key of a params set: SHA-256 of its canonical JSON. */
    static String key(Map<String, Object> params) {
        try {
            String json = CANONICAL.writeValueAsString(new java.util.TreeMap<>(params));
            return org.paragrade.Hashes.sha256Hex(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
