package org.paragrade.grading.report;

import java.util.List;

/**
 * The correctness stage's result: {@code passed} of {@code total} cases (a case passes when its plain
 * run and every stress repeat of it pass), and every run made, stress repeats included.
 */
public record CorrectnessReport(int passed, int total, int runs, int runsPassed, List<CaseResult> cases) {
    public CorrectnessReport {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    public boolean allPassed() {
        return passed == total;
    }
}
