package org.paragrade.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.grading.report.GradingReport;
import org.paragrade.grading.report.PerformanceReport;
import org.paragrade.grading.report.RunReport;
import org.paragrade.grading.score.ScoreBreakdown;
import org.paragrade.grading.score.Scorer;
import org.paragrade.grading.score.ScoringWeights;
import java.util.Map;
import org.paragrade.measure.BenchmarkPlan;
import org.paragrade.measure.Contention;
import org.paragrade.measure.Flag;
import org.paragrade.measure.FlagCode;
import org.paragrade.measure.InterpreterComparison;
import org.paragrade.measure.RunFigures;
import org.paragrade.measure.RunVariant;
import org.paragrade.measure.SpeedupCurve;
import org.paragrade.sandbox.Interpreter;
import org.paragrade.submission.Verdict;

/**
 * Stage 4 of the pipeline: from what correctness and the benchmark found, the behaviour (what the runs
 * show), the score, and the report the student and the graders read. It runs nothing.
 */
final class JudgeStage {
    private final ExerciseManifest manifest;
    private final int cores;
    /** What the sandbox found of each interpreter (labels, versions, GIL state). */
    private final List<Interpreter> interpreters;
    /** The id of the interpreter the score is taken on. */
    private final String scoredOn;

    JudgeStage(ExerciseManifest manifest, int cores) {
        this(manifest, cores, List.of(), null);
    }

    JudgeStage(ExerciseManifest manifest, int cores, List<Interpreter> interpreters, String scoredOn) {
        this.manifest = manifest;
        this.cores = cores;
        this.interpreters = List.copyOf(interpreters);
        this.scoredOn = scoredOn;
    }

    /** What the judge decided: the verdict, the grade and the report. */
    record Judgement(Verdict verdict, ScoreBreakdown score, GradingReport report) {
    }

    /**
     * @param benchmark null when the benchmark did not run (a case failed)
     * @param plan      the plan the benchmark followed
     */
    Judgement judge(CorrectnessStage.Result correctness, BenchmarkStage.Result benchmark, BenchmarkPlan plan,
                    Map<String, Object> workload, List<Flag> scanned) {
        return judge(correctness, benchmark, plan, workload, scanned, 1);
    }

    /** @param batchSize solutions benchmarked in the same session against the same reference runs (1: alone) */
    Judgement judge(CorrectnessStage.Result correctness, BenchmarkStage.Result benchmark, BenchmarkPlan plan,
                    Map<String, Object> workload, List<Flag> scanned, int batchSize) {
        return judge(correctness, benchmark, Map.of(), plan, workload, scanned, batchSize);
    }

    /**
     * @param evidence the benchmarks on the exercise's other interpreters, by id, each on the same plan: a run failing
     *                 there fails the solution as on the scored one; their figures are shown beside the scored ones
     */
    Judgement judge(CorrectnessStage.Result correctness, BenchmarkStage.Result benchmark,
                    Map<String, BenchmarkStage.Result> evidence, BenchmarkPlan plan,
                    Map<String, Object> workload, List<Flag> scanned, int batchSize) {
        List<String> feedback = new ArrayList<>();
        Verdict verdict = correctness.verdict();
        var failure = correctness.firstFailure();
        failure.ifPresent(f -> feedback.add("Case '" + f.name() + "': " + f.message()));
        String traceback = failure.map(CorrectnessStage.CaseRun::traceback).filter(t -> !t.isBlank()).orElse(null);
        String stacks = failure.map(CorrectnessStage.CaseRun::stacks).filter(t -> !t.isBlank()).orElse(null);
        if (benchmark == null) {
            feedback.add("The benchmark runs only once every case passes: fix correctness first.");
        } else if (benchmark.failure() != null) {
            verdict = benchmark.failure().verdict();
            feedback.add(benchmark.failure().message());
            traceback = blankToNull(benchmark.failure().traceback(), traceback);
            stacks = blankToNull(benchmark.failure().stacks(), stacks);
        } else if (benchmark.wrongAnswer() != null) {
            verdict = Verdict.WRONG_ANSWER;
            feedback.add(benchmark.wrongAnswer());
        }
        for (var e : evidence.entrySet()) {
            BenchmarkStage.Result other = e.getValue();
            if (verdict != Verdict.ACCEPTED || other == null) {
                break;
            }
            if (other.failure() != null) {
                verdict = other.failure().verdict();
                feedback.add("On " + e.getKey() + ": " + other.failure().message());
                traceback = blankToNull(other.failure().traceback(), traceback);
                stacks = blankToNull(other.failure().stacks(), stacks);
            } else if (other.wrongAnswer() != null) {
                verdict = Verdict.WRONG_ANSWER;
                feedback.add("On " + e.getKey() + ": " + other.wrongAnswer());
            }
        }
        Performance perf = verdict == Verdict.ACCEPTED && benchmark != null && benchmark.measured()
                ? performance(benchmark, evidence, plan, workload, scanned, batchSize) : null;
        ScoreBreakdown score = reviewed(Scorer.score(weights(manifest), correctness.passed(), correctness.total(),
                perf == null ? null : perf.judgement(), perf == null || perf.stable()), scanned);
        score = reviewed(score, score.flags().stream().filter(f -> f.code() == FlagCode.LESS_WORK_THAN_REFERENCE).toList());
        List<Flag> flags = score.flags();
        if (perf != null) {
            feedback.add(perf.judgement().behaviour().explanation());
            if (perf.comparison() != null) {
                feedback.add(perf.comparison());
            }
            if (batchSize > 1) {
                feedback.add(batchSentence(batchSize));
            }
        }
        feedback.addAll(score.notes());
        flags.forEach(f -> feedback.add(f.message()));
        GradingReport report = new GradingReport(summary(verdict, correctness, perf), correctness.report(),
                perf == null ? null : perf.report(score), score, feedback.stream().distinct().toList(), flags,
                output(correctness), traceback, stacks, null);
        return new Judgement(verdict, score, report);
    }

