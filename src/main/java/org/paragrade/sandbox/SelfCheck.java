package org.paragrade.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's self-check, runnable on a host without the server, its database or Maven: builds the
 * sandbox as the server would (no weak limits allowed), reports what it found, then runs the hostile
 * fixtures of src/test/resources/sandbox and a positive control, one line each, and ends with
 * {@code N passed, M failed}. grader-images/cgroup2-check runs it on a pure cgroup v2 kernel:
 * <pre>
 *   java -cp 'quarkus-app/app/*:quarkus-app/lib/main/*' org.paragrade.sandbox.SelfCheck FIXTURES_DIR [WORK_DIR]
 * </pre>
 * Exit status 0 when every check passed.
 */
public final class SelfCheck {
    /**
     * Time limits are multiplied by this (environment PARAGRADE_SELFCHECK_WALL_FACTOR, default 1) on an emulated
     * CPU (grader-images/cgroup2-check under TCG: a CPU several times slower than the host's); memory and task
     * limits, and the CPU limit of the CPU fixtures, which are what the check is about, stay as they are.
     */
    static final double WALL_FACTOR = wallFactor(System.getenv("PARAGRADE_SELFCHECK_WALL_FACTOR"));
    static final Limits LIMITS = limits(2, 4, 160, 48, 32);
    static final Limits CPU_LIMITS = new Limits(1.5, 15 * WALL_FACTOR, 160, 48, 32);

    static Limits limits(double cpu, double wall, int memoryMb, int tasks, int outputKb) {
        return new Limits(cpu * WALL_FACTOR, wall * WALL_FACTOR, memoryMb, tasks, outputKb);
    }

