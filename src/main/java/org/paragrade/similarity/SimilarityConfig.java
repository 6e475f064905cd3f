package org.paragrade.similarity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How much similarity work one run may do, and how long a page waits for it. */
@ConfigMapping(prefix = "paragrade.similarity")
public interface SimilarityConfig {
    /**
     * Kept submissions compared in one run, the newest first (JPlag compares every pair: 200 make 19,900
     * pairs; small solutions of a few hundred tokens compare in well under a millisecond each, so this is
     * seconds on two cores). A bigger course is narrowed by naming it, or by raising this.
     */
    @WithDefault("200")
    int maxSubmissions();

    /** Pairs kept per run, the most similar first: the rest are counted, not stored. */
    @WithDefault("500")
    int maxPairs();

    /** How long the first page load waits for a run it started before it answers "running". */
    @WithDefault("15s")
    Duration pageWait();

    /** A run still RUNNING after this long died with its instance, and may be started again. */
    @WithDefault("30m")
    Duration abandonedAfter();
}
