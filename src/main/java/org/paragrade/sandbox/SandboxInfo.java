package org.paragrade.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
 * @param interpreters  every interpreter runs may ask for, the default first, each as probed (usable or why not)
 */
public record SandboxInfo(String mode, Path interpreter, Path pythonPrefix, String pythonVersion, String isolation,
                          String seccomp, String limits, String refusal, List<Interpreter> interpreters) {
    public SandboxInfo {
        interpreters = interpreters == null ? List.of() : List.copyOf(interpreters);
    }

    /** The interpreter of this id, if configured (usable or not). */
    public Optional<Interpreter> interpreter(String id) {
        return interpreters.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** The default interpreter (the one of {@code paragrade.python}). */
    public Interpreter defaultInterpreter() {
        return interpreters.stream().filter(Interpreter::isDefault).findFirst().orElseThrow();
    }

    /** Configured interpreters that are broken (not the optional ones that are simply absent). */
    public List<Interpreter> broken() {
        return interpreters.stream().filter(i -> !i.usable() && !i.absent()).toList();
    }

    /** Whether runs get their limits from a cgroup, or weaker ones were explicitly allowed. */
    public boolean grades() {
        return refusal == null;
    }
}
