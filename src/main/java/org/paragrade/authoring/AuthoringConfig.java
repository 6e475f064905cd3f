package org.paragrade.authoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** How an upload waits for its validation on a worker. */
@ConfigMapping(prefix = "paragrade.validation")
public interface AuthoringConfig {
    /**
     * How long an API upload without {@code Prefer: respond-async} waits for its validation before it answers
     * 202 instead of 201/200/400. The largest shipped bundle validates in about a minute on 2 cores (many-waits
     * in 45 s on a quiet machine), and a client's usual read timeout is a few minutes: 150 s fits both, with room
     * for a grading ahead of it in the queue.
     */
    @WithName("wait")
    @WithDefault("150s")
    Duration answerWithin();
}