    private static double wallFactor(String configured) {
        try {
            return configured == null ? 1 : Math.max(1, Double.parseDouble(configured));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private final Path fixtures;
    private final Sandbox sandbox;
    /** The cgroup CPU time of the plain call: one Python interpreter started and run, as this CPU does it. */
    private double interpreterCpuMs = -1;
    private int passed;
    private int failed;

    /** One check: null when it held, else what was seen instead. */
    private interface Check {
        String run() throws Exception;
    }

    private SelfCheck(Path fixtures, Sandbox sandbox) {
        this.fixtures = fixtures;
        this.sandbox = sandbox;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SelfCheck FIXTURES_DIR [WORK_DIR]");
            System.exit(2);
        }
        Path work = Path.of(args.length > 1 ? args[1] : "paragrade-selfcheck").toAbsolutePath();
        String startedIn = v2Cgroup(readQuietly(Path.of("/proc/self/cgroup")));
        Sandbox sandbox;
        try {
            // A parent of its own: a server on the same host may have runs in "paragrade" right now.
            sandbox = new Sandbox(new SandboxSettings(Path.of("python3"), Path.of("/usr/bin/bwrap"), work, false,
                    "paragrade-selfcheck-" + ProcessHandle.current().pid(), true, false));
        } catch (RuntimeException e) {
            System.out.println("FAIL sandbox: " + e.getMessage());
            System.out.println("0 passed, 1 failed");
            System.exit(1);
            return;
        }
        SelfCheck check = new SelfCheck(Path.of(args[0]), sandbox);
        check.all(startedIn);
        System.out.println(check.passed + " passed, " + check.failed + " failed");
        System.exit(check.failed == 0 ? 0 : 1);
    }

    private void all(String startedIn) {
        SandboxInfo info = sandbox.info();
        System.out.println("mode: " + info.mode() + (WALL_FACTOR > 1 ? " (time limits x" + WALL_FACTOR + ")" : ""));
        System.out.println("limits: " + info.limits());
        System.out.println("isolation: " + info.isolation());
        String now = v2Cgroup(readQuietly(Path.of("/proc/self/cgroup")));
        System.out.println("own cgroup: started in " + startedIn + ", now " + now + "; runs below "
                + sandbox.cgroupParents());
        check("cgroup accounting", () -> info.mode().startsWith("cgroup") ? null : "mode is " + info.mode());
        if (info.mode().equals(CgroupHierarchy.V2) && startedIn != null && !startedIn.equals("/")) {
            check("the server's processes moved into a leaf, the runs beside it", () -> leafMove(startedIn, now));
        } else {
            System.out.println("SKIP leaf move: not on cgroup v2 or started in its root (" + info.mode() + ", "
                    + startedIn + ")");
        }
        check("full limits (memory, tasks, CPU time) and memory peak", () -> info.refusal() != null ? info.refusal()
                : info.limits().contains(RunCgroup.MEMORY_PEAK) ? null : "no memory peak: " + info.limits());
        check("seccomp filter in force", () -> info.seccomp().startsWith("seccomp on") ? null : info.seccomp());
        check("a plain call completes, with the cgroup's CPU and memory peak", () -> {
            RunResult r = run("ok_add.py", "add", Map.of("a", 1, "b", 2), LIMITS);
            interpreterCpuMs = r.cgroupCpuMs();
            return expect(r, Outcome.COMPLETED) != null ? expect(r, Outcome.COMPLETED)
                    : r.value().asInt() != 3 ? "value " + r.value()
                    : !(r.cgroupCpuMs() > 0) ? "cgroup CPU " + r.cgroupCpuMs()
                    : !(r.cgroupPeakMemoryMb() > 1) ? "cgroup memory peak " + r.cgroupPeakMemoryMb() + " MB" : null;
        });
        check("pool under fork, spawn and forkserver", () -> {
            for (String method : List.of("fork", "spawn", "forkserver")) {
                RunResult r = run("controls.py", "pool", Map.of("method", method), poolLimits(method));
                String bad = expect(r, Outcome.COMPLETED);
                if (bad != null || !r.value().toString().equals("[0,1,4,9,16,25]")) {
                    return method + " (CPU limit " + poolLimits(method).cpuSeconds() + " s): "
                            + (bad != null ? bad : r.value());
                }
            }
            return null;
        });
        check("infinite loop hits the CPU limit", () -> cpu(run("infinite_loop.py", CPU_LIMITS)));
        check("CPU in many processes counts all of them", () -> cpu(run("cpu_processes.py", CPU_LIMITS)));
        check("CPU in many threads hits the CPU limit", () -> expect(run("cpu_threads.py", CPU_LIMITS),
                Outcome.TIME_LIMIT_CPU));
        check("fork bomb hits the task limit", () -> {
            RunResult r = run("fork_bomb.py", LIMITS);
            return expect(r, Outcome.PROCESS_LIMIT) != null ? expect(r, Outcome.PROCESS_LIMIT)
                    : !r.message().contains(LIMITS.maxProcesses() + " processes") ? "message " + r.message()
                    : r.cgroupPeakTasks() >= 0 && r.cgroupPeakTasks() != LIMITS.maxProcesses() + RunCgroup.TASK_ALLOWANCE
                    ? "cgroup task peak " + r.cgroupPeakTasks() : null;
        });
        check("thread bomb hits the task limit", () -> expect(run("thread_bomb.py", LIMITS), Outcome.PROCESS_LIMIT));
        check("Pool(10000) hits the task limit", () -> expect(run("pool_10000.py", LIMITS), Outcome.PROCESS_LIMIT));
        check("memory bomb hits the memory limit, peak from the cgroup", () -> {
            RunResult r = run("memory_bomb.py", LIMITS);
            return expect(r, Outcome.MEMORY_LIMIT) != null ? expect(r, Outcome.MEMORY_LIMIT)
                    : r.cgroupPeakMemoryMb() > 150 ? null : "cgroup memory peak " + r.cgroupPeakMemoryMb() + " MB";
        });
        check("memory spread over workers hits the tree's limit", () -> expect(run("memory_workers.py",
                limits(3, 6, 160, 48, 32)), Outcome.MEMORY_LIMIT));
        check("sleeping forever hits the wall limit", () -> expect(run("sleep_forever.py",
                limits(2, 2, 160, 48, 32)), Outcome.TIME_LIMIT_WALL));
        check("stdout flood hits the output limit", () -> expect(run("stdout_flood.py", LIMITS), Outcome.OUTPUT_LIMIT));
        check("network is loopback only", () -> {
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                RunResult r = run("network.py", "run", Map.of("port", server.getLocalPort()), LIMITS);
                String bad = expect(r, Outcome.COMPLETED);
                return bad != null ? bad : r.value().path("host_port").asText().equals("ConnectionRefusedError")
                        && r.value().path("interfaces").toString().equals("[\"lo\"]") ? null : r.value().toString();
            }
        });
        check("pid 1 cannot be traced, opened, stopped or forged", this::pid1Takeover);
        check("kill(-1) gains nothing", () -> {
            RunResult r = run("kill_everything.py", LIMITS);
            return expect(r, Outcome.RUNTIME_ERROR) != null ? expect(r, Outcome.RUNTIME_ERROR)
                    : r.message().contains("ProcessLookupError") && !r.message().contains("grading harness") ? null
                    : "message " + r.message();
        });
        check("retuning pid 1 (prlimit, nice, affinity) is seen as tampering", () -> {
            for (String how : List.of("prlimit", "nice", "affinity")) {
                if (how.equals("affinity") && Runtime.getRuntime().availableProcessors() == 1) {
                    // one CPU: pinning pid 1 to it changes nothing, so there is nothing to see or gain
                    System.out.println("  (retuning by affinity not tried: this machine has one CPU)");
                    continue;
                }
                if (how.equals("nice") && ownNice() == 19) {
                    // as HostileFixturesTest: under nice 19 the supervisor is already as low as a same-uid
                    // process can push it, so there is nothing to retune
                    System.out.println("  (retuning by nice not tried: this check runs at nice 19)");
                    continue;
                }
                RunResult r = run("retune_pid1.py", "run", Map.of("how", how), LIMITS);
                String bad = expect(r, Outcome.RUNTIME_ERROR);
                if (bad != null || !r.message().contains("changed the limits, priority or CPUs")) {
                    return how + ": " + (bad != null ? bad : r.message());
                }
            }
            return null;
        });
        check("no capabilities, no new privileges, uid 65534", () -> {
            RunResult r = run("capabilities.py", LIMITS);
            String bad = expect(r, Outcome.COMPLETED);
            return bad != null ? bad : r.value().path("CapEff").asText().equals("0000000000000000")
                    && r.value().path("CapPrm").asText().equals("0000000000000000")
                    && r.value().path("NoNewPrivs").asText().equals("1") && r.value().path("uid").asInt() == 65534
                    ? null : r.value().toString();
        });
        check("new namespaces and mounts are denied", () -> {
            for (String fixture : List.of("seccomp_unshare.py", "seccomp_mount.py")) {
                RunResult r = run(fixture, LIMITS);
                String bad = expect(r, Outcome.COMPLETED);
                if (bad != null) {
                    return fixture + ": " + bad;
                }
                List<String> allowed = new ArrayList<>();
                r.value().fields().forEachRemaining(e -> {
                    String want = e.getKey().equals("clone3") ? "ENOSYS" : "EPERM";
                    if (!e.getValue().asText().equals(want)) {
                        allowed.add(e.getKey() + "=" + e.getValue().asText());
                    }
                });
                if (r.value().size() < 2 || !allowed.isEmpty()) {
                    return fixture + ": not denied: " + allowed;
                }
            }
            return null;
        });
        check("host paths and the server's environment are invisible", this::hostPaths);
        check("killing the supervisor gains nothing", () -> {
            RunResult r = run("kill_supervisor.py", LIMITS);
            return expect(r, Outcome.COMPLETED) != null ? expect(r, Outcome.COMPLETED)
                    : r.value().asText().equals("survived") ? null : "value " + r.value();
        });
        check("a daemon does not outlive the run", () -> {
            RunResult r = run("daemon_escape.py", LIMITS);
            String bad = expect(r, Outcome.COMPLETED);
            List<String> left = processesMentioning("PG_DAEMON_MARKER_7731");
            return bad != null ? bad : left.isEmpty() ? null : "left on the host: " + left;
        });
        check("ptrace is denied by seccomp", () -> {
            RunResult r = run("seccomp_ptrace.py", "run", Map.of(), LIMITS);
            String bad = expect(r, Outcome.COMPLETED);
            if (bad != null) {
                return bad;
            }
            List<String> allowed = new ArrayList<>();
            r.value().fields().forEachRemaining(e -> {
                if (!e.getValue().asText().equals("EPERM")) {
                    allowed.add(e.getKey() + "=" + e.getValue().asText());
                }
            });
            return allowed.isEmpty() ? null : "not denied: " + allowed;
        });
        check("no run cgroup and no run directory left", () -> {
            List<String> left = new ArrayList<>();
            for (Path parent : sandbox.cgroupParents()) {
                try (var dirs = Files.list(parent)) {
                    dirs.filter(Files::isDirectory).forEach(d -> left.add(d.toString()));
                }
            }
            try (var runs = Files.list(sandbox.runsDir())) {
                runs.filter(p -> p.getFileName().toString().startsWith("r-")).forEach(p -> left.add(p.toString()));
            }
            for (Path parent : sandbox.cgroupParents()) {
                Files.deleteIfExists(parent); // empty: the check's own parent goes too
            }
            return left.isEmpty() ? null : "left: " + left;
        });
    }

