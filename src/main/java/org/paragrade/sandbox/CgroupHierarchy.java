package org.paragrade.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cgroup hierarchy this host lets us use, found once at start: v2 when it is the only (unified)
 * hierarchy, otherwise the v1 controllers cpuacct, memory, pids and freezer. Each run gets its own
 * {@link RunCgroup} below {@code cgroupParent}.
 *
 * <p>When the cpu controller is there too, the parent gets {@value #CPU_PRIORITY}× the CPU weight of
 * a default group, so that on a busy machine the server's own threads (JIT compiler, garbage collector,
 * HTTP, database) and the embedded PostgreSQL yield to the run being measured instead of taking a
 * core from it. It is a weight, not a reservation: nothing is starved when the run is idle.
 */
final class CgroupHierarchy {
    static final String V1 = "cgroup v1";
    static final String V2 = "cgroup v2";
    static final List<String> V1_CONTROLLERS = List.of("cpuacct", "memory", "pids", "freezer");
    /** Optional v1 controller: only the runs' CPU weight. */
    static final String V1_CPU = "cpu";
    /** The runs' CPU weight relative to a default cgroup or a lone nice-0 task. */
    static final int CPU_PRIORITY = 8;
    static final List<String> V2_CONTROLLERS = List.of("memory", "pids", "cpu");
    private static final String ENABLE = "+memory +pids +cpu";
    /** The leaf child of the server's own v2 cgroup that the server's processes move into. */
    static final String SERVER_LEAF = "server";

    private final String mode;
    /** v1: controller -> parent dir of the runs' cgroups; v2: "" -> parent dir. */
    private final Map<String, Path> parents;

    private final boolean prioritised;

    private CgroupHierarchy(String mode, Map<String, Path> parents, boolean prioritised) {
        this.mode = mode;
        this.parents = parents;
        this.prioritised = prioritised;
    }

    String mode() {
        return mode;
    }

    /** Returns null when no usable hierarchy exists (the sandbox then runs in "rusage only" mode). */
    static CgroupHierarchy detect(Path root, String cgroupParent, List<String> notes) {
        return detect(root, cgroupParent, ownCgroups(), notes);
    }

    /** As above, for the server whose cgroups (/proc/self/cgroup: controller -> path, "" for v2) are {@code own}. */
    static CgroupHierarchy detect(Path root, String cgroupParent, Map<String, String> own, List<String> notes) {
        String parent = cgroupParent == null || cgroupParent.isBlank() ? "paragrade" : cgroupParent;
        if (!parent.matches("/?[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*")) {
            throw new IllegalArgumentException("cgroupParent must be a plain path: " + cgroupParent);
        }
        try {
            if (Files.isRegularFile(root.resolve("cgroup.controllers"))) {
                String controllers = Files.readString(root.resolve("cgroup.controllers"));
                if (!hasV2Controllers(controllers)) {
                    notes.add("cgroup v2 lacks the memory, pids or cpu controller (it has: " + controllers.strip() + ")");
                    return null;
                }
                Path ownDir = ownV2(root, own.getOrDefault("", "/"));
                Path dir = parent.startsWith("/") ? root.resolve(parent.substring(1)) : ownDir.resolve(parent);
                if (!prepareV2(root, ownDir, dir, notes)) {
                    return null;
                }
                return new CgroupHierarchy(V2, Map.of("", dir), prioritiseV2(dir, notes));
            }
            Map<String, Path> dirs = new LinkedHashMap<>();
            for (String controller : V1_CONTROLLERS) {
                Path mount = root.resolve(controller);
                if (!Files.isRegularFile(mount.resolve("cgroup.procs"))) {
                    notes.add("cgroup v1 controller " + controller + " is not mounted at " + mount);
                    return null;
                }
                Path dir = under(mount, own.getOrDefault(controller, "/"), parent);
                Files.createDirectories(dir);
                dirs.put(controller, dir);
            }
            Path cpu = prioritiseV1(root, own, parent, notes);
            if (cpu != null) {
                dirs.put(V1_CPU, cpu);
            }
            return new CgroupHierarchy(V1, dirs, cpu != null);
        } catch (IOException | RuntimeException e) {
            notes.add("cgroups not writable: " + e.getMessage());
            return null;
        }
    }

