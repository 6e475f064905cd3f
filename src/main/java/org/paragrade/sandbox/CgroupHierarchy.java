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
        String parent = cgroupParent == null || cgroupParent.isBlank() ? "paragrade" : cgroupParent;
        if (!parent.matches("/?[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*")) {
            throw new IllegalArgumentException("cgroupParent must be a plain path: " + cgroupParent);
        }
        Map<String, String> own = ownCgroups();
        try {
            if (Files.isRegularFile(root.resolve("cgroup.controllers"))) {
                String controllers = Files.readString(root.resolve("cgroup.controllers"));
                if (controllers.contains("memory") && controllers.contains("pids") && controllers.contains("cpu")) {
                    Path dir = under(root, own.getOrDefault("", "/"), parent);
                    boolean prioritised = prepareV2(root, dir, notes);
                    return new CgroupHierarchy(V2, Map.of("", dir), prioritised);
                }
                notes.add("cgroup v2 lacks the memory, pids or cpu controller");
                return null;
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

    private static boolean prepareV2(Path root, Path dir, List<String> notes) throws IOException {
        // Enable the controllers on every level from the root down to our parent.
        List<Path> chain = new ArrayList<>();
        for (Path p = dir; p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            chain.add(0, p);
        }
        Files.createDirectories(dir);
        Path level = root;
        for (Path p : chain) {
            try {
                Files.writeString(level.resolve("cgroup.subtree_control"), "+memory +pids +cpu");
            } catch (IOException e) {
                // an inner level may already have it or refuse (processes in it); checked below
            }
            level = p;
        }
        Files.writeString(dir.resolve("cgroup.subtree_control"), "+memory +pids +cpu");
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
