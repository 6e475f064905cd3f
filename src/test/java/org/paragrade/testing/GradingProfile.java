package org.paragrade.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A server that grades: one worker, short leases so rescue tests stay quick. A busy machine is said
 * (NOISY_MACHINE) but not waited for: the suite's own JVM and database are the neighbour here.
 */
public class GradingProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("paragrade.workers", "1",
                "paragrade.grading.lease", "20s",
                "paragrade.grading.heartbeat", "3s",
                "paragrade.grading.contention-retries", "0",
                "paragrade.data-dir", "target/test-data-grading");
    }
}