    RunCgroup create(String runId, Limits limits) throws IOException {
        if (mode.equals(V2)) {
            Path dir = parents.get("").resolve(runId);
            Files.createDirectory(dir);
            return new RunCgroup.V2(dir, limits);
        }
        Map<String, Path> dirs = new HashMap<>();
        Map<Path, Path> created = new HashMap<>(); // co-mounted controllers ("cpu,cpuacct") share one directory
        try {
            for (String controller : parents.keySet()) {
                Path parent = parents.get(controller).toRealPath();
                Path dir = created.get(parent);
                if (dir == null) {
                    dir = parent.resolve(runId);
                    Files.createDirectory(dir);
                    created.put(parent, dir);
                }
                dirs.put(controller, dir);
            }
            return new RunCgroup.V1(dirs, limits);
        } catch (IOException | RuntimeException e) {
            dirs.values().forEach(d -> d.toFile().delete());
            throw e;
        }
    }

    /**
     * What a run's cgroup really enforces and accounts here: a probe cgroup made exactly like a run's, looked at
     * and removed. Null when even that cannot be made.
     */
    RunCgroup.Found probe(List<String> notes) {
        RunCgroup probe = null;
        try {
            probe = create("probe-" + Sandbox.hex(6), new Limits(1, 1, 64, 8, 1));
            return probe.find();
        } catch (IOException | RuntimeException e) {
            notes.add("a run's cgroup cannot be made (" + e.getMessage() + ")");
            return null;
        } finally {
            if (probe != null) {
                probe.destroy();
            }
        }
    }

    List<Path> parents() {
        return parents.values().stream().distinct().toList();
    }

    /** Whether runs get the CPU priority (the cpu controller was found and took the weight). */
    boolean prioritised() {
        return prioritised;
    }

