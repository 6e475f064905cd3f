package org.paragrade.sandbox;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One run: the directory holding {@code solution.py} (mounted read-only at /solution), the exercise
 * directory (nullable; only its {@code data/} is mounted, at /exercise/data, never {@code reference/}; its
 * {@code checker.py} goes to the supervisor on stdin), what to call and the limits. {@code label} only names the
 * run in logs and dirs.
 */
public record RunRequest(String label, Path solutionDir, Path exerciseDir, HarnessSpec spec, Limits limits) {
    public RunRequest {
        Objects.requireNonNull(solutionDir, "solutionDir");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(limits, "limits");
        label = label == null ? "run" : label;
    }
}
