package org.paragrade.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.measure.RunVariant;
import org.paragrade.sandbox.HarnessSpec;
import org.paragrade.sandbox.Limits;
import org.paragrade.sandbox.RunRequest;
import org.paragrade.sandbox.RunResult;
import org.paragrade.sandbox.Sandbox;

/** Runs one variant of one exercise on one set of params through the sandbox, with the exercise's limits. */
final class ExerciseRunner {
    private static final java.security.SecureRandom SECRETS = new java.security.SecureRandom();
    static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Sandbox sandbox;
    private final ExerciseManifest manifest;
    private final Workspace workspace;
    private final boolean hasChecker;
    private final String label;
    /** The interpreter this runner's runs ask for (its id); null: the sandbox's default. */
    private final String interpreter;
    /**
     * This grading's secret: the checker's services salt what they serve with it, so no answer can be computed
     * without asking them. Drawn here, once per grading (or validation); it reaches only the supervisor.
     */
    private final String secret;

    ExerciseRunner(Sandbox sandbox, ExerciseManifest manifest, Workspace workspace, boolean hasChecker, String label) {
        this(sandbox, manifest, workspace, hasChecker, label, null, newSecret());
    }

    private ExerciseRunner(Sandbox sandbox, ExerciseManifest manifest, Workspace workspace, boolean hasChecker,
                           String label, String interpreter, String secret) {
        this.sandbox = sandbox;
        this.manifest = manifest;
        this.workspace = workspace;
        this.hasChecker = hasChecker;
        this.label = label;
        this.interpreter = interpreter;
        this.secret = secret;
    }

    /** The same grading's runner (same workspace, same secret) on another interpreter; null: the default. */
    ExerciseRunner on(String interpreterId) {
        return new ExerciseRunner(sandbox, manifest, workspace, hasChecker, label, interpreterId, secret);
    }

    /** The id of the interpreter the runs go to, the default's resolved. */
    String interpreter() {
        return interpreter != null ? interpreter : sandbox.info().defaultInterpreter().id();
    }

    Sandbox sandbox() {
        return sandbox;
    }

    /**
     * Why this exercise cannot be graded here (null when it can): it asks for an interpreter this server does
     * not have, or has but cannot run. Never graded on another one instead.
     */
    static String unavailable(Sandbox sandbox, ExerciseManifest manifest) {
        var info = sandbox.info();
        for (String id : manifest.benchmark() == null ? List.<String>of() : manifest.benchmark().interpreters()) {
            var found = info.interpreter(id);
            if (found.isEmpty()) {
                return "Exercise '" + manifest.slug() + "' needs the interpreter '" + id + "', which this server does"
                        + " not have (it has " + info.interpreters().stream().map(i -> i.id()).toList() + "): it"
                        + " cannot be graded here until an administrator adds it to paragrade.interpreters.";
            }
            if (!found.get().usable()) {
                return "Exercise '" + manifest.slug() + "' needs " + found.get().label() + " ('" + id + "'), which "
                        + (found.get().absent() ? "is not installed on this server" : "does not work here") + ": "
                        + found.get().failure() + ". It cannot be graded here (never on another interpreter instead).";
            }
        }
        return null;
    }

    RunResult run(RunVariant variant, Map<String, Object> params, Double switchInterval) {
        var l = manifest.limits();
        HarnessSpec spec = new HarnessSpec(manifest.entry().name(), manifest.entry().type(), params, hasChecker,
                switchInterval, secret);
        Path exerciseDir = workspace.exerciseDir();
        RunResult result = sandbox.run(new RunRequest(label + ":" + variant.word(), workspace.dirOf(variant), exerciseDir, spec,
                new Limits(l.cpuSeconds(), l.wallSeconds(), l.memoryMb(), l.maxProcesses(), l.outputKb()), interpreter));
        io.micrometer.core.instrument.Metrics.counter("paragrade_sandbox_runs_total", "outcome",
                result.outcome().name()).increment();
        if (result.outcome() == org.paragrade.sandbox.Outcome.INTERNAL_ERROR) {
            io.micrometer.core.instrument.Metrics.counter("paragrade_sandbox_failures_total").increment();
        }
        return result;
    }

    boolean hasChecker() {
        return hasChecker;
    }

    /** The tampering scanner on the submitted sources (see {@link ScanStage}). */
    RunResult scan(Map<String, String> sources) {
        try {
            HarnessSpec spec = new HarnessSpec("scan", "function", Map.of("files", sources), false, null);
            return sandbox.run(new RunRequest(label + ":scan", workspace.scanDir(), workspace.exerciseDir(), spec,
                    new Limits(10, 20, 512, 8, 64)));
        } catch (java.io.IOException e) {
            throw new InfrastructureFailure("the tampering scanner could not be laid out", e);
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[16];
        SECRETS.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** A grading's benchmark workload at a worker count. */
    static Map<String, Object> withWorkers(Map<String, Object> workload, int workers) {
        Map<String, Object> p = new LinkedHashMap<>(workload);
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