    static ScoringWeights weights(ExerciseManifest manifest) {
        var s = manifest.scoring();
        return new ScoringWeights(s.correctness(), s.performance(), s.behaviour(), s.performanceTarget());
    }

    /** The benchmark's figures and what the physics and the behaviour made of them. */
    private record Performance(SpeedupCurve curve, org.paragrade.measure.Judgement judgement, boolean stable, String accounting,
                               Contention contention, Map<String, Object> workload, int rounds, int batchSize,
                               String interpreter, List<RunReport> evidenceRuns,
                               List<PerformanceReport.InterpreterFigures> interpreters, String comparison) {
        PerformanceReport report(ScoreBreakdown score) {
            var b = judgement.behaviour();
            List<RunReport> runs = new ArrayList<>(curve.runs().stream().map(f -> RunReport.of(f, interpreter)).toList());
            runs.addAll(evidenceRuns);
            return new PerformanceReport(curve.cores(), stable, rounds, RunReport.r2(curve.studentSpeedup()),
                    RunReport.r2(curve.referenceSpeedup()), curve.largestWorkers(), judgement.scoredAtWorkers(),
                    curve.expectedModel(), b.behaviour(), b.behaviour().label(), b.matchesExpected(), b.explanation(),
                    accounting, runs,
                    interval(judgement.studentSpeedup()), interval(judgement.referenceSpeedup()),
                    contention == null ? null : new PerformanceReport.Contention(contention.neighbourCores(),
                            contention.stealShare(), contention.busy(), contention.describe()),
                    judgement.student().decidedBy(), workload, batchSize, interpreter, interpreters, comparison);
        }
    }

    private Performance performance(BenchmarkStage.Result benchmark, Map<String, BenchmarkStage.Result> evidence,
                                    BenchmarkPlan plan, Map<String, Object> workload, List<Flag> scanned, int batchSize) {
        SpeedupCurve curve = plan.curve(benchmark.samples());
        List<Flag> more = new ArrayList<>(scanned);
        more.addAll(benchmark.flags());
        if (benchmark.contention() != null) {
            benchmark.contention().flag().ifPresent(more::add);
        }
        var scored = org.paragrade.measure.Judgement.of(manifest.kind(), manifest.expectedModel(), curve, plan.scoredAt(),
                gilEnabled(scoredOn));
        List<RunReport> evidenceRuns = new ArrayList<>();
        List<PerformanceReport.InterpreterFigures> figures = new ArrayList<>();
        List<InterpreterComparison.Side> sides = new ArrayList<>();
        String comparison = null;
        if (!evidence.isEmpty()) {
            side(scoredOn, curve, plan.scoredAt(), scored.behaviour(), true, figures, sides);
            for (var e : evidence.entrySet()) {
                if (e.getValue() == null || !e.getValue().measured()) {
                    continue;
                }
                SpeedupCurve other = plan.curve(e.getValue().samples());
                other.runs().forEach(f -> evidenceRuns.add(RunReport.of(f, e.getKey())));
                var judged = org.paragrade.measure.Judgement.of(manifest.kind(), manifest.expectedModel(), other,
                        plan.scoredAt(), gilEnabled(e.getKey()));
                // the physics hold on every interpreter: a result ruled out on one puts the grade in doubt
                judged.flags().forEach(f -> more.add(new Flag(f.code(), "On " + e.getKey() + ": " + f.message())));
                e.getValue().flags().forEach(f -> more.add(new Flag(f.code(), "On " + e.getKey() + ": " + f.message())));
                side(e.getKey(), other, plan.scoredAt(), judged.behaviour(), false, figures, sides);
            }
            for (InterpreterComparison.Side side : sides) {
                InterpreterComparison.gilContradiction(manifest.kind(), side).ifPresent(why -> {
                    throw new InfrastructureFailure(why);
                });
            }
            comparison = InterpreterComparison.explain(sides, plan.scoredAt());
        }
        var judgement = scored.withFlags(more);
        return new Performance(curve, judgement, plan.stable(benchmark.samples()), benchmark.accounting(),
                benchmark.contention(), workload, plan.gradeRounds(benchmark.samples()), batchSize, scoredOn,
                evidenceRuns, figures, comparison);
    }

