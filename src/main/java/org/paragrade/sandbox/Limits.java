package org.paragrade.sandbox;

/**
 * Resource limits of one run, for the whole process tree of the student's code.
 * {@code maxProcesses} counts processes and threads together (the pids cgroup counts tasks).
 */
public record Limits(double cpuSeconds, double wallSeconds, int memoryMb, int maxProcesses, int outputKb) {
    public Limits {
        if (!(cpuSeconds > 0) || !(wallSeconds > 0) || memoryMb <= 0 || maxProcesses <= 0 || outputKb <= 0) {
            throw new IllegalArgumentException("every limit must be positive: " + cpuSeconds + ", " + wallSeconds
                    + ", " + memoryMb + ", " + maxProcesses + ", " + outputKb);
        }
    }
}
