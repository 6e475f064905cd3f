package org.paragrade.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything one run produced. {@code wallMs}, {@code cpuMs}, {@code maxThreads}, {@code maxProcesses} and
 * {@code peakMemoryMb} come from the trusted supervisor (wall: child spawned to value received; CPU: user+sys
 * of every reaped descendant); {@code hostWallMs} and {@code cgroupCpuMs} are the server's own view of the
 * whole sandbox (launch, supervisor and student together; cgroupCpuMs is -1 without a cgroup).
 * {@code accounting} names the mechanism ("cgroup v1", "cgroup v2", "rusage only", "UNSAFE (no sandbox)").
 *
 * <p>{@code cgroupPeakMemoryMb} and {@code cgroupPeakTasks} are the kernel's high-water marks for the run's own
 * cgroup (v1 {@code memory.max_usage_in_bytes} and {@code pids.peak}; v2 {@code memory.peak} and
 * {@code pids.peak}), -1 where the kernel or the accounting mode has none. They cover the whole sandbox: the
 * student's tree plus the harness (the outer bwrap and the supervisor are 2 tasks, plus one thread per checker
 * service; about 10–15 MB), and memory counts the tmpfs files written in /tmp and /dev/shm and the page cache.
 * Unlike the supervisor's sampled peaks they miss nothing between two samples, so the engine can check the
 * supervisor's {@code maxThreads}/{@code peakMemoryMb} against them (a sampled peak far below them means the
 * sampler was blinded).
 *
 * <p>{@code service} is what the checker's services counted, in the supervisor (outside the student's process):
 * the requests they answered and the most in flight at once; null when the checker started none.
 */
public record RunResult(Outcome outcome, String message, JsonNode value, double wallMs, double cpuMs,
                        int maxThreads, int maxProcesses, double peakMemoryMb, String stdout, String stderr,
                        boolean outputTruncated, String traceback, String stacks, String accounting,
                        double hostWallMs, double cgroupCpuMs, double cgroupPeakMemoryMb, int cgroupPeakTasks,
                        ServiceCounts service) {

    /** What a checker's services saw during the run: requests answered, and the most in flight at once. */
    public record ServiceCounts(int requests, int maxConcurrent) {
    }

    /** Without a checker's service counts. */
    public RunResult(Outcome outcome, String message, JsonNode value, double wallMs, double cpuMs,
                     int maxThreads, int maxProcesses, double peakMemoryMb, String stdout, String stderr,
                     boolean outputTruncated, String traceback, String stacks, String accounting,
                     double hostWallMs, double cgroupCpuMs, double cgroupPeakMemoryMb, int cgroupPeakTasks) {
        this(outcome, message, value, wallMs, cpuMs, maxThreads, maxProcesses, peakMemoryMb, stdout, stderr,
                outputTruncated, traceback, stacks, accounting, hostWallMs, cgroupCpuMs, cgroupPeakMemoryMb,
                cgroupPeakTasks, null);
    }

    /** Without the cgroup's peaks (unknown: -1). */
    public RunResult(Outcome outcome, String message, JsonNode value, double wallMs, double cpuMs,
                     int maxThreads, int maxProcesses, double peakMemoryMb, String stdout, String stderr,
                     boolean outputTruncated, String traceback, String stacks, String accounting,
                     double hostWallMs, double cgroupCpuMs) {
        this(outcome, message, value, wallMs, cpuMs, maxThreads, maxProcesses, peakMemoryMb, stdout, stderr,
                outputTruncated, traceback, stacks, accounting, hostWallMs, cgroupCpuMs, -1, -1);
    }

    public boolean completed() {
        return outcome == Outcome.COMPLETED;
    }
}
