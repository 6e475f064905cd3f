package org.paragrade.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paragrade.sandbox.seccomp.BwrapSeccomp;

/**
 * The one place a sandbox's command line is written, step by step: the fixed launcher (cgroup join,
 * rlimits), the drop to uid 65534, bwrap's namespaces and environment, the mounts, the scratch file
 * systems, then the command. The server's runs and the start-up probe build theirs with the same steps,
 * so the probe checks the flags the runs use.
 */
final class BwrapCommand {
    static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    static final String PATH = "/usr/local/bin:/usr/bin:/bin";

    /** Joins the run's cgroups and sets the rlimits, then execs the rest: nothing forks outside the cgroup. */
    private static final String LAUNCHER = "unset PWD OLDPWD; " + BwrapSeccomp.LAUNCHER_STEP + "n=$1; shift; "
            + "while [ \"$n\" -gt 0 ]; do echo $$ > \"$1\" || exit 125; shift; n=$((n-1)); done; "
            + "ulimit -c 0 && ulimit -t \"$1\" && ulimit -f \"$2\" && ulimit -n \"$3\" || exit 125; shift 3; "
            + "exec \"$@\"";
    private static final List<String> TOP_LEVEL = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

    private final List<String> args = new ArrayList<>();

    /**
     * Starts with the launcher, which opens the seccomp filter on fd 3 (when {@code seccompArgs} name it),
     * joins {@code procsFiles} and sets the rlimits of {@code limits}.
     */
    static BwrapCommand launcher(List<Path> procsFiles, Limits limits, List<String> seccompArgs) {
        BwrapCommand c = new BwrapCommand();
        c.args.addAll(List.of("/bin/sh", "-c", LAUNCHER, "launcher"));
        c.args.addAll(seccompArgs);
        c.args.add(Integer.toString(procsFiles.size()));
        procsFiles.forEach(p -> c.args.add(p.toString()));
        c.args.add(Long.toString((long) Math.ceil(limits.cpuSeconds()) + 1));
        c.args.add(Long.toString(Sandbox.FILE_SIZE_BYTES / 512));
        c.args.add(Integer.toString(Sandbox.OPEN_FILES));
        return c;
    }

    /** Starts with nothing (the probe: no cgroup, no rlimits). */
    static BwrapCommand bare() {
        return new BwrapCommand();
    }

    /** Runs what follows as host uid 65534, with no capabilities at all. */
    BwrapCommand asNobody(boolean really) {
        if (really) {
            args.addAll(List.of(SETPRIV.toString(), "--reuid=" + Sandbox.SANDBOX_UID, "--regid=" + Sandbox.SANDBOX_UID,
                    "--clear-groups", "--inh-caps=-all", "--bounding-set=-all"));
        }
        return this;
    }

    /**
     * bwrap with every namespace unshared, no capabilities, a cleared environment and the system's /usr. The
     * command becomes pid 1 itself (no bwrap init in the sandbox holding the server's pipes, dumpable, with the
     * student's uid): the supervisor, which makes itself non-dumpable first.
     */
    BwrapCommand bwrap(Path bwrap) {
        args.addAll(List.of(bwrap.toString(),
                "--unshare-all", "--unshare-user", "--uid", "" + Sandbox.SANDBOX_UID, "--gid", "" + Sandbox.SANDBOX_UID,
                "--disable-userns", "--cap-drop", "ALL", "--die-with-parent", "--new-session", "--as-pid-1",
                "--hostname", "sandbox", "--clearenv",
                "--setenv", "PATH", PATH, "--setenv", "HOME", "/tmp",
                "--setenv", "LANG", "C.UTF-8", "--setenv", "TMPDIR", "/tmp",
                "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
                "--ro-bind", "/usr", "/usr"));
        for (String top : TOP_LEVEL) {
            Path p = Path.of(top);
            if (Files.isSymbolicLink(p)) {
                try {
                    args.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                } catch (IOException e) {
                    // unreadable link: leave it out
                }
            } else if (Files.isDirectory(p)) {
                args.addAll(List.of("--ro-bind", top, top));
            }
        }
        return this;
    }

    /** A read-only bind mount; nothing when {@code source} is null. */
    BwrapCommand readOnly(Path source, String target) {
        if (source != null) {
            args.addAll(List.of("--ro-bind", source.toString(), target));
        }
        return this;
    }

    /** A fresh /proc, a minimal /dev, size-capped tmpfs /tmp and /dev/shm, then everything else read-only. */
    BwrapCommand scratch() {
        args.addAll(List.of("--proc", "/proc", "--dev", "/dev",
                "--size", Long.toString(Sandbox.TMP_BYTES), "--tmpfs", "/tmp",
                "--size", Long.toString(Sandbox.SHM_BYTES), "--tmpfs", "/dev/shm",
                "--remount-ro", "/dev", "--remount-ro", "/", "--chdir", "/tmp"));
        return this;
    }

    /** bwrap's own options that come last (the seccomp filter's fd). */
    BwrapCommand extra(List<String> options) {
        args.addAll(options);
        return this;
    }

    /** The finished command: what was built, then {@code command}. */
    List<String> then(List<String> command) {
        List<String> all = new ArrayList<>(args);
        all.addAll(command);
        return all;
    }
}
