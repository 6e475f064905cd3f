package org.paragrade.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.grading.report.CaseResult;
import org.paragrade.grading.report.CorrectnessReport;
import org.paragrade.grading.report.ReportCodec;
import org.paragrade.measure.RunVariant;
import org.paragrade.sandbox.Outcome;
import org.paragrade.sandbox.RunResult;
import org.paragrade.submission.Verdict;

/**
 * Stage 2 of the pipeline: every case once, then (for a stress exercise, and only when every plain run
 * passed) every case again under stress, each run in a fresh sandbox and compared outside it with the
 * sequential reference's value. A limit stops the remaining runs: each would hit it again.
 */
final class CorrectnessStage {
    private final ExerciseManifest manifest;
    private final ExerciseRunner runner;
    private final ExpectedLookup expected;
    private final ProgressTracker progress;
    /** Appended to every case's name (" on cpython-3.13t" when the exercise runs on several interpreters). */
    private final String where;

    /** The expected value of a params set (the sequential reference's). */
    interface ExpectedLookup {
        JsonNode of(Map<String, Object> params);

        /** The same params are asked for once per case and again per stress repeat: fetch each once. */
        static ExpectedLookup memoised(ExpectedLookup lookup) {
            Map<String, JsonNode> seen = new java.util.HashMap<>();
            return params -> seen.computeIfAbsent(ExerciseRunner.key(params), k -> lookup.of(params));
        }
    }

    /** One run of one case: {@code repeat} 0 is the plain run, N the N-th stress repeat. */
    record CaseRun(String caseName, int repeat, Verdict verdict, double timeMs, String message, String traceback,
                   String stacks, String stdout, String stderr, boolean outputTruncated) {
        boolean stress() {
            return repeat > 0;
        }

        String name() {
            return repeat == 0 ? caseName : caseName + " (stress " + repeat + ")";
        }

        boolean accepted() {
            return verdict == Verdict.ACCEPTED;
        }

        /** A plain run not made counts as failed; a stress repeat not made counts against nobody. */
        boolean countsAsPassed() {
            return accepted() || (stress() && verdict == Verdict.NOT_RUN);
        }

        CaseResult result() {
            return new CaseResult(name(), verdict, Math.round(timeMs * 10) / 10.0, message, stress());
        }
    }

    /** What the stage found: every run, and the verdict the submission is known by. */
    record Result(List<CaseRun> runs, int passed, int total, Verdict verdict) {
        boolean allPassed() {
            return passed == total;
        }

        /** The first run that did not pass, if any. */
        java.util.Optional<CaseRun> firstFailure() {
            return runs.stream().filter(r -> !r.accepted()).findFirst();
        }

        int runsMade() {
            return (int) runs.stream().filter(r -> r.verdict() != Verdict.NOT_RUN).count();
        }

        /** The runs on several interpreters as one result: a solution must pass on each (its cases are named by it). */
        static Result merged(List<Result> results) {
            if (results.size() == 1) {
                return results.get(0);
            }
            List<CaseRun> all = new ArrayList<>();
            results.forEach(r -> all.addAll(r.runs()));
            return summarise(all);
        }

        CorrectnessReport report() {
            return new CorrectnessReport(passed, total, runs.size(),
                    (int) runs.stream().filter(CaseRun::accepted).count(), runs.stream().map(CaseRun::result).toList());
        }
    }

    CorrectnessStage(ExerciseManifest manifest, ExerciseRunner runner, ExpectedLookup expected,
                     ProgressTracker progress) {
        this(manifest, runner, expected, progress, "");
    }

    CorrectnessStage(ExerciseManifest manifest, ExerciseRunner runner, ExpectedLookup expected,
                     ProgressTracker progress, String where) {
        this.where = where;
        this.manifest = manifest;
        this.runner = runner;
        this.expected = ExpectedLookup.memoised(expected);
        this.progress = progress;
    }

    /** Runs the stage plans for a variant (with or without the stress repeats). */
    static int plannedRuns(ExerciseManifest manifest, boolean stress) {
        return manifest.cases().size() * (1 + repeats(manifest, stress));
    }

    private static int repeats(ExerciseManifest manifest, boolean stress) {
        return stress && manifest.stress() != null ? manifest.stress().repeat() : 0;
    }

    Result run(RunVariant variant, boolean stress) {
        List<CaseRun> runs = new ArrayList<>();
        String stoppedBy = null;
        for (int repeat = 0; repeat <= repeats(manifest, stress); repeat++) {
            // Stress only a solution that passed plainly: a race shows itself there, a failure already has.
            String skip = stoppedBy != null ? stoppedBy
                    : repeat > 0 && !runs.stream().filter(r -> !r.stress()).allMatch(CaseRun::accepted)
                    ? "an earlier case failed" : null;
            for (var c : manifest.cases()) {
                progress.before(repeat == 0 ? "correctness" : "stress");
                CaseRun r = skip != null ? skipped(c.name() + where, repeat, skip) : runCase(variant, c, repeat);
                runs.add(r);
                progress.ran();
                if (skip == null && r.verdict().isLimit()) {
                    skip = stoppedBy = "case '" + r.name() + "' hit " + r.verdict();
                }
            }
        }
        return summarise(runs);
    }

    private static Result summarise(List<CaseRun> runs) {
        Map<String, Boolean> caseOk = new LinkedHashMap<>();
        for (CaseRun r : runs) {
            caseOk.merge(r.caseName(), r.countsAsPassed(), Boolean::logicalAnd);
        }
        int passed = (int) caseOk.values().stream().filter(b -> b).count();
        return new Result(List.copyOf(runs), passed, caseOk.size(),
                Verdicts.worst(runs.stream().map(CaseRun::verdict).toList()));
    }

    private CaseRun runCase(RunVariant variant, ExerciseManifest.Case c, int repeat) {
        JsonNode want = expected.of(c.params());
        RunResult r = runner.run(variant, c.params(), repeat == 0 ? null : manifest.stress().switchInterval());
        String name = (repeat == 0 ? c.name() : c.name() + " (stress " + repeat + ")") + where;
        if (r.outcome() == Outcome.INTERNAL_ERROR) {
            throw new InfrastructureFailure("case '" + name + "': " + r.message());
        }
        Verdict verdict = Verdicts.of(r.outcome());
        String message = r.message();
        if (r.completed()) {
            String diff = Comparison.firstDifference(want, r.value());
            verdict = diff == null ? Verdict.ACCEPTED : Verdict.WRONG_ANSWER;
            message = diff == null ? "Correct." : "Wrong answer: " + diff + (repeat > 0 ? " (under stress: many "
                    + "threads switching very often — look for a read-modify-write without a lock)" : "") + ".";
        }
        return new CaseRun(c.name() + where, repeat, verdict, r.wallMs(), ReportCodec.cut(message),
                ReportCodec.cut(r.traceback()), ReportCodec.cut(r.stacks()), ReportCodec.cut(r.stdout()),
                ReportCodec.cut(r.stderr()), r.outputTruncated());
    }

    private static CaseRun skipped(String caseName, int repeat, String why) {
        return new CaseRun(caseName, repeat, Verdict.NOT_RUN, 0, "Not run: " + why + ".", null, null, null, null,
                false);
    }
}