    /**
     * On cgroup v2 a server started in a cgroup holding its processes (a systemd service) must be in the leaf
     * {@value CgroupHierarchy#SERVER_LEAF} of that cgroup, which holds no process any more, with the runs' parent
     * beside the leaf.
     */
    private String leafMove(String startedIn, String now) {
        Path root = Path.of("/sys/fs/cgroup");
        Path own = root.resolve(startedIn.substring(1));
        if (!(startedIn.equals("/") ? "/" : startedIn + "/").concat(CgroupHierarchy.SERVER_LEAF).equals(now)) {
            return "now in " + now + ", not in " + startedIn + "/" + CgroupHierarchy.SERVER_LEAF;
        }
        List<Long> left = RunCgroup.pids(own.resolve("cgroup.procs"));
        if (!left.isEmpty()) {
            return own + " still holds " + left;
        }
        for (Path parent : sandbox.cgroupParents()) {
            if (!own.equals(parent.getParent())) {
                return "the runs' parent " + parent + " is not beside the leaf in " + own;
            }
        }
        String handed = readQuietly(own.resolve("cgroup.subtree_control"));
        return CgroupHierarchy.hasV2Controllers(handed) ? null : own + " hands down only " + handed.strip();
    }

    /** The v2 line's path of a /proc/self/cgroup text ("0::/a/b"), null when there is none. */
    static String v2Cgroup(String procSelfCgroup) {
        return procSelfCgroup.lines().filter(l -> l.startsWith("0::")).map(l -> l.substring(3)).findFirst().orElse(null);
    }

