package org.paragrade.measure;

import java.util.Locale;

/**
 * What else the machine did while a benchmark ran ({@code performance.contention}): the host's busy
 * CPU from {@code /proc/stat} minus the benchmark's own cgroup CPU time, and the time stolen by the
 * hypervisor. The engine reads the counters before and after; this record does the arithmetic and the
 * decision.
 *
 * <p>A neighbour keeping more than {@link #BUSY_NEIGHBOUR_CORES} of a core busy, or more than
 * {@link #BUSY_STEAL} of the time stolen, changes speed-ups by more than the noise the stopping rule
 * is built for (a neighbour burning one core of two takes a third of each process pool's CPU and turns
 * a 1.9× reference into ~1.3×). The engine then pauses and benchmarks again later, a bounded number
 * of times; a grade made when every retry was busy carries {@link FlagCode#NOISY_MACHINE}.
 *
 * @param wallMs          wall time between the two readings
 * @param hostBusyCores   cores the whole host kept busy on average
 * @param ownCores        cores the benchmark's own runs kept busy on average (their cgroups)
 * @param neighbourCores  the rest: what others took, on average
 * @param stealShare      share of all CPU time stolen by the hypervisor
 * @param cores           cores of the host
 */
public record Contention(double wallMs, double hostBusyCores, double ownCores, double neighbourCores,
                         double stealShare, int cores) {

    /** Half a core of someone else's work: the grader's own JVM and a quiet system stay well below. */
    public static final double BUSY_NEIGHBOUR_CORES = 0.5;
    /** 5% of the time stolen by the hypervisor. */
    public static final double BUSY_STEAL = 0.05;

    /** What the engine does about it, with the words a student sees while it happens. */
    public enum Decision {
        /** Quiet enough: grade. */
        GRADE("graded on a quiet machine"),
        /** Busy: pause and benchmark again later. */
        PAUSE_AND_RETRY("machine busy: waiting for a quiet machine"),
        /** Busy and no retry left: grade, saying so ({@link FlagCode#NOISY_MACHINE}). */
        GRADE_UNDER_CONTENTION("graded under contention");

        private final String words;

        Decision(String words) {
            this.words = words;
        }

        /** "machine busy: waiting for a quiet machine" (a progress phase). */
        public String words() {
            return words;
        }
    }

    /**
     * @param before        {@code /proc/stat} read before the benchmark
     * @param after         read after it
     * @param ownCpuMs      CPU time of the benchmark's runs (sum of their cgroups' {@code usage_usec})
     * @param cores         cores of the host
     */
    public static Contention between(CpuTimes before, CpuTimes after, double ownCpuMs, int cores) {
        if (cores < 1) throw new IllegalArgumentException("cores must be >= 1");
        double tickMs = 1000.0 / CpuTimes.TICKS_PER_SECOND;
        long total = after.total() - before.total();
        if (total <= 0) return new Contention(0, 0, 0, 0, 0, cores);
        double wallMs = total * tickMs / cores;
        double busyMs = (after.busy() - before.busy()) * tickMs;
        double stealShare = (after.steal() - before.steal()) / (double) total;
        double own = Math.min(ownCpuMs, busyMs);
        return new Contention(wallMs, busyMs / wallMs, ownCpuMs / wallMs, (busyMs - own) / wallMs, stealShare, cores);
    }

    /** A neighbour or the hypervisor took more than the thresholds allow. */
    public boolean busy() {
        return neighbourCores > BUSY_NEIGHBOUR_CORES || stealShare > BUSY_STEAL;
    }

    /**
     * @param retriesLeft how many more times the engine may pause and benchmark again
     */
    public Decision decide(int retriesLeft) {
        if (!busy()) return Decision.GRADE;
        return retriesLeft > 0 ? Decision.PAUSE_AND_RETRY : Decision.GRADE_UNDER_CONTENTION;
    }

    /** "Others kept 0.9 of 2 cores busy during the benchmark (2% stolen)." */
    public String describe() {
        return String.format(Locale.ROOT, "Others kept %.1f of %d cores busy during the benchmark%s.", neighbourCores,
                cores, stealShare > 0.005 ? String.format(Locale.ROOT, " (%.0f%% of the time stolen by the hypervisor)",
                        stealShare * 100) : "");
    }

    /** The flag a grade made under this contention carries, when it was busy. */
    public java.util.Optional<Flag> flag() {
        if (!busy()) return java.util.Optional.empty();
        return java.util.Optional.of(new Flag(FlagCode.NOISY_MACHINE, describe()
                + " This grade was made on a busy machine after waiting for a quiet one; its timings may be off,"
                + " and you may ask for a regrade."));
    }
}
