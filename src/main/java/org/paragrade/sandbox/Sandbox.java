package org.paragrade.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs Python (students' solutions and references alike) in a fresh bubblewrap sandbox under a per-run
 * cgroup, through the trusted harness (resources/harness). Plain Java and thread-safe: several runs may
 * execute at once. Every {@link #run} ends in exactly one {@link Outcome}, and returns only after every
 * process of the run is gone and its cgroup and directory are removed.
 */
public final class Sandbox {
    static final String UNSAFE = "UNSAFE (no sandbox)";
    static final String RUSAGE_ONLY = "rusage only";
    static final int SANDBOX_UID = 65534;
    static final long TMP_BYTES = 64L << 20;
    static final long SHM_BYTES = 64L << 20;
    static final long FILE_SIZE_BYTES = 32L << 20;
    static final int OPEN_FILES = 1024;
    /** Java's own wall timer fires this long after the supervisor's, which should have stopped things first. */
    static final double HARD_WALL_GRACE_SECONDS = 5.0;
    static final long POLL_MILLIS = 20;
    static final double CPU_GRACE_SECONDS = 0.5;
    static final int SUPERVISOR_OUTPUT_CAP = 16 << 20;

    /** Joins the run's cgroups and sets the rlimits, then becomes bwrap: nothing forks outside the cgroup. */
    private static final String LAUNCHER = "unset PWD OLDPWD; n=$1; shift; "
            + "while [ \"$n\" -gt 0 ]; do echo $$ > \"$1\" || exit 125; shift; n=$((n-1)); done; "
            + "ulimit -c 0 && ulimit -t \"$1\" && ulimit -f \"$2\" && ulimit -n \"$3\" || exit 125; shift 3; "
            + "exec \"$@\"";

    private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong RUNS = new AtomicLong();

    private final SandboxSettings settings;
    private final SandboxInfo info;
    private final Path interpreter;
    private final Path prefix;
    private final Path harnessDir;
    private final Path etcDir;
    private final Path runsDir;
    private final CgroupHierarchy cgroups;
    private final boolean sandboxed;
    /** Run bwrap as host uid 65534 (setpriv) instead of root: possible when uid 65534 can reach every mount source. */
    private final boolean dropRoot;

    /**
     * Finds the interpreter, checks that bwrap can build a sandbox here and which cgroup hierarchy is usable,
     * and copies the harness out of the jar. Throws IllegalStateException when no sandbox can be built,
     * unless {@code settings.allowUnsafe()}.
     */
    public Sandbox(SandboxSettings settings) {
        this.settings = settings;
        List<String> notes = new ArrayList<>();
        try {
            Path workRoot = settings.workRoot().toAbsolutePath();
            Files.createDirectories(workRoot);
            this.runsDir = workRoot.resolve("runs");
            Files.createDirectories(runsDir);
            // traversable (not listable) by uid 65534, which must reach its own run's snapshot
            Files.setPosixFilePermissions(runsDir, PosixFilePermissions.fromString("rwx--x--x"));
            String[] python = resolvePython(settings.python());
            this.interpreter = Path.of(python[0]);
            this.prefix = Path.of(python[1]);
            Path harnessRoot = prepareHarness(workRoot);
            this.harnessDir = harnessRoot.resolve("harness");
            this.etcDir = harnessRoot.resolve("etc");
            boolean canDrop = isRoot() && Files.isExecutable(SETPRIV) && othersCanReach(prefix)
                    && othersCanReach(harnessDir) && othersCanReach(etcDir) && othersCanReach(runsDir);
            String probe = probeBwrap(canDrop);
            if (probe != null && canDrop) {
                canDrop = false;
                probe = probeBwrap(false);
            }
            this.dropRoot = canDrop;
            this.sandboxed = probe == null;
            if (!sandboxed) {
                if (!settings.allowUnsafe()) {
                    throw new IllegalStateException("Refusing to run student code: no bubblewrap sandbox can be built on"
                            + " this host (" + probe + "). Install bubblewrap (apt-get install bubblewrap) and allow"
                            + " user namespaces, or set allowUnsafe for local development only.");
                }
                notes.add("no sandbox: " + probe);
            }
            CgroupHierarchy found = sandboxed ? CgroupHierarchy.detect(Path.of("/sys/fs/cgroup"),
                    settings.cgroupParent(), notes) : null;
            this.cgroups = found;
            String mode = !sandboxed ? UNSAFE : found == null ? RUSAGE_ONLY : found.mode();
            String isolation = sandboxed
                    ? "bwrap: own user/pid/net/ipc/uts/mount namespaces, uid " + SANDBOX_UID + " (on the host: "
                      + (dropRoot ? "uid " + SANDBOX_UID : isRoot() ? "root without capabilities, because uid "
                      + SANDBOX_UID + " cannot reach " + prefix : "the server's user") + "), no capabilities,"
                      + " read-only interpreter, private tmpfs /tmp and /dev/shm"
                    : "none: student code runs on the host (development only)";
            if (found != null) {
                String migration = FastMigration.ensure(Path.of("/proc/mounts"), isRoot() && settings.tuneHost());
                if (migration != null) {
                    isolation += ", " + migration;
                }
                if (found.prioritised()) {
                    isolation += ", " + CgroupHierarchy.CPU_PRIORITY + "× the CPU weight of the server's own threads";
                }
            }
            if (!notes.isEmpty()) {
                isolation += " (" + String.join("; ", notes) + ")";
            }
            this.info = new SandboxInfo(mode, interpreter, prefix, python[2], isolation);
            LOG.info("Sandbox ready: accounting " + mode + "; " + isolation);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare the sandbox: " + e.getMessage(), e);
        }
    }

    public SandboxInfo info() {
        return info;
    }

    /** Runs one request. Blocking, thread-safe, exactly one outcome; cleanup always runs before it returns. */
    public RunResult run(RunRequest request) {
        String runId = request.label().replaceAll("[^A-Za-z0-9_.-]", "_").replaceAll("^[.]+", "_")
                .substring(0, Math.min(40, request.label().length())) + "-" + RUNS.incrementAndGet() + "-" + hex(6);
        Path runDir = runsDir.resolve(runId);
        RunCgroup cgroup = null;
        long started = System.nanoTime();
        RunResult result;
        try {
            Files.createDirectory(runDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
            Path solution = runDir.resolve("solution");
            HostFiles.snapshot(request.solutionDir(), solution);
            if (cgroups != null) {
                cgroup = cgroups.create(runId, request.limits());
            }
            result = execute(request, solution, cgroup, started);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "sandbox run " + runId + " failed", e);
            result = internalError("could not start the run: " + e.getMessage(), started);
        } finally {
            if (cgroup != null && !cgroup.destroy()) {
                LOG.severe("cgroup of run " + runId + " could not be emptied and removed");
            }
            try {
                HostFiles.deleteTree(runDir);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not delete " + runDir, e);
            }
        }
        return result;
    }

    /** Runs {@code python <args>} in the same sandbox and limits, without the harness. For the overhead benchmark. */
    int runBare(List<String> pythonArgs, Limits limits) throws IOException, InterruptedException {
        String runId = "bare-" + RUNS.incrementAndGet() + "-" + hex(6);
        RunCgroup cgroup = cgroups == null ? null : cgroups.create(runId, limits);
        try {
            List<String> inner = new ArrayList<>();
            inner.add(interpreter.toString());
            inner.addAll(pythonArgs);
            ProcessBuilder pb = new ProcessBuilder(command(cgroup, limits, null, null, inner));
            pb.environment().clear();
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            return pb.start().waitFor();
        } finally {
            if (cgroup != null) {
                cgroup.destroy();
            }
        }
    }

    private RunResult execute(RunRequest request, Path solution, RunCgroup cgroup, long started)
            throws IOException {
        Limits limits = request.limits();
        String nonce = hex(16);
        List<String> inner = List.of(interpreter.toString(), "-I", "-B",
                (sandboxed ? "/harness" : harnessDir.toString()) + "/supervisor.py");
        ProcessBuilder pb = new ProcessBuilder(command(cgroup, limits, solution, request.exerciseDir(), inner));
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        pb.directory(new java.io.File("/"));
        Process process = pb.start();
        Drain out = new Drain(process.getInputStream(), SUPERVISOR_OUTPUT_CAP);
        Drain err = new Drain(process.getErrorStream(), 1 << 20);
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(JSON.writeValueAsBytes(spec(request, limits, nonce, solution)));
        } catch (IOException e) {
            // bwrap or the supervisor died before reading: decided below from what they said
        }
        String stopped = null;
        long hardWall = started + (long) ((limits.wallSeconds() + HARD_WALL_GRACE_SECONDS) * 1e9);
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                // The supervisor stops at the limit itself (and reports what it measured); this is the backstop.
                if (cgroup != null && cgroup.cpuNanos() > (limits.cpuSeconds() + CPU_GRACE_SECONDS) * 1e9) {
                    stopped = "cpu";
                } else if (System.nanoTime() > hardWall) {
                    stopped = "wall";
                }
                if (stopped != null) {
                    kill(process, cgroup);
                    process.waitFor();
                    break;
                }
            }
        } catch (InterruptedException e) {
            kill(process, cgroup);
            Thread.currentThread().interrupt();
            return internalError("the run was interrupted", started);
        }
        // bwrap is gone, so its pid namespace is gone; read the counters, then make sure (destroy checks empty).
        double hostWallMs = (System.nanoTime() - started) / 1e6;
        double cgroupCpuMs = cgroup == null ? -1 : cgroup.cpuNanos() / 1e6;
        long oomKills = cgroup == null ? 0 : cgroup.oomKills();
        long pidsHits = cgroup == null ? 0 : cgroup.pidsLimitHits();
        if (cgroup == null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        byte[] stdout = out.finish();
        byte[] stderr = err.finish();
        return new Verdict(limits, info.mode(), nonce, hostWallMs, cgroupCpuMs)
                .decide(stdout, stderr, process.exitValue(), stopped, oomKills, pidsHits);
    }

    private ObjectNode spec(RunRequest request, Limits limits, String nonce, Path solution) {
        HarnessSpec spec = request.spec();
        ObjectNode node = JSON.createObjectNode();
        node.put("protocol", 1);
        node.put("nonce", nonce);
        node.put("entry", spec.entry());
        node.put("entryType", spec.entryType());
        node.set("params", JSON.valueToTree(spec.params()));
        node.put("checker", spec.checker() && exerciseFile(request.exerciseDir(), "checker.py", false) != null);
        if (spec.switchInterval() == null) {
            node.putNull("switchInterval");
        } else {
            node.put("switchInterval", spec.switchInterval());
        }
        node.put("wallSeconds", limits.wallSeconds());
        node.put("outputBytes", limits.outputKb() * 1024);
        node.put("cpuSeconds", limits.cpuSeconds());
        if (cgroups == null) {
            // No cgroup: the supervisor enforces memory and tasks by sampling (weaker, but never nothing).
            node.put("memoryBytes", (long) limits.memoryMb() << 20);
            node.put("maxTasks", limits.maxProcesses());
        }
        if (!sandboxed) {
            Map<String, String> paths = new LinkedHashMap<>();
            paths.put("harness", harnessDir.toString());
            paths.put("solution", solution.toString());
            Path exercise = request.exerciseDir();
            paths.put("exercise", exercise == null ? "/nonexistent" : exercise.toAbsolutePath().toString());
            node.set("paths", JSON.valueToTree(paths));
        }
        return node;
    }

    /** The launch command: the launcher (cgroup join, rlimits) exec'ing bwrap exec'ing {@code inner}. */
    private List<String> command(RunCgroup cgroup, Limits limits, Path solution, Path exerciseDir, List<String> inner) {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", LAUNCHER, "launcher"));
        List<Path> procs = cgroup == null ? List.of() : cgroup.procsFiles();
        cmd.add(Integer.toString(procs.size()));
        procs.forEach(p -> cmd.add(p.toString()));
        cmd.add(Long.toString((long) Math.ceil(limits.cpuSeconds()) + 1));
        cmd.add(Long.toString(FILE_SIZE_BYTES / 512));
        cmd.add(Integer.toString(OPEN_FILES));
        if (!sandboxed) {
            cmd.addAll(inner);
            return cmd;
        }
        Path checker = exerciseFile(exerciseDir, "checker.py", false);
        Path data = exerciseFile(exerciseDir, "data", true);
        if (dropRoot && othersCanReach(solution) && (checker == null || othersCanReach(checker))
                && (data == null || othersCanReach(data))) {
            cmd.addAll(List.of(SETPRIV.toString(), "--reuid=" + SANDBOX_UID, "--regid=" + SANDBOX_UID,
                    "--clear-groups", "--inh-caps=-all", "--bounding-set=-all"));
        }
        cmd.addAll(List.of(settings.bwrap().toString(),
                "--unshare-all", "--unshare-user", "--uid", "" + SANDBOX_UID, "--gid", "" + SANDBOX_UID,
                "--disable-userns", "--cap-drop", "ALL", "--die-with-parent", "--new-session",
                "--hostname", "sandbox", "--clearenv",
                "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin", "--setenv", "HOME", "/tmp",
                "--setenv", "LANG", "C.UTF-8", "--setenv", "TMPDIR", "/tmp",
                "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
                "--ro-bind", "/usr", "/usr"));
        for (String top : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
            Path p = Path.of(top);
            if (Files.isSymbolicLink(p)) {
                try {
                    cmd.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                } catch (IOException e) {
                    // unreadable link: leave it out
                }
            } else if (Files.isDirectory(p)) {
                cmd.addAll(List.of("--ro-bind", top, top));
            }
        }
        if (!prefix.startsWith("/usr")) {
            cmd.addAll(List.of("--ro-bind", prefix.toString(), prefix.toString()));
        }
        cmd.addAll(List.of("--ro-bind", etcDir.toString(), "/etc", "--ro-bind", harnessDir.toString(), "/harness"));
        if (solution != null) {
            cmd.addAll(List.of("--ro-bind", solution.toString(), "/solution"));
        }
        if (checker != null) {
            cmd.addAll(List.of("--ro-bind", checker.toString(), "/exercise/checker.py"));
        }
        if (data != null) {
            cmd.addAll(List.of("--ro-bind", data.toString(), "/exercise/data"));
        }
        cmd.addAll(List.of("--proc", "/proc", "--dev", "/dev",
                "--size", Long.toString(TMP_BYTES), "--tmpfs", "/tmp",
                "--size", Long.toString(SHM_BYTES), "--tmpfs", "/dev/shm",
                "--remount-ro", "/dev", "--remount-ro", "/", "--chdir", "/tmp"));
        cmd.addAll(inner);
        return cmd;
    }

    /** Only checker.py and data/ of an exercise enter the sandbox, never reference/; links are refused. */
    private static Path exerciseFile(Path exerciseDir, String name, boolean directory) {
        if (exerciseDir == null) {
            return null;
        }
        Path p = exerciseDir.toAbsolutePath().resolve(name);
        boolean ok = directory ? Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
        return ok ? p : null;
    }

    private static void kill(Process process, RunCgroup cgroup) {
        if (cgroup != null) {
            cgroup.killAll();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private RunResult internalError(String why, long started) {
        return Verdict.internal(why, info == null ? "" : info.mode(), (System.nanoTime() - started) / 1e6);
    }

    /** Returns {real interpreter, installation prefix, version}, asking the configured python itself. */
    private static String[] resolvePython(Path python) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-I", "-c",
                "import os,sys;print(os.path.realpath(sys.executable));print(sys.base_prefix);print(sys.version.split()[0])");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("python " + python + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + python + " for its location");
        }
        String[] lines = out.strip().split("\n");
        if (lines.length < 3) {
            throw new IOException("unexpected answer from " + python + ": " + out);
        }
        Path exe = Path.of(lines[0].strip());
        Path base = Path.of(lines[1].strip());
        if (!exe.startsWith(base)) {
            throw new IOException("interpreter " + exe + " lies outside its prefix " + base + " (virtualenv?);"
                    + " configure the base interpreter");
        }
        return new String[] {exe.toString(), base.toString(), lines[2].strip()};
    }

    static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Whether uid 65534 can reach {@code path}: every directory on the way searchable by others. */
    static boolean othersCanReach(Path path) {
        if (path == null) {
            return true;
        }
        try {
            Path real = path.toRealPath();
            for (Path p = real.getParent(); p != null; p = p.getParent()) {
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            var perms = Files.getPosixFilePermissions(real);
            return perms.contains(Files.isDirectory(real) ? PosixFilePermission.OTHERS_EXECUTE
                    : PosixFilePermission.OTHERS_READ);
        } catch (IOException e) {
            return false;
        }
    }

    /** Null when a sandbox can be built, else why not. */
    private String probeBwrap(boolean asNobody) {
        Path bwrap = settings.bwrap();
        if (bwrap == null || !Files.isExecutable(bwrap)) {
            return "bwrap not found at " + bwrap;
        }
        try {
            List<String> cmd = new ArrayList<>();
            if (asNobody) {
                cmd.addAll(List.of(SETPRIV.toString(), "--reuid=" + SANDBOX_UID, "--regid=" + SANDBOX_UID,
                        "--clear-groups", "--inh-caps=-all", "--bounding-set=-all"));
            }
            cmd.addAll(List.of(bwrap.toString(), "--unshare-all", "--unshare-user",
                    "--uid", "" + SANDBOX_UID, "--gid", "" + SANDBOX_UID, "--disable-userns", "--cap-drop", "ALL",
                    "--die-with-parent", "--new-session", "--ro-bind", "/usr", "/usr"));
            for (String top : List.of("/bin", "/lib", "/lib64")) {
                Path p = Path.of(top);
                if (Files.isSymbolicLink(p)) {
                    cmd.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                } else if (Files.isDirectory(p)) {
                    cmd.addAll(List.of("--ro-bind", top, top));
                }
            }
            cmd.addAll(List.of("--proc", "/proc", "--dev", "/dev", "/bin/sh", "-c", "grep CapEff /proc/self/status"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "bwrap failed: " + out.strip();
            }
            if (!out.matches("(?s)CapEff:\\s+0+\\s*")) {
                return "the sandbox kept capabilities: " + out.strip();
            }
            return null;
        } catch (IOException e) {
            return "bwrap cannot start: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Copies the harness out of the jar into a directory named by its content hash (written once, atomically),
     * plus the few /etc files a Python program may want: nothing of the host's /etc enters the sandbox.
     */
    private static Path prepareHarness(Path workRoot) throws IOException {
        List<String> files = List.of("supervisor.py", "child.py");
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String f : files) {
            try (InputStream in = Sandbox.class.getResourceAsStream("/harness/" + f)) {
                if (in == null) {
                    throw new IOException("harness file missing from the classpath: /harness/" + f);
                }
                sha.update(in.readAllBytes());
            }
        }
        Path target = workRoot.resolve("harness-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16));
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return target;
        }
        Path tmp = workRoot.resolve("harness-tmp-" + hex(6));
        Files.createDirectories(tmp.resolve("harness"));
        Files.createDirectories(tmp.resolve("etc"));
        for (String f : files) {
            HostFiles.extract("/harness/" + f, tmp.resolve("harness").resolve(f));
        }
        HostFiles.writeReadOnly(tmp.resolve("etc/hosts"), "127.0.0.1 localhost\n::1 localhost\n");
        HostFiles.writeReadOnly(tmp.resolve("etc/passwd"), "nobody:x:65534:65534:nobody:/tmp:/usr/sbin/nologin\n");
        HostFiles.writeReadOnly(tmp.resolve("etc/group"), "nogroup:x:65534:\n");
        HostFiles.writeReadOnly(tmp.resolve("etc/nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files\n");
        for (Path p : List.of(tmp, tmp.resolve("harness"), tmp.resolve("etc"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            HostFiles.deleteTree(tmp); // another Sandbox won the race: same content
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
        }
        return target;
    }

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Reads a stream continuously on its own thread, keeping at most {@code cap} bytes. */
    private static final class Drain {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in, int cap) {
            thread = new Thread(() -> {
                byte[] buf = new byte[65536];
                try (in) {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        synchronized (kept) {
                            int room = cap - kept.size();
                            if (room > 0) {
                                kept.write(buf, 0, Math.min(n, room));
                            }
                        }
                    }
                } catch (IOException e) {
                    // closed: the run is over
                }
            }, "sandbox-drain");
            thread.setDaemon(true);
            thread.start();
        }

        byte[] finish() {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (kept) {
                return kept.toByteArray();
            }
        }
    }

    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }
}
