package org.paragrade.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything one run produced. {@code wallMs}, {@code cpuMs}, {@code maxThreads}, {@code maxProcesses} and
 * {@code peakMemoryMb} come from the trusted supervisor (wall: child spawned to value received; CPU: user+sys
 * of every reaped descendant); {@code hostWallMs} and {@code cgroupCpuMs} are the server's own view of the
 * whole sandbox (launch, supervisor and student together; cgroupCpuMs is -1 without a cgroup).
 * {@code accounting} names the mechanism ("cgroup v1", "cgroup v2", "rusage only", "UNSAFE (no sandbox)").
 */
public record RunResult(Outcome outcome, String message, JsonNode value, double wallMs, double cpuMs,
                        int maxThreads, int maxProcesses, double peakMemoryMb, String stdout, String stderr,
                        boolean outputTruncated, String traceback, String stacks, String accounting,
                        double hostWallMs, double cgroupCpuMs) {

    public boolean completed() {
        return outcome == Outcome.COMPLETED;
    }
}