    /** Gives the runs' parent its CPU weight in the v1 cpu hierarchy; null when that cannot be done. */
    private static Path prioritiseV1(Path root, Map<String, String> own, String parent, List<String> notes) {
        Path mount = root.resolve(V1_CPU);
        if (!Files.isRegularFile(mount.resolve("cgroup.procs"))) {
            notes.add("no cgroup v1 cpu controller: runs get no CPU priority over the server");
            return null;
        }
        try {
            Path dir = under(mount, own.getOrDefault(V1_CPU, "/"), parent);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("cpu.shares"), Integer.toString(1024 * CPU_PRIORITY));
            return dir;
        } catch (IOException | RuntimeException e) {
            notes.add("cgroup v1 cpu controller not writable (" + e.getMessage() + "): runs get no CPU priority");
            return null;
        }
    }

    /** Relative parents go below the server's own cgroup, so the sandbox stays inside the server's limits. */
    private static Path under(Path mount, String own, String parent) {
        String base = parent.startsWith("/") ? parent : (own.endsWith("/") ? own : own + "/") + parent;
        return mount.resolve(base.substring(1));
    }

    static boolean hasV2Controllers(String controllers) {
        List<String> have = List.of(controllers.trim().split("\\s+"));
        return have.containsAll(V2_CONTROLLERS);
    }

    /**
     * The server's own v2 cgroup. A server that already moved itself into its leaf ({@value #SERVER_LEAF}, below a
     * cgroup that hands the controllers down) counts the cgroup above it as its own: a second sandbox in the same
     * process must not nest another leaf.
     */
    static Path ownV2(Path root, String own) {
        Path dir = own.equals("/") ? root : root.resolve(own.substring(1));
        Path up = dir.getParent();
        if (!dir.equals(root) && dir.getFileName().toString().equals(SERVER_LEAF) && up != null && up.startsWith(root)) {
            try {
                if (hasV2Controllers(Files.readString(up.resolve("cgroup.subtree_control")))) {
                    return up;
                }
            } catch (IOException e) {
                // not ours after all
            }
        }
        return dir;
    }

    /**
     * Makes the memory, pids and cpu controllers reach {@code dir}, where the runs' cgroups go. cgroup v2 lets a
     * cgroup hand controllers to its children only while it holds no processes itself (the "no internal processes"
     * rule; the root is exempt). A server started by systemd, Docker or a login shell lives in such a cgroup with
     * its JVM and its embedded PostgreSQL, so it first moves its own processes into a leaf child,
     * {@code <own>/server}, as runc's and isolate's cgroup v2 set-ups do. A delegated subtree (systemd's
     * {@code Delegate=yes}) is handled the same way, with no rights beyond it. Returns false (with a note) when
     * the controllers do not reach {@code dir}.
     */
    static boolean prepareV2(Path root, Path ownDir, Path dir, List<String> notes) throws IOException {
        List<Path> chain = new ArrayList<>(); // every level from the root down to dir's parent
        for (Path p = dir.getParent(); p != null && p.startsWith(root); p = p.getParent()) {
            chain.add(0, p);
        }
        for (Path level : chain) {
            Files.createDirectories(level);
            if (level.equals(ownDir) && !level.equals(root)) {
                moveIntoLeaf(level, notes);
            }
            try {
                Files.writeString(level.resolve("cgroup.subtree_control"), ENABLE);
            } catch (IOException e) {
                // an outer level may already hand them down, or refuse (not ours): checked below
            }
        }
        Files.createDirectories(dir);
        String reached = Files.readString(dir.resolve("cgroup.controllers"));
        if (!hasV2Controllers(reached)) {
            notes.add("cgroup v2: the memory, pids and cpu controllers do not reach " + dir + " (it has: "
                    + reached.strip() + "); delegate a subtree to the server (systemd Delegate=yes) or run it as root");
            return false;
        }
        Files.writeString(dir.resolve("cgroup.subtree_control"), ENABLE);
        return true;
    }

    /** Moves every process of {@code own} (the JVM, PostgreSQL and whatever shares the cgroup) into its leaf. */
    private static void moveIntoLeaf(Path own, List<String> notes) throws IOException {
        if (!Files.exists(own.resolve("cgroup.type")) || RunCgroup.pids(own.resolve("cgroup.procs")).isEmpty()) {
            return; // the root (no cgroup.type), or nothing to move
        }
        Path leaf = own.resolve(SERVER_LEAF);
        Files.createDirectories(leaf);
        int moved = 0;
        // Processes may fork while we move them (PostgreSQL starts backends): a few passes until none is left.
        List<Long> before = List.of();
        for (int pass = 0; pass < 20; pass++) {
            List<Long> left = RunCgroup.pids(own.resolve("cgroup.procs"));
            if (left.isEmpty() || left.equals(before)) {
                break; // all moved, or what is left cannot move: the controllers' write below says if it mattered
            }
            before = left;
            for (long pid : left) {
                try {
                    Files.writeString(leaf.resolve("cgroup.procs"), Long.toString(pid));
                    moved++;
                } catch (IOException e) {
                    // gone already, or a kernel thread: the controllers' write below says if it mattered
                }
            }
        }
        notes.add("moved the server's " + moved + " process(es) into " + leaf.getFileName() + "/ of its cgroup, so"
                + " that cgroup can hand the controllers to the runs (cgroup v2 allows no processes there)");
    }

    private static boolean prioritiseV2(Path dir, List<String> notes) {
        try {
            Files.writeString(dir.resolve("cpu.weight"), Integer.toString(100 * CPU_PRIORITY));
            return true;
        } catch (IOException e) {
            notes.add("cpu.weight not writable (" + e.getMessage() + "): runs get no CPU priority");
            return false;
        }
    }

    private static Map<String, String> ownCgroups() {
        Map<String, String> own = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] parts = line.split(":", 3);
                if (parts.length < 3) {
                    continue;
                }
                for (String controller : parts[1].split(",")) {
                    own.put(controller, parts[2]);
                }
            }
        } catch (IOException e) {
            // fall back to the roots
        }
        return own;
    }
}
