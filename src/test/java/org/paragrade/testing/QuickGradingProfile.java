package org.paragrade.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * A grading server that measures each cell in the exercise's rounds only, without the extra rounds
 * that settle a noisy measurement: for tests that grade many submissions and check verdicts and
 * scores, not the stability of a measurement.
 */
public class QuickGradingProfile extends GradingProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("paragrade.grading.extra-rounds", "0");
        overrides.put("paragrade.data-dir", "target/test-data-quick-grading");
        return overrides;
    }
}
