/**
 * The grade: correctness, performance and behaviour points under an exercise's weights
 * ({@link org.paragrade.grading.score.Scorer}). Performance is scored from the credited speed-up's
 * interval against the fitting reference's, both measured in the same benchmark at the declared
 * scoring point: points at the estimates, a range from the intervals' ends, and the grade is decided
 * when that range is within ±2 points ({@link org.paragrade.grading.score.Scorer#stoppingRule} hands
 * that rule to the benchmark plan). On every exercise that teaches speed-up no speed-up earns no
 * points, whatever the reference did. Pure and deterministic, so a regrade of the same figures gives
 * the same score and a grader can recompute it from the stored figures.
 */
package org.paragrade.grading.score;
