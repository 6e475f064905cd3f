package org.paragrade.sandbox;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One run: the directory holding {@code solution.py} (mounted read-only at /solution), the exercise
 * directory (nullable; only its {@code data/} is mounted, at /exercise/data, never {@code reference/}; its
 * {@code checker.py} goes to the supervisor on stdin), what to call and the limits. {@code label} only names the
 * run in logs and dirs. {@code interpreter} is the id of the interpreter to run on ({@link SandboxInfo#interpreters});
 * null runs the default one. A run on an interpreter that is unknown or unusable here ends INTERNAL_ERROR, saying
 * which and why: it is never run on another one instead.
 */
public record RunRequest(String label, Path solutionDir, Path exerciseDir, HarnessSpec spec, Limits limits,
                         String interpreter) {
    public RunRequest {
        Objects.requireNonNull(solutionDir, "solutionDir");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(limits, "limits");
        label = label == null ? "run" : label;
    }

    /** On the default interpreter. */
    public RunRequest(String label, Path solutionDir, Path exerciseDir, HarnessSpec spec, Limits limits) {
        this(label, solutionDir, exerciseDir, spec, limits, null);
    }
}
