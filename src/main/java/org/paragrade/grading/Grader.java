package org.paragrade.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.grading.score.ScoreBreakdown;
import org.paragrade.grading.score.Scorer;
import org.paragrade.grading.score.ScoringWeights;
import org.paragrade.measure.BehaviourClassifier;
import org.paragrade.measure.BehaviourVerdict;
import org.paragrade.measure.BenchmarkPlan;
import org.paragrade.measure.RunFigures;
import org.paragrade.measure.Sample;
import org.paragrade.measure.SpeedupCurve;
import org.paragrade.measure.Trial;
import org.paragrade.sandbox.Outcome;
import org.paragrade.sandbox.RunResult;

/**
 * The grading of one solution against one exercise version, stage by stage: correctness (every
 * case, then the stress repeats), benchmark (student and references interleaved in rounds),
 * behaviour, score. It decides; storing is someone else's job.
 */
final class Grader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 16 * 1024;

    private final ExerciseManifest manifest;
    private final ExerciseRunner runner;
    private final ExpectedLookup expected;
    private final MachineLock machine;
    private final Progress progress;
    private final int cores;
    private final long seed;
    private final int extraRounds;
    private final double spreadThreshold;
    private final String variant;

    /** The expected value of a params set (the sequential reference's, cached). */
    interface ExpectedLookup {
        JsonNode of(Map<String, Object> params);
    }

    Grader(ExerciseManifest manifest, ExerciseRunner runner, ExpectedLookup expected, MachineLock machine,
           Progress progress, int cores, long seed, int extraRounds, double spreadThreshold, String variant) {
        this.manifest = manifest;
        this.runner = runner;
        this.expected = memoised(expected);
        this.machine = machine;
        this.progress = progress;
        this.cores = cores;
        this.seed = seed;
        this.extraRounds = extraRounds;
        this.spreadThreshold = spreadThreshold;
        this.variant = variant;
    }

    GradingOutcome grade() throws InterruptedException {
        int repeats = manifest.stress() == null ? 0 : manifest.stress().repeat();
        int caseRuns = manifest.cases().size() * (1 + repeats);
        BenchmarkPlan plan = plan();
        int benchRuns = plan.trials().size() * plan.minRounds();
        int total = caseRuns + benchRuns;
        int done = 0;

        // 1. Correctness
        long correctnessStart = System.nanoTime();
        List<CaseResult> cases = new ArrayList<>();
        try (var held = machine.correctness()) {
            String stoppedBy = null;
            for (var c : manifest.cases()) {
                progress.checkContinue();
                progress.update("correctness", done, total);
                if (stoppedBy != null) {
                    cases.add(skipped(c.name(), stoppedBy, false));
                } else {
                    JsonNode want = expected.of(c.params());
                    CaseResult r = runCase(c.name(), c.params(), want, null, false);
                    cases.add(r);
                    stoppedBy = limitHit(r);
                }
                done++;
            }
            // Stress only a solution that passed plainly: a race shows itself there, a failure already has.
            boolean plainPass = cases.stream().allMatch(CaseResult::accepted);
            for (int i = 0; i < repeats; i++) {
                for (var c : manifest.cases()) {
                    progress.checkContinue();
                    progress.update("stress", done, total);
                    String name = c.name() + " (stress " + (i + 1) + ")";
                    if (!plainPass || stoppedBy != null) {
                        cases.add(skipped(name, stoppedBy != null ? stoppedBy : "an earlier case failed", true));
                    } else {
                        JsonNode want = expected.of(c.params());
                        CaseResult r = runCase(name, c.params(), want, manifest.stress().switchInterval(), true);
                        cases.add(r);
                        stoppedBy = limitHit(r);
                    }
                    done++;
                }
            }
        }
        // A case passes when its plain run and every stress repeat of it pass; a plain run not made
        // (after a limit) counts as failed, a stress repeat not made counts against nobody.
        Map<String, Boolean> caseOk = new LinkedHashMap<>();
        for (CaseResult r : cases) {
            String base = r.stress() ? r.name().substring(0, r.name().lastIndexOf(" (stress ")) : r.name();
            boolean ok = r.accepted() || (r.stress() && Verdicts.NOT_RUN.equals(r.verdict()));
            caseOk.merge(base, ok, Boolean::logicalAnd);
        }
        long correctnessNanos = System.nanoTime() - correctnessStart;
        int correctnessRuns = (int) cases.stream().filter(c -> !Verdicts.NOT_RUN.equals(c.verdict())).count();
        long benchmarkNanos = 0;
        int passed = (int) caseOk.values().stream().filter(b -> b).count();
        int caseCount = caseOk.size();
        String verdict = Verdicts.overall(cases);
        List<String> feedback = new ArrayList<>();
        ObjectNode report = JSON.createObjectNode();
        report.set("correctness", correctnessJson(cases, passed, caseCount));
        attachFirstFailure(report, cases, feedback);

        // 2. Benchmark, only for a correct solution
        SpeedupCurve curve = null;
        BehaviourVerdict behaviour = null;
        List<Sample> samples = new ArrayList<>();
        String accounting = null;
        if (passed == caseCount) {
            progress.update("benchmark", done, total);
            long benchmarkStart = System.nanoTime();
            try (var held = machine.benchmark()) {
                Map<String, JsonNode> benchmarkValues = new LinkedHashMap<>();
                for (int round = 0; round == 0 || plan.needsMoreRounds(samples); round++) {
                    List<Trial> trials = plan.round(round, samples);
                    if (round >= plan.minRounds()) {
                        total += trials.size();
                    }
                    for (Trial t : trials) {
                        progress.checkContinue();
                        progress.update("benchmark", done, total);
                        RunResult r = runner.run(t.variant(), ExerciseRunner.benchmarkParams(manifest, t.workers()), null);
                        accounting = r.accounting();
                        done++;
                        if (r.outcome() == Outcome.INTERNAL_ERROR) {
                            throw new InfrastructureFailure("benchmark run " + t + ": " + r.message());
                        }
                        if (!r.completed()) {
                            if (!"student".equals(t.variant())) {
                                throw new InfrastructureFailure("reference " + t.variant() + " failed the benchmark: "
                                        + r.outcome() + " " + r.message());
                            }
                            verdict = Verdicts.of(r.outcome());
                            feedback.add("On the benchmark workload with " + t.workers() + " worker(s): " + r.message());
                            attachRun(report, r);
                            samples.clear();
                            break;
                        }
                        String key = "w" + t.workers() + ":" + t.variant();
                        benchmarkValues.put(key, r.value());
                        samples.add(new Sample(t.variant(), t.workers(), round, r.wallMs(), r.cpuMs(),
                                r.maxThreads(), r.maxProcesses(), r.peakMemoryMb()));
                    }
                    if (!Verdicts.ACCEPTED.equals(verdict)) {
                        break;
                    }
                }
                if (Verdicts.ACCEPTED.equals(verdict)) {
                    String wrong = checkBenchmarkValues(benchmarkValues);
                    if (wrong != null) {
                        verdict = Verdicts.WRONG_ANSWER;
                        feedback.add(wrong);
                    }
                }
            }
            benchmarkNanos = System.nanoTime() - benchmarkStart;
            io.micrometer.core.instrument.Metrics.timer("paragrade_benchmark_seconds")
                    .record(benchmarkNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            if (Verdicts.ACCEPTED.equals(verdict) && !samples.isEmpty()) {
                curve = plan.curve(samples, cores, manifest.expectedModel());
                behaviour = BehaviourClassifier.classify(manifest.kind(), manifest.expectedModel(), curve);
            }
        } else {
            feedback.add("The benchmark runs only once every case passes: fix correctness first.");
        }
        progress.update("scoring", done, total);

        // 3. Score
        var s = manifest.scoring();
        ScoringWeights weights = new ScoringWeights(s.correctness(), s.performance(), s.behaviour(),
                s.performanceTarget());
        ScoreBreakdown score;
        if (curve != null) {
            // Performance is judged where the reference did best (see SpeedupCurve.bestReferenceWorkers);
            // the report's studentSpeedup/referenceSpeedup stay at the largest worker count, as the API says.
            int at = curve.bestReferenceWorkers();
            score = Scorer.score(weights, passed, caseCount, curve.studentSpeedupAt(at),
                    curve.referenceRunAt(at).map(RunFigures::speedup).orElse(null), behaviour.credit(), curve.stable());
            if (at != curve.largestWorkers()) {
                feedback.add("Performance is compared at " + at + " workers, where the reference gained most on this "
                        + curve.cores() + "-core machine.");
            }
        } else {
            score = Scorer.score(weights, passed, caseCount, null, null, 0.0, true);
        }
        if (curve != null) {
            report.set("performance", performanceJson(curve, behaviour, accounting, plan));
            feedback.add(behaviour.explanation());
            if (!curve.stable()) {
                feedback.add("The timings varied more than " + pct(spreadThreshold) + " between rounds even after "
                        + "extra rounds; a grader will review this measurement.");
            }
        }
        feedback.addAll(score.notes());
        report.set("scoreBreakdown", JSON.valueToTree(score));
        ArrayNode fb = report.putArray("feedback");
        feedback.stream().distinct().forEach(fb::add);
        report.put("message", summary(verdict, passed, caseCount, curve));
        return new GradingOutcome(verdict, score.total(), score.max(), report, List.copyOf(samples),
                new GradingOutcome.Timing(correctnessNanos / 1e9, correctnessRuns, benchmarkNanos / 1e9, samples.size()));
    }

    /** The same params are asked for once per case and again per stress repeat: fetch each once. */
    private static ExpectedLookup memoised(ExpectedLookup lookup) {
        Map<String, JsonNode> seen = new java.util.HashMap<>();
        return params -> seen.computeIfAbsent(ExerciseRunner.key(params), k -> lookup.of(params));
    }

    private BenchmarkPlan plan() {
        List<String> variants = new ArrayList<>();
        variants.add(variant);
        for (String ref : manifest.references()) {
            if (!ref.equals(variant)) {
                variants.add(ref);
            }
        }
        int rounds = manifest.benchmark().rounds();
        return new BenchmarkPlan(variants, manifest.benchmark().workers(), rounds, rounds + extraRounds, seed,
                spreadThreshold, manifest.expectedModel());
    }

    private CaseResult runCase(String name, Map<String, Object> params, JsonNode want, Double switchInterval,
                               boolean stress) {
        RunResult r = runner.run(variant, params, switchInterval);
        if (r.outcome() == Outcome.INTERNAL_ERROR) {
            throw new InfrastructureFailure("case '" + name + "': " + r.message());
        }
        String verdict = Verdicts.of(r.outcome());
        String message = r.message();
        if (r.completed()) {
            String diff = Comparison.firstDifference(want, r.value());
            if (diff != null) {
                verdict = Verdicts.WRONG_ANSWER;
                message = "Wrong answer: " + diff + (stress ? " (under stress: many threads switching very often — "
                        + "look for a read-modify-write without a lock)" : "") + ".";
            } else {
                message = "Correct.";
            }
        }
        return new CaseResult(name, verdict, r.wallMs(), message, stress, cut(r.traceback()), cut(r.stacks()),
                cut(r.stdout()), cut(r.stderr()));
    }

    /** A limit stops the remaining runs: each would hit it again and cost the whole limit. */
    private static String limitHit(CaseResult r) {
        return switch (r.verdict()) {
            case Verdicts.TIME_LIMIT, Verdicts.MEMORY_LIMIT, Verdicts.PROCESS_LIMIT, Verdicts.OUTPUT_LIMIT ->
                    "case '" + r.name() + "' hit " + r.verdict();
            default -> null;
        };
    }

    private static CaseResult skipped(String name, String why, boolean stress) {
        return new CaseResult(name, Verdicts.NOT_RUN, 0, "Not run: " + why + ".", stress, null, null, null, null);
    }

    /**
     * The student's benchmark value at every worker count must equal the sequential reference's value
     * for the same params (some checkers' values depend on the worker count, so each is compared with
     * its own expected value, cached like every expected value).
     */
    private String checkBenchmarkValues(Map<String, JsonNode> values) {
        for (var e : values.entrySet()) {
            if (!e.getKey().endsWith(":" + variant)) {
                continue;
            }
            int workers = Integer.parseInt(e.getKey().substring(1, e.getKey().indexOf(':')));
            JsonNode want = workers == 1 && values.containsKey("w1:sequential") ? values.get("w1:sequential")
                    : expected.of(ExerciseRunner.benchmarkParams(manifest, workers));
            String diff = Comparison.firstDifference(want, e.getValue());
            if (diff != null) {
                return "Wrong answer on the benchmark workload with " + workers + " worker(s): " + diff + ".";
            }
        }
        return null;
    }

    private static ObjectNode correctnessJson(List<CaseResult> cases, int passed, int total) {
        ObjectNode n = JSON.createObjectNode();
        n.put("passed", passed);
        n.put("total", total);
        n.put("runs", cases.size());
        n.put("runsPassed", cases.stream().filter(CaseResult::accepted).count());
        ArrayNode list = n.putArray("cases");
        for (CaseResult c : cases) {
            ObjectNode o = list.addObject();
            o.put("name", c.name());
            o.put("verdict", c.verdict());
            o.put("timeMs", Math.round(c.timeMs() * 10) / 10.0);
            o.put("message", c.message());
            o.put("stress", c.stress());
        }
        return n;
    }

    /** The first failing case's traceback, stacks and output go to the report (the rest only in summary). */
    private static void attachFirstFailure(ObjectNode report, List<CaseResult> cases, List<String> feedback) {
        CaseResult first = cases.stream().filter(c -> !c.accepted()).findFirst().orElse(null);
        CaseResult shown = first != null ? first : cases.isEmpty() ? null : cases.get(0);
        if (shown == null) {
            return;
        }
        if (first != null) {
            feedback.add("Case '" + first.name() + "': " + first.message());
            if (first.traceback() != null && !first.traceback().isBlank()) {
                report.put("traceback", first.traceback());
            }
            if (first.stacks() != null && !first.stacks().isBlank()) {
                report.put("stacks", first.stacks());
            }
        }
        ObjectNode out = report.putObject("output");
        out.put("case", shown.name());
        out.put("stdout", shown.stdout() == null ? "" : shown.stdout());
        out.put("stderr", shown.stderr() == null ? "" : shown.stderr());
    }

    private static void attachRun(ObjectNode report, RunResult r) {
        if (r.stacks() != null && !r.stacks().isBlank()) {
            report.put("stacks", cut(r.stacks()));
        }
        if (r.traceback() != null && !r.traceback().isBlank()) {
            report.put("traceback", cut(r.traceback()));
        }
    }

    private ObjectNode performanceJson(SpeedupCurve curve, BehaviourVerdict behaviour, String accounting,
                                       BenchmarkPlan plan) {
        ObjectNode n = JSON.createObjectNode();
        n.put("cores", curve.cores());
        n.put("stable", curve.stable());
        n.put("rounds", plan.minRounds());
        putNumber(n, "studentSpeedup", curve.studentSpeedup());
        putNumber(n, "referenceSpeedup", curve.referenceSpeedup());
        n.put("largestWorkers", curve.largestWorkers());
        n.put("scoredAtWorkers", curve.bestReferenceWorkers());
        n.put("expectedModel", manifest.expectedModel());
        n.put("behaviour", behaviour.behaviour().name());
        n.put("behaviourLabel", behaviour.behaviour().label());
        n.put("matchesExpected", behaviour.matchesExpected());
        n.put("explanation", behaviour.explanation());
        n.put("accounting", accounting);
        n.put("spreadThreshold", curve.spreadThreshold());
        ArrayNode runs = n.putArray("runs");
        for (RunFigures f : curve.runs()) {
            ObjectNode o = runs.addObject();
            o.put("variant", f.variant());
            o.put("workers", f.workers());
            ObjectNode wall = o.putObject("wallMs");
            wall.put("median", r1(f.wallMs().median()));
            wall.put("min", r1(f.wallMs().min()));
            wall.put("max", r1(f.wallMs().max()));
            o.put("cpuMs", r1(f.cpuMs()));
            o.put("cpuUtilisation", r2(f.cpuUtilisation()));
            putNumber(o, "speedup", f.speedup());
            putNumber(o, "selfSpeedup", f.selfSpeedup());
            putNumber(o, "efficiency", f.efficiency());
            putNumber(o, "karpFlatt", f.karpFlatt());
            o.put("maxThreads", f.maxThreads());
            o.put("maxProcesses", f.maxProcesses());
            o.put("peakMemoryMb", r1(f.peakMemoryMb()));
            o.put("samples", f.samples());
        }
        return n;
    }

    private static String summary(String verdict, int passed, int total, SpeedupCurve curve) {
        if (!Verdicts.ACCEPTED.equals(verdict)) {
            return verdict.replace('_', ' ').toLowerCase(Locale.ROOT) + ": " + passed + " of " + total
                    + " cases passed.";
        }
        if (curve == null || curve.studentSpeedup() == null) {
            return "All " + total + " cases passed.";
        }
        return String.format(Locale.ROOT, "All %d cases passed; %.2f× faster than the sequential reference"
                        + " with %d workers (the best reference: %.2f×).", total, curve.studentSpeedup(),
                curve.largestWorkers(), curve.referenceSpeedup() == null ? 0.0 : curve.referenceSpeedup());
    }

    private static void putNumber(ObjectNode n, String field, Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            n.putNull(field);
        } else {
            n.put(field, r2(v));
        }
    }

    private static double r1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double r2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String pct(double v) {
        return Math.round(v * 100) + "%";
    }

    private static String cut(String s) {
        if (s == null) {
            return null;
        }
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "\n… (cut)" : s;
    }
}