    /** What HostileFixturesTest.pid1CannotBeTracedOpenedStoppedOrForged asserts. */
    private String pid1Takeover() throws IOException {
        RunResult r = run("take_pid1.py", LIMITS);
        String bad = expect(r, Outcome.COMPLETED);
        if (bad != null) {
            return bad;
        }
        var seen = r.value();
        List<String> wrong = new ArrayList<>();
        if (seen.path("ppid").asInt() != 1) {
            wrong.add("ppid " + seen.path("ppid"));
        }
        if (!seen.path("pid 1").asText().endsWith("/supervisor.py")) {
            wrong.add("pid 1 is " + seen.path("pid 1"));
        }
        for (String ptrace : List.of("ptrace(PTRACE_ATTACH, 1)", "ptrace(PTRACE_SEIZE, 1)", "process_vm_readv(1)")) {
            if (!seen.path(ptrace).asText().equals("Operation not permitted")) {
                wrong.add(ptrace + ": " + seen.path(ptrace).asText());
            }
        }
        for (String open : List.of("/proc/1/fd/1 wb", "/proc/1/fd/2 wb", "/proc/1/fd/1 rb", "/proc/1/mem r+b",
                "/proc/1/environ rb", "readlink /proc/1/fd/1", "readlink /proc/1/exe")) {
            if (!seen.path(open).asText().equals("PermissionError")) {
                wrong.add(open + ": " + seen.path(open).asText());
            }
        }
        if (seen.path("state of pid 1").asText().equals("T")) {
            wrong.add("SIGSTOP stopped pid 1");
        }
        if (r.maxProcesses() < 5) {
            wrong.add("the sampler saw only " + r.maxProcesses() + " processes");
        }
        if (r.cgroupPeakTasks() >= 0 && r.cgroupPeakTasks() < 7) {
            wrong.add("cgroup task peak " + r.cgroupPeakTasks());
        }
        if (!r.stdout().contains("\"value\": \"forged\"")) {
            wrong.add("the forged line is not in the student's output");
        }
        return wrong.isEmpty() ? null : String.join("; ", wrong);
    }

