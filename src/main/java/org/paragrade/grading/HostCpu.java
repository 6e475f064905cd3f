package org.paragrade.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.paragrade.measure.Contention;
import org.paragrade.measure.CpuTimes;

/**
 * The host's CPU counters ({@code /proc/stat}), read around a benchmark so that what else the machine
 * did meanwhile (a neighbour, the hypervisor's steal) is known and reported ({@link Contention}).
 */
final class HostCpu {
    private HostCpu() {
    }

    /** The counters now; null where there is no {@code /proc/stat} (then contention is not judged). */
    static CpuTimes read() {
        try {
            return CpuTimes.parse(Files.readString(Path.of("/proc/stat")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The host's CPUs as {@code /proc/stat} counts them (its {@code cpuN} lines): the aggregate line sums
     * those, which in a CPU-limited container are more than the JVM's {@code availableProcessors()}.
     */
    static int cpus() {
        try {
            return (int) Math.max(1, Files.readAllLines(Path.of("/proc/stat")).stream()
                    .filter(l -> l.matches("cpu\\d+ .*")).count());
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** What others did since {@code before}, given the runs' own CPU time (their cgroups'); null when unknown. */
    static Contention contention(CpuTimes before, double ownCpuMs) {
        CpuTimes after = read();
        if (before == null || after == null || ownCpuMs <= 0) {
            return null;
        }
        return Contention.between(before, after, ownCpuMs, cpus());
    }
}
