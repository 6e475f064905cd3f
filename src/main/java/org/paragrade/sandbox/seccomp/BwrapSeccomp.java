package org.paragrade.sandbox.seccomp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How a run gets the filter. bwrap reads a compiled program from a file descriptor ({@code --seccomp FD}) and
 * installs it, with no_new_privs, on its own pid 1 and on the command it execs, as the last step before exec:
 * every process of the run inherits it through fork, clone and execve, and none can remove it. Java's
 * ProcessBuilder hands a child only fds 0 to 2 (and 0 carries the spec), so the run's launcher shell opens the
 * filter file on fd {@value #FD} ({@link #LAUNCHER_STEP}, given {@link #launcherArgs} first) before it execs
 * (setpriv and) bwrap; bwrap reads and closes it, so nothing in the sandbox holds it.
 */
public final class BwrapSeccomp {
    public static final int FD = 3;
    /** Launcher script step: when the arguments start with {@code --seccomp-file PATH}, open PATH on fd 3. */
    public static final String LAUNCHER_STEP =
            "if [ \"$1\" = --seccomp-file ]; then exec 3<\"$2\" || exit 125; shift 2; fi; ";

    private final SeccompFilter filter;
    private final Path file;

    private BwrapSeccomp(SeccompFilter filter, Path file) {
        this.filter = filter;
        this.file = file;
    }

    /** Writes the filter (once, read-only, named by its hash) into {@code dir}, a directory only the server writes. */
    public static BwrapSeccomp install(SeccompFilter filter, Path dir) throws IOException {
        return new BwrapSeccomp(filter, filter.install(dir));
    }

    public SeccompFilter filter() {
        return filter;
    }

    public Path file() {
        return file;
    }

    /** The launcher's leading arguments. */
    public List<String> launcherArgs() {
        return List.of("--seccomp-file", file.toString());
    }

    /** bwrap's option. */
    public List<String> bwrapArgs() {
        return List.of("--seccomp", Integer.toString(FD));
    }

    /**
     * Null when {@code procStatus} (a /proc/PID/status read inside the sandbox) shows exactly our filter in
     * force, else what it shows instead.
     */
    public static String checkStatus(String procStatus) {
        String mode = field(procStatus, "Seccomp");
        String count = field(procStatus, "Seccomp_filters");
        String nnp = field(procStatus, "NoNewPrivs");
        if ("2".equals(mode) && "1".equals(count) && "1".equals(nnp)) {
            return null;
        }
        return "Seccomp " + mode + ", Seccomp_filters " + count + ", NoNewPrivs " + nnp;
    }

    private static String field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "absent";
    }
}
