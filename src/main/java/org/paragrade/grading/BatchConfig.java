package org.paragrade.grading;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many waiting solutions of one exercise version a worker benchmarks together. */
@ConfigMapping(prefix = "paragrade.batch")
public interface BatchConfig {

    /**
     * The most submissions claimed as one batch (1: every submission alone). A primes benchmark on 2 cores is
     * about 7 of 10 cells of references; a batch of 4 pays them once, so 4 gradings cost about what 2 did, while
     * the first of the 4 waits only for its mates' correctness runs (about 5 s each) and a benchmark 2× as long.
     */
    @WithDefault("4")
    int max();

    /**
     * Members of a batch whose correctness runs go on at once (1: one after another). Correctness is not
     * timed for a figure, and one member's short runs leave a core idle between them: 2 keeps both cores of a
     * 2-core machine busy through a batch's checks, about halving them. The benchmark session still has the
     * machine to itself.
     */
    @WithDefault("2")
    int checkers();
}
