package org.paragrade.sandbox;

import java.nio.file.Path;

/**
 * What the sandbox found at start.
 *
 * @param mode          "cgroup v1" | "cgroup v2" | "rusage only" | "UNSAFE (no sandbox)"
 * @param interpreter   the real Python interpreter (resolved through shims)
 * @param pythonPrefix  its installation prefix, mounted read-only at the same path in the sandbox
 * @param pythonVersion {@code sys.version} of the interpreter
 * @param isolation     plain-language summary of what isolates a run
 * @param seccomp       the seccomp filter every run gets: "seccomp on: N system calls denied …", or why it is off
 * @param limits        what a run's cgroup enforces and accounts here, with the kernel files ("memory limit
 *                      (memory.max), task limit (pids.max), …; missing: …"), as probed at start
 * @param refusal       why this sandbox refuses to grade (limits it cannot enforce, weaker limits not allowed);
 *                      null when it grades
 */
public record SandboxInfo(String mode, Path interpreter, Path pythonPrefix, String pythonVersion, String isolation,
                          String seccomp, String limits, String refusal) {
    /** Whether runs get their limits from a cgroup, or weaker ones were explicitly allowed. */
    public boolean grades() {
        return refusal == null;
    }
}
