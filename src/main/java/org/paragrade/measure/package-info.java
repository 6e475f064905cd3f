/**
 * Measuring how a solution runs, and what the measurement is worth: pure Java, no I/O.
 *
 * <p><b>The protocol.</b> The grade is made at one declared worker count, the scoring point
 * ({@link org.paragrade.measure.ScoringPoint}: the exercise's {@code scoreAt}, else the largest count
 * not above the cores, on I/O the largest count). A {@link org.paragrade.measure.BenchmarkPlan} first
 * runs only the cells the grade needs — the student and the references fitting the expected model at
 * the scoring point, and the sequential baseline — interleaved in rounds, each run a fresh sandboxed
 * process recorded as a {@link org.paragrade.measure.Sample}. Every speed-up is the median of paired
 * per-round ratios (the baseline's wall over the cell's wall in the same round, so drift of the machine
 * divides out) with a distribution-free 95% interval from order statistics
 * ({@link org.paragrade.measure.Statistics#medianInterval}, {@link org.paragrade.measure.Interval}):
 * no normality is assumed of run times, whose noise is one-sided and heavy-tailed (Kalibera &amp; Jones
 * 2013; Chen &amp; Revels 2016). After at least six rounds (the fewest that give 95%) the plan stops as
 * soon as its {@link org.paragrade.measure.StoppingRule} — the scorer's: the intervals map to a
 * performance range within ±2 points — holds, or at the cap, where the grade is unstable; the rest of
 * the curve follows as the time budget allows. {@link org.paragrade.measure.Physics} then credits only
 * the speed-up the machine's physics supports: wall speed-up = work × parallelism, and performance
 * points are for the parallelism (cores kept busy on CPU work, overlapped waits on I/O), so a run that
 * kept one core busy is credited 1× whatever the clock said, and a faster algorithm is named as less
 * work; results the physics rules out carry a {@link org.paragrade.measure.Flag}.
 * {@link org.paragrade.measure.BehaviourClassifier} says in words what the solution did, and
 * {@link org.paragrade.measure.Contention} what else the machine did meanwhile.
 *
 * <p><b>The engine's calls</b>, per grading:
 * <ol>
 *   <li>{@code scoredAt = ScoringPoint.of(scoreAt, kind, workers, cores)};
 *       {@code plan = BenchmarkPlan.of(variants, workers, scoredAt, model, cores, seed,
 *       Scorer.stoppingRule(weights, kind, model, scoredAt))}.</li>
 *   <li>Read {@code /proc/stat} ({@link org.paragrade.measure.CpuTimes#parse}); then
 *       {@code for (r = 0; plan.needsMoreRounds(samples, timeLeft); r++)} run each trial of
 *       {@code plan.round(r, samples, timeLeft)} and add its {@code Sample} (with the checker's
 *       concurrent-request count when it has one); sum the runs' cgroup CPU
 *       ({@link org.paragrade.measure.CpuTimes#cgroupUsageMs}).</li>
 *   <li>Read {@code /proc/stat} again: {@code Contention.between(before, after, ownCpuMs, cores)
 *       .decide(retriesLeft)}: grade, pause and benchmark again later, or grade with its
 *       {@code NOISY_MACHINE} flag.</li>
 *   <li>{@code curve = plan.curve(samples)}; {@code judgement = Judgement.of(kind, model, curve, scoredAt)
 *       .withFlags(contention and source-scan flags)}; {@code Scorer.score(weights, passed, total,
 *       judgement, plan.stable(samples))}.</li>
 * </ol>
 */
package org.paragrade.measure;