    /** Whether the interpreter of this id has the GIL on (an unknown one, or none named: yes, as every default build). */
    private boolean gilEnabled(String id) {
        return interpreters.stream().filter(i -> i.id().equals(id)).findFirst().map(Interpreter::gilEnabled).orElse(true);
    }

        /** One interpreter's figures at the scoring point, for the report and for the words that compare them. */
    private void side(String id, SpeedupCurve curve, int workers, org.paragrade.measure.BehaviourVerdict behaviour,
                      boolean scored, List<PerformanceReport.InterpreterFigures> figures,
                      List<InterpreterComparison.Side> sides) {
        Interpreter facts = interpreters.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
        boolean gil = facts == null || facts.gilEnabled();
        boolean freeThreaded = facts != null && facts.freeThreaded();
        var student = curve.run(RunVariant.STUDENT, workers);
        var threads = curve.run(RunVariant.THREADS, workers);
        int baseProcesses = curve.run(RunVariant.SEQUENTIAL, 1).map(RunFigures::maxProcesses).orElse(1);
        boolean processes = student.map(r -> r.maxProcesses() > Math.max(1, baseProcesses)).orElse(false);
        sides.add(new InterpreterComparison.Side(id, gil, freeThreaded, student, threads, processes));
        figures.add(new PerformanceReport.InterpreterFigures(id, facts == null ? id : facts.label(),
                facts == null ? null : facts.version(), freeThreaded, gil, scored,
                student.map(RunFigures::speedup).map(RunReport::r2).orElse(null),
                student.map(r -> RunReport.r2(r.cpuUtilisation())).orElse(null),
                threads.map(RunFigures::speedup).map(RunReport::r2).orElse(null),
                threads.map(r -> RunReport.r2(r.cpuUtilisation())).orElse(null),
                behaviour.behaviour(), behaviour.explanation()));
    }

    private static PerformanceReport.Interval interval(org.paragrade.measure.Interval i) {
        return i == null ? null : new PerformanceReport.Interval(RunReport.r2(i.low()), RunReport.r2(i.high()));
    }

    /** A grade flagged for a look (the source scan, clearly less work) keeps its points and goes to a grader. */
    private static ScoreBreakdown reviewed(ScoreBreakdown s, List<Flag> scanned) {
        if (scanned.isEmpty()) {
            return s;
        }
        List<String> notes = new ArrayList<>(s.notes());
        notes.add("Flagged for a grader (" + scanned.stream().map(f -> f.code().name()).distinct()
                .collect(java.util.stream.Collectors.joining(", ")) + "); the grade stands until they look.");
        List<Flag> flags = new ArrayList<>(s.flags());
        scanned.stream().filter(f -> !flags.contains(f)).forEach(flags::add);
        return new ScoreBreakdown(s.correctness(), s.performance(), s.behaviour(), s.total(), s.max(),
                s.performanceLow(), s.performanceHigh(), s.decided(), notes, flags, true);
    }

    /** The first failing case's output (or the first case's, when all passed). */
    private static GradingReport.Output output(CorrectnessStage.Result correctness) {
        var shown = correctness.firstFailure().or(() -> correctness.runs().stream().findFirst()).orElse(null);
        if (shown == null) {
            return null;
        }
        return new GradingReport.Output(shown.name(), shown.stdout() == null ? "" : shown.stdout(),
                shown.stderr() == null ? "" : shown.stderr(), shown.outputTruncated());
    }

    private static String summary(Verdict verdict, CorrectnessStage.Result c, Performance perf) {
        if (verdict != Verdict.ACCEPTED) {
            return verdict.words() + ": " + c.passed() + " of " + c.total() + " cases passed.";
        }
        if (perf == null || perf.curve().studentSpeedup() == null) {
            return "All " + c.total() + " cases passed.";
        }
        SpeedupCurve curve = perf.curve();
        // Said at the worker count the score is made at (on 2 cores: 2), not the largest benchmarked, so the
        // sentence and the points agree.
        int at = perf.judgement().scoredAtWorkers();
        Double student = curve.studentSpeedupAt(at);
        if (student == null) {
            return "All " + c.total() + " cases passed.";
        }
        double reference = curve.referenceRunAt(at).map(RunFigures::speedup).orElse(0.0);
        return String.format(Locale.ROOT, "All %d cases passed; %.2f× faster than the sequential reference"
                + " with %d workers, where the score is made (the best reference: %.2f×).", c.total(), student, at,
                reference);
    }

    /** What a batch means for the student's figures, in words. */
    static String batchSentence(int batchSize) {
        return "Measured in a batch of " + batchSize + " submissions of this exercise version: the reference runs"
                + " were shared, and every round paired your runs with the sequential baseline of the same round,"
                + " so your score comes from your own runs alone.";
    }

    private static String blankToNull(String preferred, String otherwise) {
        return preferred != null && !preferred.isBlank() ? preferred : otherwise;
    }
}