    /** A reference file beside the solution, the work dir and the host's secrets stay out of sight; no server variable. */
    private String hostPaths() throws IOException {
        Path base = Files.createTempDirectory("pg-selfcheck-host-");
        try {
            Path reference = Files.writeString(base.resolve("reference.py"), "SECRET_REFERENCE = 1\n");
            Path solution = Files.createDirectory(base.resolve("solution"));
            Files.copy(fixtures.resolve("host_paths.py"), solution.resolve("solution.py"));
            RunResult r = sandbox.run(new RunRequest("paths", solution, null, new HarnessSpec("run", "function",
                    Map.of("paths", List.of(reference.toString(), "/solution/../reference.py", base.toString(),
                            sandbox.runsDir().toString(), "/proc/1/root/etc/shadow")), false, null), LIMITS));
            String bad = expect(r, Outcome.COMPLETED);
            if (bad != null) {
                return bad;
            }
            String seen = r.value().toString();
            if (seen.contains("SECRET_REFERENCE") || seen.contains("root:")) {
                return "saw the reference or /etc/shadow: " + seen;
            }
            for (String path : List.of(reference.toString(), "/etc/shadow", sandbox.runsDir().toString())) {
                if (!r.value().path(path).asText().equals("FileNotFoundError")) {
                    return path + ": " + r.value().path(path).asText();
                }
            }
            RunResult env = run("environment.py", LIMITS);
            bad = expect(env, Outcome.COMPLETED);
            if (bad != null) {
                return "environment: " + bad;
            }
            List<String> keys = new ArrayList<>();
            env.value().path("environ").fieldNames().forEachRemaining(keys::add);
            List<String> extra = keys.stream().filter(k -> !List.of("PATH", "HOME", "LANG", "TMPDIR",
                    "PYTHONDONTWRITEBYTECODE", "PWD", "LC_CTYPE").contains(k)).toList();
            if (!extra.isEmpty()) {
                return "the run's environment has " + extra;
            }
            String everything = env.value().toString();
            for (Map.Entry<String, String> e : System.getenv().entrySet()) {
                if (e.getValue().length() >= 6 && !e.getValue().startsWith("/usr") && !e.getValue().equals("C.UTF-8")
                        && everything.contains(e.getValue())) {
                    return "the run sees the server's " + e.getKey();
                }
            }
            return null;
        } finally {
            HostFiles.deleteTree(base);
        }
    }

