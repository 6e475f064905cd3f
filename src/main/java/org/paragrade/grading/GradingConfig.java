package org.paragrade.grading;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** How this instance grades: leases, polling, retries, and the protection of measurements. */
@ConfigMapping(prefix = "paragrade.grading")
public interface GradingConfig {

    /** A claimed job is ours for this long unless renewed by heartbeat. */
    @WithDefault("60s")
    Duration lease();

    @WithDefault("10s")
    Duration heartbeat();

    /** Pause between empty polls of the queue. */
    @WithDefault("500ms")
    Duration poll();

    /** Backoff before our own failure (INTERNAL_ERROR) is retried. */
    @WithDefault("5s")
    Duration retryBackoff();

    /** How long a shutting-down instance lets a running grading finish before giving its lease back. */
    @WithName("shutdown-grace")
    @WithDefault("20s")
    Duration shutdownGrace();

    /**
     * A file every instance on this machine locks: benchmarks exclusively, correctness runs shared,
     * so at most one benchmark runs per machine and nothing CPU-heavy beside it.
     */
    @WithName("machine-lock")
    Optional<String> machineLock();

    /** Benchmarks allowed at once on this machine (bigger hosts may give each its own cores). */
    @WithName("benchmark-slots")
    @WithDefault("1")
    int benchmarkSlots();

    /**
     * Benchmark time after which the rest of the speed-up curve (the cells the grade does not need) is
     * no longer measured. The grade's own cells always run until the score is decided or the round cap;
     * 14 s lets a primes grading (about 12 s of grade rounds on 2 cores) add one round of the curve.
     */
    @WithName("curve-budget")
    @WithDefault("14s")
    Duration curveBudget();

    /**
     * Times a benchmark made while a neighbour kept the machine busy is paused and made again before the
     * grade is made anyway (and says so: NOISY_MACHINE).
     */
    @WithName("contention-retries")
    @WithDefault("1")
    int contentionRetries();

    /** The pause before a benchmark is made again on a busy machine. */
    @WithName("contention-pause")
    @WithDefault("15s")
    Duration contentionPause();

    @WithName("sandbox")
    SandboxOptions sandbox();

    interface SandboxOptions {
        @WithDefault("/usr/bin/bwrap")
        String bwrap();

        /** Development only: run without bubblewrap (never on a server that grades real students). */
        @WithName("allow-unsafe")
        @WithDefault("false")
        boolean allowUnsafe();

        /**
         * As root, set the host's cgroup2 mount option favordynmods at start: moving each run into its
         * cgroups then costs ~1 ms instead of ~20 (a host-wide trade-off, right for a grading machine).
         */
        @WithName("tune-host")
        @WithDefault("true")
        boolean tuneHost();

        /**
         * Grade even where no cgroup can enforce the memory, task and CPU limits (the sandbox then says
         * "rusage only": the supervisor samples memory and tasks, rlimits stop CPU). Off: such a server
         * does not grade, its readiness check is down and says why, and the jobs wait in the queue.
         */
        @WithName("allow-weak")
        @WithDefault("false")
        boolean allowWeak();

        /** Where the cgroup file system is mounted (a hybrid host's v2 hierarchy alone: /sys/fs/cgroup/unified). */
        @WithName("cgroup-root")
        @WithDefault("/sys/fs/cgroup")
        String cgroupRoot();

        /** Name of the per-run cgroups' parent. */
        @WithName("cgroup-parent")
        @WithDefault("paragrade")
        String cgroupParent();
    }
}
