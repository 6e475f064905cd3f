package org.paragrade.sandbox;

import java.util.Map;

/**
 * What the harness calls inside the sandbox: {@code solution.<entry>(**params)}, or
 * {@code checker.drive(solution, params)} when {@code checker} is true and the checker defines it.
 * {@code switchInterval} (nullable) is applied with {@code sys.setswitchinterval} in the child.
 * {@code secret} (nullable: then a fresh one per run) is the grading's secret, handed to the checker in the
 * supervisor only (its services salt what they serve with it); the student's process never sees it.
 */
public record HarnessSpec(String entry, String entryType, Map<String, Object> params, boolean checker,
                          Double switchInterval, String secret) {
    public HarnessSpec {
        if (entry == null || !entry.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("entry must be a Python identifier: " + entry);
        }
        entryType = entryType == null ? "function" : entryType;
        params = params == null ? Map.of() : params;
    }

    /** With a fresh secret per run. */
    public HarnessSpec(String entry, String entryType, Map<String, Object> params, boolean checker,
                       Double switchInterval) {
        this(entry, entryType, params, checker, switchInterval, null);
    }

    @Override
    public String toString() {
        // never the secret in a log line
        return "HarnessSpec[entry=" + entry + ", params=" + params + ", checker=" + checker + "]";
    }
}
