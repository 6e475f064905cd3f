/**
 * The grade: correctness, performance and behaviour points under an exercise's weights
 * ({@link org.paragrade.grading.score.Scorer}). Pure and deterministic, so a regrade of the same
 * figures gives the same score and a grader can recompute it from the stored figures.
 */
package org.paragrade.grading.score;
