package org.paragrade.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * What validating a bundle found: every problem in words an instructor can act on, and per
 * reference how it did on the cases and its speed-up at each benchmarked worker count.
 */
public record ValidationReport(boolean valid, List<String> problems, List<ReferenceCheck> references,
                               String accounting, String checkedAt) {

    public record ReferenceCheck(String reference, int passed, int total, Map<Integer, Double> speedups,
                                 Map<Integer, Double> medianWallMs, List<String> problems) {
    }

    public String toJson() {
        try {
            return new ObjectMapper().writeValueAsString(this);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
