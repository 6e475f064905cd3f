package org.paragrade.grading.report;

import org.paragrade.submission.Verdict;

/**
 * One correctness run as the report shows it.
 *
 * @param name    the case's name, with " (stress N)" for the N-th stress repeat
 * @param timeMs  wall time of the run, to 0.1 ms
 * @param message what went wrong, or "Correct."
 * @param stress  a repeat under stress (many switches), not the plain run
 */
public record CaseResult(String name, Verdict verdict, double timeMs, String message, boolean stress) {
}
