package org.paragrade.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * How the sandbox is built on this host.
 *
 * @param python       interpreter for student code (a name on PATH, a pyenv shim or a real path); the real
 *                     interpreter and its installation prefix are resolved once at start
 * @param bwrap        the bubblewrap binary
 * @param workRoot     server-owned directory for the harness copy and the per-run directories
 * @param allowUnsafe  development switch: run without bwrap when it cannot be used (never in production)
 * @param cgroupParent name of the cgroup under which each run gets its own; relative names are created below
 *                     the server's own cgroup, absolute ones below the hierarchy's root
 * @param tuneHost     as root, set the host's cgroup2 mount option {@code favordynmods} (see {@link FastMigration})
 * @param allowWeak    grade even when no cgroup can enforce the memory, task and CPU limits (the supervisor's
 *                     sampling and rlimits only); otherwise such a sandbox refuses every run and says why
 * @param cgroupRoot   where the cgroup file system is mounted ({@code /sys/fs/cgroup}; on a hybrid host the v2
 *                     hierarchy alone is at {@code /sys/fs/cgroup/unified})
 * @param interpreters further interpreters runs may ask for by id ({@code paragrade.interpreters}); the default
 *                     ({@code python}) is always one, named by the entry for the same binary if there is one
 */
public record SandboxSettings(Path python, Path bwrap, Path workRoot, boolean allowUnsafe, String cgroupParent,
                              boolean tuneHost, boolean allowWeak, Path cgroupRoot, List<InterpreterEntry> interpreters) {
    public static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

    public SandboxSettings {
        interpreters = interpreters == null ? List.of() : List.copyOf(interpreters);
    }

    public SandboxSettings(Path python, Path bwrap, Path workRoot, boolean allowUnsafe, String cgroupParent,
                           boolean tuneHost, boolean allowWeak, Path cgroupRoot) {
        this(python, bwrap, workRoot, allowUnsafe, cgroupParent, tuneHost, allowWeak, cgroupRoot, List.of());
    }

    /** The same settings with these further interpreters. */
    public SandboxSettings withInterpreters(List<InterpreterEntry> entries) {
        return new SandboxSettings(python, bwrap, workRoot, allowUnsafe, cgroupParent, tuneHost, allowWeak, cgroupRoot,
                entries);
    }

    public SandboxSettings(Path python, Path bwrap, Path workRoot, boolean allowUnsafe, String cgroupParent,
                           boolean tuneHost, boolean allowWeak) {
        this(python, bwrap, workRoot, allowUnsafe, cgroupParent, tuneHost, allowWeak, CGROUP_ROOT);
    }

    public SandboxSettings(Path python, Path bwrap, Path workRoot, boolean allowUnsafe, String cgroupParent) {
        this(python, bwrap, workRoot, allowUnsafe, cgroupParent, true, false, CGROUP_ROOT);
    }

    public SandboxSettings(Path python, Path bwrap, Path workRoot, boolean allowUnsafe, String cgroupParent,
                           boolean tuneHost) {
        this(python, bwrap, workRoot, allowUnsafe, cgroupParent, tuneHost, false, CGROUP_ROOT);
    }

    public static SandboxSettings defaults(Path workRoot) {
        return new SandboxSettings(Path.of("python3"), Path.of("/usr/bin/bwrap"), workRoot, false, "paragrade");
    }
}
