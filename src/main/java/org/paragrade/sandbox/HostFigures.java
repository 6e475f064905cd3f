package org.paragrade.sandbox;

/**
 * What the server measured of a run itself, outside the sandbox: its wall time from launch to exit, and the run
 * cgroup's CPU time and peaks (-1 each without a cgroup, or where the kernel has no such counter).
 */
record HostFigures(double hostWallMs, double cgroupCpuMs, double cgroupPeakMemoryMb, int cgroupPeakTasks) {

    /** Read after the sandbox ended (its pid namespace is gone), before the cgroup is destroyed. */
    static HostFigures of(long started, RunCgroup cgroup) {
        double wall = (System.nanoTime() - started) / 1e6;
        if (cgroup == null) {
            return new HostFigures(wall, -1, -1, -1);
        }
        long memory = cgroup.peakMemoryBytes();
        return new HostFigures(wall, cgroup.cpuNanos() / 1e6, memory < 0 ? -1 : memory / 1048576.0,
                (int) Math.min(Integer.MAX_VALUE, cgroup.peakTasks()));
    }

    static HostFigures wallOnly(double hostWallMs) {
        return new HostFigures(hostWallMs, -1, -1, -1);
    }
}