    private void check(String name, Check check) {
        String failure;
        long started = System.nanoTime();
        try {
            failure = check.run();
        } catch (Exception | AssertionError e) {
            failure = e.toString();
        }
        String took = String.format(" (%.1f s)", (System.nanoTime() - started) / 1e9);
        if (failure == null) {
            passed++;
            System.out.println("PASS " + name + took);
        } else {
            failed++;
            System.out.println("FAIL " + name + took + ": " + failure);
        }
        System.out.flush();
    }

    private RunResult run(String fixture, String entry, Map<String, Object> params, Limits limits) throws IOException {
        Path dir = Files.createTempDirectory("pg-selfcheck-");
        Files.copy(fixtures.resolve(fixture), dir.resolve("solution.py"));
        try {
            return sandbox.run(new RunRequest(fixture, dir, null, new HarnessSpec(entry, "function", params, false,
                    null), limits));
        } finally {
            HostFiles.deleteTree(dir);
        }
    }

    private RunResult run(String fixture, Limits limits) throws IOException {
        return run(fixture, "run", Map.of(), limits);
    }

    /**
     * The pool control's limits. Natively LIMITS. On an emulated CPU (WALL_FACTOR > 1) each interpreter a pool
     * starts costs about what the plain call cost, so the CPU limit is {@link #POOL_INTERPRETER_COST} times that
     * per interpreter when that is more than LIMITS gives: spawn starts the parent, 2 workers and the resource tracker (4), forkserver the
     * parent, the server and the tracker (3), fork only the parent (its workers are copies). It stays a
     * finite limit measured from this machine: a pool that burns CPU or never ends still fails it.
     */
    Limits poolLimits(String method) {
        return poolLimits(method, interpreterCpuMs, WALL_FACTOR, LIMITS);
    }

    /**
     * How many plain calls' CPU one interpreter of an emulated pool may cost. Measured under multi-threaded TCG at
     * load 8-14: spawn's four needed more than 6.4 plain calls in all (the guest's clock is the host's, so its CPU
     * times swing with how much of the host qemu gets); 8 leaves that room and stays finite.
     */
    static final int POOL_INTERPRETER_COST = 8;

    static Limits poolLimits(String method, double interpreterCpuMs, double wallFactor, Limits base) {
        if (!(wallFactor > 1) || !(interpreterCpuMs > 0)) {
            return base;
        }
        int interpreters = switch (method) {
            case "spawn" -> 4;
            case "forkserver" -> 3;
            default -> 1;
        };
        double cpu = Math.max(base.cpuSeconds(), POOL_INTERPRETER_COST * interpreters * interpreterCpuMs / 1000);
        return new Limits(cpu, Math.max(base.wallSeconds(), 2 * cpu), base.memoryMb(), base.maxProcesses(),
                base.outputKb());
    }

    private static String expect(RunResult r, Outcome outcome) {
        return r.outcome() == outcome ? null : r.outcome() + " instead of " + outcome + ": " + r.message();
    }

    /** The CPU limit, and the cgroup saw at least that much CPU time (all the tree's processes counted). */
    private static String cpu(RunResult r) {
        String bad = expect(r, Outcome.TIME_LIMIT_CPU);
        return bad != null ? bad : r.cgroupCpuMs() >= 1500 ? null : "cgroup CPU only " + r.cgroupCpuMs() + " ms";
    }

    /** This JVM's nice value (field 19 of /proc/self/stat). */
    private static int ownNice() {
        String stat = readQuietly(Path.of("/proc/self/stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }

    private static List<String> processesMentioning(String text) throws IOException {
        List<String> found = new ArrayList<>();
        long me = ProcessHandle.current().pid();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && Long.parseLong(name) != me) {
                    String cmd = readQuietly(p.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.contains(text)) {
                        found.add(name + ": " + cmd);
                    }
                }
            }
        }
        return found;
    }

    private static String readQuietly(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
