package org.paragrade.sandbox;

import java.util.Map;

/**
 * What the harness calls inside the sandbox: {@code solution.<entry>(**params)}, or
 * {@code checker.drive(solution, params)} when {@code checker} is true and the checker defines it.
 * {@code switchInterval} (nullable) is applied with {@code sys.setswitchinterval} in the child.
 */
public record HarnessSpec(String entry, String entryType, Map<String, Object> params, boolean checker,
                          Double switchInterval) {
    public HarnessSpec {
        if (entry == null || !entry.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("entry must be a Python identifier: " + entry);
        }
        entryType = entryType == null ? "function" : entryType;
        params = params == null ? Map.of() : params;
    }
}
