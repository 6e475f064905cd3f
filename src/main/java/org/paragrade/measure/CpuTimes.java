package org.paragrade.measure;

import java.util.Arrays;
import java.util.Optional;

/**
 * The host's aggregate CPU counters from the first line of {@code /proc/stat}
 * ({@code cpu user nice system idle iowait irq softirq steal guest guest_nice}), in clock ticks
 * (USER_HZ, 100 a second on every Linux this runs on). Guest time is already counted in user time,
 * so it is not added again.
 */
public record CpuTimes(long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {

    public static final int TICKS_PER_SECOND = 100;

    /** Parses {@code /proc/stat}'s content (only its {@code cpu } line is read). */
    public static CpuTimes parse(String procStat) {
        String line = procStat.lines().filter(l -> l.startsWith("cpu ")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no aggregate 'cpu' line in /proc/stat"));
        long[] v = Arrays.stream(line.substring(4).trim().split("\\s+")).mapToLong(Long::parseLong).toArray();
        if (v.length < 4) throw new IllegalArgumentException("too few fields on the cpu line: " + line);
        return new CpuTimes(v[0], v[1], v[2], v[3], at(v, 4), at(v, 5), at(v, 6), at(v, 7));
    }

    /** {@code usage_usec} of a cgroup v2 {@code cpu.stat}, in milliseconds; empty when absent. */
    public static Optional<Double> cgroupUsageMs(String cpuStat) {
        return cpuStat.lines().map(String::trim).filter(l -> l.startsWith("usage_usec "))
                .map(l -> Long.parseLong(l.substring("usage_usec ".length()).trim()) / 1000.0).findFirst();
    }

    /** Ticks some CPU spent running anything (including the kernel on its behalf). */
    public long busy() {
        return user + nice + system + irq + softirq;
    }

    /** Every tick of every CPU: busy, idle, waiting on I/O and stolen by the hypervisor. */
    public long total() {
        return busy() + idle + iowait + steal;
    }

    private static long at(long[] v, int i) {
        return i < v.length ? v[i] : 0;
    }
}
