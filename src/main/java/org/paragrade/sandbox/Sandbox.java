package org.paragrade.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.paragrade.sandbox.seccomp.BwrapSeccomp;
import org.paragrade.sandbox.seccomp.SeccompFilter;

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
import java.time.Duration;
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
    /** The result line is bounded by the supervisor (value 256 KB, each text 16 KB characters): well below this. */
    static final int SUPERVISOR_OUTPUT_CAP = 4 << 20;

    private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong RUNS = new AtomicLong();
    private static final List<String> HARNESS_FILES = List.of("supervisor.py", "child.py", "local_service.py");

    private final SandboxSettings settings;
    private final SandboxInfo info;
    /** The default interpreter ({@code settings.python()}). */
    private final Python python;
    /** Every usable interpreter by id, the default's included. */
    private final Map<String, Python> pythons = new LinkedHashMap<>();
    private final Path harnessDir;
    private final Path etcDir;
    /** Where the runs' files and the harness are staged: a directory of its own on a tmpfs (see stagingRoot). */
    private final Path runsDir;
    private final CgroupHierarchy cgroups;
    /** What a run's cgroup enforces and accounts on this host (probed at start); null without cgroups. */
    private final RunCgroup.Found controls;
    private final boolean sandboxed;
    /** Run bwrap as host uid 65534 (setpriv) instead of root: possible when uid 65534 can reach every mount source. */
    private final boolean dropRoot;
    /** The run's seccomp filter, handed to bwrap (see {@link BwrapSeccomp}); null only without a sandbox. */
    private final BwrapSeccomp seccomp;

    /** The real interpreter behind the configured name, its installation prefix, its version and build. */
    private record Python(Path executable, Path prefix, String version, boolean freeThreaded) {
    }

    /** How bwrap can run here: as uid 65534 or not, and why it cannot at all (null when it can). */
    private record Probe(boolean dropRoot, String failure) {
    }

    /**
     * Finds the interpreter, checks that bwrap can build a sandbox here and which cgroup hierarchy is usable,
     * and copies the harness out of the jar. Throws IllegalStateException when no sandbox can be built,
     * unless {@code settings.allowUnsafe()}.
     */
    public Sandbox(SandboxSettings settings) {
        this(settings, SeccompFilter.paragradeDefault());
    }

    /** As above with another filter, or none ({@code null}: only to measure what the filter costs). */
    Sandbox(SandboxSettings settings, SeccompFilter seccompFilter) {
        this.settings = settings;
        List<String> notes = new ArrayList<>();
        try {
            Path workRoot = settings.workRoot().toAbsolutePath();
            this.runsDir = prepareRunsDir(workRoot, notes);
            this.python = resolvePython(settings.python());
            Path harnessRoot = prepareHarness(runsDir);
            this.harnessDir = harnessRoot.resolve("harness");
            this.etcDir = harnessRoot.resolve("etc");
            Probe probe = probeHostUid();
            this.dropRoot = probe.dropRoot();
            this.sandboxed = probe.failure() == null;
            refuseUnsafeUnlessAllowed(probe.failure(), notes);
            this.cgroups = sandboxed ? CgroupHierarchy.detect(settings.cgroupRoot(), settings.cgroupParent(), notes) : null;
            this.controls = cgroups == null ? null : cgroups.probe(notes);
            this.seccomp = sandboxed && seccompFilter != null
                    ? BwrapSeccomp.install(seccompFilter, Files.createDirectories(workRoot)) : null;
            String seccompState = seccompState();
            List<Interpreter> interpreters = interpreters();
            this.info = describe(notes, seccompState, interpreters);
            LOG.info("Sandbox ready: accounting " + info.mode() + "; limits " + info.limits() + "; " + info.isolation());
            if (info.refusal() != null) {
                LOG.severe(info.refusal());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare the sandbox: " + e.getMessage(), e);
        }
    }

    /**
     * The directory holding the harness and every run's files while it runs, traversable (not listable) by uid
     * 65534, which must reach its own run's files. Its path must tell the sandbox nothing: a bind mount's source
     * path within its file system shows in the sandbox's /proc/self/mountinfo, so the directory is a fresh,
     * randomly named one at the root of the host's /dev/shm tmpfs (seen inside as "/paragrade-3f9c…/r-…"), not
     * below the data dir, whose path (and the job and submission ids in it) it would show. Without a usable
     * /dev/shm it falls back to the work root and says so.
     */
    private static Path prepareRunsDir(Path workRoot, List<String> notes) throws IOException {
        Path runs = null;
        Path shm = Path.of("/dev/shm");
        try {
            if (Files.isDirectory(shm, LinkOption.NOFOLLOW_LINKS) && "tmpfs".equals(Files.getFileStore(shm).type())) {
                runs = Files.createTempDirectory(shm, "paragrade-");
                Path staged = runs;
                // At exit, once the runs in flight have ended (a shutdown lets running gradings finish first).
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    awaitNoRuns(Duration.ofSeconds(90));
                    deleteQuietly(staged);
                }, "sandbox-staging-cleanup"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            runs = null;
        }
        if (runs == null) {
            notes.add("no tmpfs at /dev/shm: run files staged below the work root, whose path the sandbox can see");
            runs = workRoot.resolve("runs");
            Files.createDirectories(runs);
        }
        Files.setPosixFilePermissions(runs, PosixFilePermissions.fromString("rwx--x--x"));
        return runs;
    }

    /** Runs in flight in this JVM: the staging area is not removed under them. */
    private static final java.util.concurrent.atomic.AtomicInteger ACTIVE = new java.util.concurrent.atomic.AtomicInteger();

    private static void awaitNoRuns(Duration atMost) {
        long end = System.nanoTime() + atMost.toNanos();
        while (ACTIVE.get() > 0 && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            HostFiles.deleteTree(dir);
        } catch (IOException e) {
            // the host's tmpfs is emptied at reboot anyway
        }
    }

    /** The directories the runs' cgroups are made in (checked empty after the runs); none without cgroups. */
    List<Path> cgroupParents() {
        return cgroups == null ? List.of() : cgroups.parents();
    }

    /** Where the runs' files are staged (tests check it is left empty). */
    Path runsDir() {
        return runsDir;
    }

    /** Tries bwrap as uid 65534 when every mount source is reachable for it, else as the server's user. */
    private Probe probeHostUid() {
        boolean canDrop = isRoot() && Files.isExecutable(BwrapCommand.SETPRIV) && othersCanReach(python.prefix())
                && othersCanReach(harnessDir) && othersCanReach(etcDir) && othersCanReach(runsDir);
        String failure = probeBwrap(canDrop);
        if (failure != null && canDrop) {
            return new Probe(false, probeBwrap(false));
        }
        return new Probe(canDrop, failure);
    }

    private void refuseUnsafeUnlessAllowed(String failure, List<String> notes) {
        if (failure == null) {
            return;
        }
        if (!settings.allowUnsafe()) {
            throw new IllegalStateException("Refusing to run student code: no bubblewrap sandbox can be built on"
                    + " this host (" + failure + "). Install bubblewrap (apt-get install bubblewrap) and allow"
                    + " user namespaces, or set allowUnsafe for local development only.");
        }
        notes.add("no sandbox: " + failure);
    }

    /** The accounting mode and a plain-language summary of what isolates a run (tuning the host on the way). */
    /**
     * The filter's summary once a sandbox launched exactly like a run showed it in force (pid 1 and the
     * interpreter); the server refuses to start otherwise.
     */
    private String seccompState() {
        if (seccomp == null) {
            return "seccomp off" + (sandboxed ? " (measurement only)" : "");
        }
        String failure = probeSeccomp();
        if (failure != null) {
            throw new IllegalStateException("Refusing to run student code: bwrap could not install the seccomp"
                    + " filter (" + failure + "); a kernel with CONFIG_SECCOMP_FILTER is required");
        }
        return seccomp.filter().summary();
    }

    /**
     * The default interpreter and every configured one, each resolved to its real binary on the host and then
     * probed once in a sandbox launched like a run (its prefix the only interpreter mounted): its version, its
     * build and whether the GIL is on, and that the modules the harness needs load. An entry naming the default's
     * binary gives the default its id; an optional entry whose path is absent is left unusable without a fault.
     */
    private List<Interpreter> interpreters() {
        List<Interpreter> found = new ArrayList<>();
        String defaultId = null;
        for (InterpreterEntry e : settings.interpreters()) {
            Python py;
            try {
                Path configured = Path.of(e.path());
                if (e.optional() && configured.isAbsolute() && !Files.exists(configured)) {
                    found.add(unusable(e, e.path() + " does not exist on this machine"));
                    continue;
                }
                py = resolvePython(configured);
            } catch (IOException | RuntimeException ex) {
                found.add(unusable(e, "cannot be run: " + ex.getMessage()));
                continue;
            }
            boolean isDefault = py.executable().equals(python.executable());
            if (isDefault && defaultId != null) {
                found.add(unusable(e, "the same binary as '" + defaultId + "'"));
                continue;
            }
            if (isDefault) {
                defaultId = e.id();
            }
            found.add(probed(e.id(), e.label(), e.path(), py, isDefault, e.optional()));
        }
        if (defaultId == null) {
            String id = Interpreter.derivedId(python.version(), python.freeThreaded());
            boolean taken = found.stream().anyMatch(i -> i.id().equals(id));
            found.add(0, probed(taken ? "default" : id, null, settings.python().toString(), python, true, false));
        } else {
            String d = defaultId;
            found.sort(java.util.Comparator.comparing((Interpreter i) -> !i.id().equals(d)));
        }
        return List.copyOf(found);
    }

    private static Interpreter unusable(InterpreterEntry e, String why) {
        return new Interpreter(e.id(), e.label() != null ? e.label() : e.id(), e.path(), null, null, null, false, true,
                false, e.optional(), "interpreter '" + e.id() + "' (" + e.path() + ") " + why);
    }

    /** The in-sandbox probe of one resolved interpreter; a usable one is registered for runs. */
    private Interpreter probed(String id, String label, String configured, Python py, boolean isDefault,
                               boolean optional) {
        String failure = null;
        boolean gil = true;
        boolean freeThreaded = py.freeThreaded();
        String version = py.version();
        try {
            JsonNode answer = probeInterpreter(py);
            version = answer.path("version").asText(version);
            freeThreaded = answer.path("freeThreaded").asBoolean(freeThreaded);
            gil = answer.path("gil").asBoolean(true);
        } catch (IOException e) {
            failure = "interpreter '" + id + "' (" + py.executable() + ") does not work in the sandbox: " + e.getMessage();
        }
        Python real = new Python(py.executable(), py.prefix(), version, freeThreaded);
        if (failure == null) {
            pythons.put(id, real);
        }
        return new Interpreter(id, label != null ? label : Interpreter.describe(version, freeThreaded, gil), configured,
                real.executable(), real.prefix(), version, freeThreaded, gil, isDefault, optional, failure);
    }

    /** What the harness needs, loaded once in a sandbox launched like a run; the answer as JSON. */
    static final String INTERPRETER_PROBE = String.join("\n",
            "import json, sys, sysconfig",
            "import ctypes, resource, select, signal, faulthandler, _thread, threading, multiprocessing, asyncio, socket",
            "gil = sys._is_gil_enabled() if hasattr(sys, '_is_gil_enabled') else True",
            "print(json.dumps({'version': sys.version.split()[0], 'gil': bool(gil),",
            "                  'freeThreaded': bool(sysconfig.get_config_var('Py_GIL_DISABLED'))}))");

    private JsonNode probeInterpreter(Python py) throws IOException {
        List<String> inner = List.of(py.executable().toString(), "-I", "-c", INTERPRETER_PROBE);
        ProcessBuilder pb = new ProcessBuilder(command(null, new Limits(10, 20, 512, 16, 64), null, null, inner, py));
        pb.environment().clear();
        pb.environment().put("PATH", BwrapCommand.PATH);
        pb.redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(out.strip().lines().reduce((a, b) -> b).orElse("exit " + p.exitValue()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        try {
            return JSON.readTree(last);
        } catch (IOException e) {
            throw new IOException("unexpected answer: " + out.strip());
        }
    }

    private SandboxInfo describe(List<String> notes, String seccompState, List<Interpreter> interpreters) {
        String mode = !sandboxed ? UNSAFE : cgroups == null ? RUSAGE_ONLY : cgroups.mode();
        String isolation = sandboxed
                ? "bwrap: own user/pid/net/ipc/uts/mount namespaces, uid " + SANDBOX_UID + " (on the host: "
                  + (dropRoot ? "uid " + SANDBOX_UID : isRoot() ? "root without capabilities, because uid "
                  + SANDBOX_UID + " cannot reach " + python.prefix() : "the server's user") + "), no capabilities,"
                  + " read-only interpreter, private tmpfs /tmp and /dev/shm"
                : "none: student code runs on the host (development only)";
        if (cgroups != null) {
            String migration = FastMigration.ensure(Path.of("/proc/mounts"), isRoot() && settings.tuneHost());
            if (migration != null) {
                isolation += ", " + migration;
            }
            if (cgroups.prioritised()) {
                isolation += ", " + CgroupHierarchy.CPU_PRIORITY + "× the CPU weight of the server's own threads";
            }
        }
        if (sandboxed) {
            isolation += "; " + seccompState;
        }
        if (!notes.isEmpty()) {
            isolation += " (" + String.join("; ", notes) + ")";
        }
        return new SandboxInfo(mode, python.executable(), python.prefix(), python.version(), isolation, seccompState,
                limitsSummary(), refusal(mode), interpreters);
    }

    /** The limits a run gets here, in words, with the kernel files that enforce them. */
    private String limitsSummary() {
        if (!sandboxed) {
            return "none (no sandbox)";
        }
        if (controls == null) {
            return "no cgroup: memory and tasks sampled by the supervisor, CPU by RLIMIT_CPU, wall clock timer"
                    + " (weaker: a fast allocation or fork burst can pass the limit between two samples)";
        }
        StringBuilder b = new StringBuilder();
        controls.found().forEach((name, file) -> b.append(b.isEmpty() ? "" : ", ").append(name).append(" (")
                .append(file).append(")"));
        if (!controls.missing().isEmpty()) {
            b.append("; missing: ").append(String.join(", ", controls.missing()));
        }
        return b.toString();
    }

    /**
     * Why this sandbox must not grade (null when it may): it cannot enforce the limits with a cgroup and
     * weaker limits were not allowed. Grading weaker without saying so would let a fork or allocation burst
     * pass where the limits promise it cannot.
     */
    private String refusal(String mode) {
        boolean full = controls != null && controls.full();
        if (!sandboxed || full || settings.allowWeak()) {
            return null;
        }
        String lacking = controls == null ? "no usable cgroup hierarchy" : "the run's cgroup lacks "
                + String.join(", ", controls.missing().stream().filter(RunCgroup.REQUIRED::contains).toList());
        return "Refusing to grade: this host's sandbox cannot enforce the memory, task and CPU limits (" + mode
                + ": " + lacking + "). Give the server a cgroup it can use (README: \"cgroups\" under Deploying) or"
                + " set paragrade.grading.sandbox.allow-weak=true to grade with weaker limits.";
    }

    public SandboxInfo info() {
        return info;
    }

    /** Runs one request. Blocking, thread-safe, exactly one outcome; cleanup always runs before it returns. */
    public RunResult run(RunRequest request) {
        ACTIVE.incrementAndGet();
        try {
            return runCounted(request);
        } finally {
            ACTIVE.decrementAndGet();
        }
    }

    private RunResult runCounted(RunRequest request) {
        if (info.refusal() != null) {
            return internalError(info.refusal(), System.nanoTime());
        }
        Python py = request.interpreter() == null ? python : pythons.get(request.interpreter());
        if (py == null) {
            return internalError(info.interpreter(request.interpreter()).map(Interpreter::failure)
                    .orElse("no interpreter '" + request.interpreter() + "' is configured on this server (it has "
                            + info.interpreters().stream().map(Interpreter::id).toList() + ")"), System.nanoTime());
        }
        // The label names the cgroup (host side only: the sandbox has its own cgroup namespace); the run's
        // directory, whose name the sandbox can see, is random.
        String runId = request.label().replaceAll("[^A-Za-z0-9_.-]", "_").replaceAll("^[.]+", "_")
                .substring(0, Math.min(40, request.label().length())) + "-" + RUNS.incrementAndGet() + "-" + hex(6);
        Path runDir = runsDir.resolve("r-" + hex(8));
        RunCgroup cgroup = null;
        long started = System.nanoTime();
        RunResult result;
        try {
            stage(request, runDir);
            if (cgroups != null) {
                cgroup = cgroups.create(runId, request.limits());
            }
            result = execute(request, runDir, cgroup, started, py);
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

    /**
     * Copies the solution and the exercise's data/ (never reference/, never checker.py: the checker reaches the
     * supervisor on its stdin, see {@link #spec}) into the run's directory.
     */
    private static void stage(RunRequest request, Path runDir) throws IOException {
        Files.createDirectory(runDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        HostFiles.snapshot(request.solutionDir(), runDir.resolve("solution"));
        Path data = exerciseFile(request.exerciseDir(), "data", true);
        if (data != null) {
            Files.createDirectory(runDir.resolve("exercise"));
            HostFiles.snapshot(data, runDir.resolve("exercise/data"));
        }
    }

    /** Runs {@code python <args>} in the same sandbox and limits, without the harness. For the overhead benchmark. */
    int runBare(List<String> pythonArgs, Limits limits) throws IOException, InterruptedException {
        String runId = "bare-" + RUNS.incrementAndGet() + "-" + hex(6);
        RunCgroup cgroup = cgroups == null ? null : cgroups.create(runId, limits);
        try {
            List<String> inner = new ArrayList<>();
            inner.add(python.executable().toString());
            inner.addAll(pythonArgs);
            ProcessBuilder pb = new ProcessBuilder(command(cgroup, limits, null, null, inner, python));
            pb.environment().clear();
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            return pb.start().waitFor();
        } finally {
            if (cgroup != null) {
                cgroup.destroy();
            }
        }
    }

    private RunResult execute(RunRequest request, Path runDir, RunCgroup cgroup, long started, Python py)
            throws IOException {
        Path solution = runDir.resolve("solution");
        Path exercise = runDir.resolve("exercise");
        Limits limits = request.limits();
        String nonce = hex(16);
        List<String> inner = List.of(py.executable().toString(), "-I", "-B",
                (sandboxed ? "/harness" : harnessDir.toString()) + "/supervisor.py");
        ProcessBuilder pb = new ProcessBuilder(command(cgroup, limits, solution, exercise, inner, py));
        pb.environment().clear();
        pb.environment().put("PATH", BwrapCommand.PATH);
        pb.directory(new java.io.File("/"));
        Process process = pb.start();
        StreamDrain out = new StreamDrain(process.getInputStream(), SUPERVISOR_OUTPUT_CAP);
        StreamDrain err = new StreamDrain(process.getErrorStream(), 1 << 20);
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(JSON.writeValueAsBytes(spec(request, limits, nonce, solution, exercise)));
        } catch (IOException e) {
            // bwrap or the supervisor died before reading: decided below from what they said
        }
        String stopped;
        try {
            stopped = awaitEnd(process, cgroup, limits, started);
        } catch (InterruptedException e) {
            kill(process, cgroup);
            Thread.currentThread().interrupt();
            return internalError("the run was interrupted", started);
        }
        // bwrap is gone, so its pid namespace is gone; read the counters, then make sure (destroy checks empty).
        HostFigures host = HostFigures.of(started, cgroup);
        long oomKills = cgroup == null ? 0 : cgroup.oomKills();
        long pidsHits = cgroup == null ? 0 : cgroup.pidsLimitHits();
        if (cgroup == null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        return new ResultReader(limits, info.mode(), nonce, host)
                .decide(out.finish(), err.finish(), process.exitValue(), stopped, oomKills, pidsHits);
    }

    /**
     * Waits for the sandbox to end. The supervisor stops at the limits itself (and reports what it measured);
     * this is the backstop: returns "cpu" or "wall" when the server had to kill the run, else null.
     */
    private static String awaitEnd(Process process, RunCgroup cgroup, Limits limits, long started)
            throws InterruptedException {
        long hardWall = started + (long) ((limits.wallSeconds() + HARD_WALL_GRACE_SECONDS) * 1e9);
        while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            String stopped = null;
            if (cgroup != null && cgroup.cpuNanos() > (limits.cpuSeconds() + CPU_GRACE_SECONDS) * 1e9) {
                stopped = "cpu";
            } else if (System.nanoTime() > hardWall) {
                stopped = "wall";
            }
            if (stopped != null) {
                kill(process, cgroup);
                process.waitFor();
                return stopped;
            }
        }
        return null;
    }

    private ObjectNode spec(RunRequest request, Limits limits, String nonce, Path solution, Path exercise) {
        HarnessSpec spec = request.spec();
        ObjectNode node = JSON.createObjectNode();
        node.put("protocol", 1);
        node.put("nonce", nonce);
        node.put("entry", spec.entry());
        node.put("entryType", spec.entryType());
        node.set("params", JSON.valueToTree(spec.params()));
        // The checker and the secret travel on the supervisor's stdin, which it reads before the student's process
        // starts; it is non-dumpable, so /proc/1/fd/0 and /proc/1/mem stay closed to that process.
        Path checker = spec.checker() ? exerciseFile(request.exerciseDir(), "checker.py", false) : null;
        node.put("checker", checker != null);
        if (checker != null) {
            node.put("checkerSource", readChecker(checker));
        }
        node.put("secret", spec.secret() != null ? spec.secret() : hex(16));
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
            paths.put("exercise", exercise.toString());
            node.set("paths", JSON.valueToTree(paths));
        }
        return node;
    }

    private static String readChecker(Path checker) {
        try {
            return Files.readString(checker, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the exercise's checker", e);
        }
    }

    /**
     * The launch command: the launcher (cgroup join, rlimits) exec'ing bwrap exec'ing {@code inner}, with the
     * prefix of {@code py} (the run's interpreter, and the only one mounted) read-only.
     */
    private List<String> command(RunCgroup cgroup, Limits limits, Path solution, Path exerciseDir, List<String> inner,
                                 Python py) {
        BwrapCommand cmd = BwrapCommand.launcher(cgroup == null ? List.of() : cgroup.procsFiles(), limits,
                seccomp == null ? List.of() : seccomp.launcherArgs());
        if (!sandboxed) {
            return cmd.then(inner);
        }
        Path data = exerciseFile(exerciseDir, "data", true);
        boolean reachable = othersCanReach(solution) && othersCanReach(data) && (py == python || othersCanReach(py.prefix()));
        return cmd.asNobody(dropRoot && reachable).bwrap(settings.bwrap())
                .readOnly(py.prefix().startsWith("/usr") ? null : py.prefix(), py.prefix().toString())
                .readOnly(etcDir, "/etc").readOnly(harnessDir, "/harness").readOnly(solution, "/solution")
                .readOnly(data, "/exercise/data")
                .scratch().extra(seccomp == null ? List.of() : seccomp.bwrapArgs()).then(inner);
    }

    /** An exercise's checker.py (read here, sent on stdin) or data/ (mounted); never reference/; links are refused. */
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
        return ResultReader.internal(why, info == null ? "" : info.mode(), (System.nanoTime() - started) / 1e6);
    }

    /** The real interpreter, its installation prefix and version, asking the configured python itself. */
    private static Python resolvePython(Path python) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-I", "-c",
                "import os,sys,sysconfig;print(os.path.realpath(sys.executable));print(sys.base_prefix);"
                        + "print(sys.version.split()[0]);print(1 if sysconfig.get_config_var('Py_GIL_DISABLED') else 0)");
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
        if (lines.length < 4) {
            throw new IOException("unexpected answer from " + python + ": " + out);
        }
        Path exe = Path.of(lines[0].strip());
        Path base = Path.of(lines[1].strip());
        if (!exe.startsWith(base)) {
            throw new IOException("interpreter " + exe + " lies outside its prefix " + base + " (virtualenv?);"
                    + " configure the base interpreter");
        }
        return new Python(exe, base, lines[2].strip(), "1".equals(lines[3].strip()));
    }

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

    /** Null when a sandbox can be built, else why not: the runs' own bwrap flags, asked for its capabilities. */
    private String probeBwrap(boolean asNobody) {
        Path bwrap = settings.bwrap();
        if (bwrap == null || !Files.isExecutable(bwrap)) {
            return "bwrap not found at " + bwrap;
        }
        try {
            List<String> cmd = BwrapCommand.bare().asNobody(asNobody).bwrap(bwrap).scratch()
                    .then(List.of("/bin/sh", "-c", "grep CapEff /proc/self/status"));
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
     * Null when a sandbox started exactly as a run starts has our filter in force (pid 1 and the interpreter),
     * else what it saw instead. Runs once, at start.
     */
    private String probeSeccomp() {
        List<String> inner = List.of(python.executable().toString(), "-I", "-S", "-c",
                "import sys\nfor p in ('/proc/1/status', '/proc/self/status'):\n    sys.stdout.write(open(p).read())");
        try {
            ProcessBuilder pb = new ProcessBuilder(command(null, new Limits(10, 10, 256, 16, 64), null, null, inner, python));
            pb.environment().clear();
            pb.redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "the probe failed: " + out.strip();
            }
            int second = out.indexOf("Name:", 1);
            if (second < 0) {
                return "unexpected probe output: " + out.strip();
            }
            String pid1 = BwrapSeccomp.checkStatus(out.substring(0, second));
            String self = BwrapSeccomp.checkStatus(out.substring(second));
            return pid1 != null ? "pid 1: " + pid1 : self != null ? "the interpreter: " + self : null;
        } catch (IOException e) {
            return "the probe cannot start: " + e.getMessage();
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
        Path target = workRoot.resolve("harness-" + harnessDigest());
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return target;
        }
        Path tmp = workRoot.resolve("harness-tmp-" + hex(6));
        writeHarness(tmp);
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

    /** The first 16 hex digits of the SHA-256 of the harness files. */
    private static String harnessDigest() throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String f : HARNESS_FILES) {
            try (InputStream in = Sandbox.class.getResourceAsStream("/harness/" + f)) {
                if (in == null) {
                    throw new IOException("harness file missing from the classpath: /harness/" + f);
                }
                sha.update(in.readAllBytes());
            }
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static void writeHarness(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("harness"));
        Files.createDirectories(dir.resolve("etc"));
        for (String f : HARNESS_FILES) {
            HostFiles.extract("/harness/" + f, dir.resolve("harness").resolve(f));
        }
        HostFiles.writeReadOnly(dir.resolve("etc/hosts"), "127.0.0.1 localhost\n::1 localhost\n");
        HostFiles.writeReadOnly(dir.resolve("etc/passwd"), "nobody:x:65534:65534:nobody:/tmp:/usr/sbin/nologin\n");
        HostFiles.writeReadOnly(dir.resolve("etc/group"), "nogroup:x:65534:\n");
        HostFiles.writeReadOnly(dir.resolve("etc/nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files\n");
        for (Path p : List.of(dir, dir.resolve("harness"), dir.resolve("etc"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }
}
