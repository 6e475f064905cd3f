package org.paragrade.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One run's cgroup: limits, accounting and the kill of the whole tree. The launcher writes its own pid
 * into {@link #procsFiles()} before it execs bwrap, so no process of the run is ever outside it.
 */
abstract sealed class RunCgroup permits RunCgroup.V1, RunCgroup.V2 {
    /** Tasks the harness needs besides the student's: outer bwrap, bwrap's init, the supervisor, slack. */
    static final int TASK_ALLOWANCE = 16;
    /** Memory of the supervisor and bwrap, on top of what the student may use. */
    static final long MEMORY_ALLOWANCE = 48L << 20;

    /** Files to write the launcher's pid into. */
    abstract List<Path> procsFiles();

    /** CPU time of everything that ran in the cgroup so far, in nanoseconds. */
    abstract long cpuNanos();

    abstract long oomKills();

    /** The most memory the cgroup ever held, in bytes; -1 where the kernel does not say. */
    abstract long peakMemoryBytes();

    /** The most tasks (processes and threads) the cgroup ever held; -1 where the kernel does not say (pids.peak: 6.x). */
    abstract long peakTasks();

    /** How many times a fork or thread creation failed at the pids limit. */
    abstract long pidsLimitHits();

    abstract String mode();

    /** What a run's cgroup enforces and accounts, each with the kernel file it uses, in {@link Found}'s order. */
    abstract Map<String, Path> controls();

    static final String MEMORY_LIMIT = "memory limit";
    static final String TASK_LIMIT = "task limit";
    static final String CPU_TIME = "CPU time";
    static final String MEMORY_PEAK = "memory peak";
    static final String TASK_PEAK = "task peak";
    /** Without these three the cgroup enforces less than the limits promise: the sandbox is weak. */
    static final List<String> REQUIRED = List.of(MEMORY_LIMIT, TASK_LIMIT, CPU_TIME);

    /** The controls a run's cgroup really has here (found: name -> file) and the ones it lacks. */
    record Found(Map<String, String> found, List<String> missing) {
        boolean full() {
            return missing.stream().noneMatch(REQUIRED::contains);
        }
    }

    /** Looks which of {@link #controls()} the kernel gave this cgroup. */
    Found find() {
        Map<String, String> found = new java.util.LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        controls().forEach((name, file) -> {
            if (Files.isRegularFile(file)) {
                found.put(name, file.getFileName().toString());
            } else {
                missing.add(name);
            }
        });
        return new Found(found, missing);
    }

    /** Kills every task and waits until the cgroup is empty. Returns false if it could not. */
    abstract boolean killAll();

    /** Kills every task, waits until the cgroup is empty and removes it. Returns false if it could not. */
    boolean destroy() {
        boolean empty = killAll();
        boolean removed = true;
        for (Path dir : dirs()) {
            removed &= remove(dir);
        }
        return empty && removed;
    }

    abstract Collection<Path> dirs();

    private static Map<String, Path> linked(Object... pairs) {
        Map<String, Path> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Path) pairs[i + 1]);
        }
        return m;
    }

    static long readLong(Path file) {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** A "key value" line of a flat-keyed cgroup file (memory.events, pids.events, cpu.stat, oom_control). */
    static long readKey(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] kv = line.trim().split("\\s+");
                if (kv.length == 2 && kv[0].equals(key)) {
                    return Long.parseLong(kv[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // missing: the kernel does not report it
        }
        return -1;
    }

    static List<Long> pids(Path procs) {
        List<Long> pids = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(procs)) {
                if (!line.isBlank()) {
                    pids.add(Long.parseLong(line.trim()));
                }
            }
        } catch (NoSuchFileException e) {
            return pids;
        } catch (IOException | NumberFormatException e) {
            pids.add(-1L); // unknown: treat as not empty
        }
        return pids;
    }

    static void killPids(Collection<Long> pids) {
        for (long pid : pids) {
            if (pid > 1) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** rmdir with retries: the kernel may need a moment after the last task left. */
    static boolean remove(Path dir) {
        for (int i = 0; i < 50; i++) {
            try {
                Files.deleteIfExists(dir);
                return true;
            } catch (IOException e) {
                sleep(20);
            }
        }
        return false;
    }

    static void write(Path file, String value) throws IOException {
        Files.writeString(file, value);
    }

    static final class V1 extends RunCgroup {
        private final Map<String, Path> dirs;

        V1(Map<String, Path> dirs, Limits limits) throws IOException {
            this.dirs = dirs;
            Path memory = dirs.get("memory");
            long bytes = limits.memoryMb() * (1L << 20) + MEMORY_ALLOWANCE;
            write(memory.resolve("memory.limit_in_bytes"), Long.toString(bytes));
            Path memsw = memory.resolve("memory.memsw.limit_in_bytes");
            if (Files.exists(memsw)) {
                write(memsw, Long.toString(bytes)); // no swap: the limit is real memory
            }
            write(dirs.get("pids").resolve("pids.max"), Integer.toString(limits.maxProcesses() + TASK_ALLOWANCE));
        }

        @Override
        List<Path> procsFiles() {
            return dirs.values().stream().distinct().map(d -> d.resolve("cgroup.procs")).toList();
        }

        @Override
        long cpuNanos() {
            return readLong(dirs.get("cpuacct").resolve("cpuacct.usage"));
        }

        @Override
        long oomKills() {
            long kills = readKey(dirs.get("memory").resolve("memory.oom_control"), "oom_kill");
            if (kills >= 0) {
                return kills;
            }
            long failcnt = readLong(dirs.get("memory").resolve("memory.memsw.failcnt"));
            return Math.max(failcnt, 0);
        }

        @Override
        long pidsLimitHits() {
            return Math.max(readKey(dirs.get("pids").resolve("pids.events"), "max"), 0);
        }

        @Override
        long peakMemoryBytes() {
            return readLong(dirs.get("memory").resolve("memory.max_usage_in_bytes"));
        }

        @Override
        long peakTasks() {
            return readLong(dirs.get("pids").resolve("pids.peak"));
        }

        @Override
        String mode() {
            return CgroupHierarchy.V1;
        }

        @Override
        Map<String, Path> controls() {
            Path memory = dirs.get("memory");
            Path pids = dirs.get("pids");
            return linked(MEMORY_LIMIT, memory.resolve("memory.limit_in_bytes"), TASK_LIMIT, pids.resolve("pids.max"),
                    CPU_TIME, dirs.get("cpuacct").resolve("cpuacct.usage"),
                    MEMORY_PEAK, memory.resolve("memory.max_usage_in_bytes"), TASK_PEAK, pids.resolve("pids.peak"));
        }

        @Override
        Collection<Path> dirs() {
            return dirs.values().stream().distinct().toList();
        }

        @Override
        boolean killAll() {
            Path freezer = dirs.get("freezer");
            Path state = freezer.resolve("freezer.state");
            // Freeze first so nothing can fork while we kill, then kill every task, then thaw to let them die.
            try {
                write(state, "FROZEN");
                for (int i = 0; i < 100 && !Files.readString(state).trim().equals("FROZEN"); i++) {
                    sleep(5);
                }
            } catch (IOException e) {
                // killing without the freeze still works, just with retries
            }
            boolean empty = false;
            for (int attempt = 0; attempt < 100 && !empty; attempt++) {
                for (Path dir : dirs()) {
                    killPids(pids(dir.resolve("cgroup.procs")));
                }
                try {
                    write(state, "THAWED");
                } catch (IOException e) {
                    // gone already
                }
                empty = true;
                for (Path dir : dirs()) {
                    empty &= pids(dir.resolve("cgroup.procs")).isEmpty();
                }
                if (!empty) {
                    sleep(20);
                }
            }
            return empty;
        }
    }

    static final class V2 extends RunCgroup {
        private final Path dir;

        V2(Path dir, Limits limits) throws IOException {
            this.dir = dir;
            long bytes = limits.memoryMb() * (1L << 20) + MEMORY_ALLOWANCE;
            write(dir.resolve("memory.max"), Long.toString(bytes));
            if (Files.exists(dir.resolve("memory.swap.max"))) {
                write(dir.resolve("memory.swap.max"), "0");
            }
            write(dir.resolve("pids.max"), Integer.toString(limits.maxProcesses() + TASK_ALLOWANCE));
        }

        @Override
        List<Path> procsFiles() {
            return List.of(dir.resolve("cgroup.procs"));
        }

        @Override
        long cpuNanos() {
            long usec = readKey(dir.resolve("cpu.stat"), "usage_usec");
            return usec < 0 ? -1 : usec * 1000;
        }

        @Override
        long oomKills() {
            return Math.max(readKey(dir.resolve("memory.events"), "oom_kill"), 0);
        }

        @Override
        long pidsLimitHits() {
            return Math.max(readKey(dir.resolve("pids.events"), "max"), 0);
        }

        @Override
        long peakMemoryBytes() {
            return readLong(dir.resolve("memory.peak"));
        }

        @Override
        long peakTasks() {
            return readLong(dir.resolve("pids.peak"));
        }

        @Override
        String mode() {
            return CgroupHierarchy.V2;
        }

        @Override
        Map<String, Path> controls() {
            return linked(MEMORY_LIMIT, dir.resolve("memory.max"), TASK_LIMIT, dir.resolve("pids.max"),
                    CPU_TIME, dir.resolve("cpu.stat"), MEMORY_PEAK, dir.resolve("memory.peak"),
                    TASK_PEAK, dir.resolve("pids.peak"));
        }

        @Override
        Collection<Path> dirs() {
            return List.of(dir);
        }

        @Override
        boolean killAll() {
            Path procs = dir.resolve("cgroup.procs");
            boolean empty = false;
            for (int attempt = 0; attempt < 100 && !empty; attempt++) {
                try {
                    write(dir.resolve("cgroup.kill"), "1");
                } catch (IOException e) {
                    try {
                        write(dir.resolve("cgroup.freeze"), "1");
                    } catch (IOException ignored) {
                        // old kernel: plain kills below
                    }
                    killPids(pids(procs));
                    try {
                        write(dir.resolve("cgroup.freeze"), "0");
                    } catch (IOException ignored) {
                        // nothing to thaw
                    }
                }
                empty = pids(procs).isEmpty();
                if (!empty) {
                    sleep(20);
                }
            }
            return empty;
        }
    }
}
