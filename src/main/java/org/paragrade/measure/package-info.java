/**
 * Measuring how a solution runs: pure Java, no I/O.
 *
 * <p>The engine runs a {@link org.paragrade.measure.BenchmarkPlan} round by round (each run a fresh
 * sandboxed process, recorded as a {@link org.paragrade.measure.Sample}) until it needs no more
 * rounds, summarises the samples as a {@link org.paragrade.measure.SpeedupCurve} (the report's
 * {@code performance.runs}, {@code studentSpeedup}, {@code referenceSpeedup}, {@code stable},
 * {@code cores}), and asks {@link org.paragrade.measure.BehaviourClassifier} what the student's
 * solution actually did ({@code behaviour}, {@code explanation}). Medians everywhere: a run
 * disturbed by the machine moves a median far less than a mean.
 */
package org.paragrade.measure;
