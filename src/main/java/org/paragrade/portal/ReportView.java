package org.paragrade.portal;

import io.quarkus.qute.RawString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paragrade.grading.report.CorrectnessReport;
import org.paragrade.grading.report.PerformanceReport;
import org.paragrade.grading.report.RunReport;
import org.paragrade.grading.score.ScoreBreakdown;
import org.paragrade.measure.RunVariant;
import org.paragrade.report.SubmissionView;
import org.paragrade.report.charts.SpeedupChart;
import org.paragrade.report.charts.UtilisationChart;

/**
 * A submission's report as the report page shows it, read from the submission's JSON
 ({@link SubmissionView}). Every part of the engine's report is optional:
 * what is absent is simply not shown.
 */
public record ReportView(long id, String exercise, String exerciseTitle, int version, String student, int attempt,
                         String filename, String status, String verdict, Double score, Double automaticScore,
                         Double maxScore, GraderOverride override, Progress progress, String message, Breakdown breakdown,
                         Correctness correctness, Performance performance, List<String> feedback, Output output,
                         String traceback, String stacks, List<GradeLine> grades, Instant createdAt, Instant gradedAt,
                         List<FlagLine> flags, Superseded superseded) {

    /** The newer upload that replaced this one before it was graded: its id (for the link) and its number. */
    public record Superseded(long id, int attempt) {
    }

    /** A reason for a grader to look, in plain words; {@code where} names the file and line when the code showed it. */
    public record FlagLine(String code, String message, String where) {
    }

    public record GraderOverride(Double score, String comment, String by, Instant at) {
    }

    public record Progress(String phase, int done, int total, Long position, Long etaSeconds) {
        /** The jobs claimed before this one (position counts it). */
        public long ahead() {
            return position == null ? 0 : position - 1;
        }

        public int percent() {
            return total <= 0 ? 0 : Math.min(100, Math.round(done * 100f / total));
        }
    }

    public record Breakdown(Double correctness, Double performance, Double behaviour, Double total, Double max,
                            List<String> notes, boolean needsReview) {
    }

    public record Correctness(Integer passed, Integer total, List<Case> cases) {
    }

    public record Case(String name, String verdict, Double timeMs, String message, boolean stress) {
    }

    public record Performance(Integer cores, Boolean stable, Integer rounds, Double studentSpeedup,
                              Double referenceSpeedup, String expectedModel, String behaviour, String behaviourLabel,
                              Boolean matchesExpected, String explanation, String accounting, List<Run> runs,
                              RawString speedupChart, RawString utilisationChart, List<Run> studentRuns,
                              Integer scoredAtWorkers, String studentInterval, String referenceInterval,
                              String evidence, String contention, List<InterpreterSide> interpreters,
                              String comparison) {
    }

    /** One interpreter's curves beside the others', when the exercise benchmarks on several. */
    public record InterpreterSide(String id, String label, boolean scored, String build, String explanation,
                                  RawString speedupChart) {
    }

    public record Run(String variant, String label, Integer workers, Double medianMs, Double minMs, Double maxMs,
                      Double cpuMs, Double utilisation, Double speedup, Double selfSpeedup, Double efficiency,
                      Double karpFlatt, Integer maxThreads, Integer maxProcesses, Double peakMemoryMb,
                      Integer samples, Integer requestsInFlight, String interpreter) {
    }

    public record Output(String stdout, String stderr, boolean truncated) {
    }

    public record GradeLine(String kind, Double score, Double maxScore, String verdict, String comment, String by,
                            Instant at, Integer version, String requestedBy) {
    }

    public boolean active() {
        return "QUEUED".equals(status) || "RUNNING".equals(status);
    }

    public boolean finished() {
        return !active();
    }

    /** The report page's view of a submission as the API shows it; {@code superseded} null unless it was. */
    static ReportView of(SubmissionView v, Superseded superseded) {
        var o = v.override();
        GraderOverride override = o == null ? null : new GraderOverride(o.score(), o.comment(), o.by(), o.at());
        var p = v.progress();
        Progress progress = new Progress(p.phase(), p.done(), p.total(), p.position(), p.etaSeconds());
        var out = v.output();
        String stdout = out == null ? null : blankToNull(out.stdout());
        String stderr = out == null ? null : blankToNull(out.stderr());
        Output output = stdout != null || stderr != null ? new Output(stdout, stderr, out.truncated()) : null;
        List<GradeLine> grades = v.grades().stream().map(g -> new GradeLine(g.kind(), g.score(), g.maxScore(),
                g.verdict(), g.comment(), g.by(), g.at(), g.version(), g.requestedBy())).toList();
        return new ReportView(v.id(), v.exercise(), v.exerciseTitle(), v.version(), v.student(), v.attempt(),
                v.filename(), v.status(), v.verdict(), v.score(), v.automaticScore(), v.maxScore(), override, progress,
                v.message(), breakdown(v.scoreBreakdown()), correctness(v.correctness()),
                performance(v.performance(), v.id()), v.feedback(), output, blankToNull(v.traceback()),
                blankToNull(v.stacks()), grades,
                v.createdAt(), v.gradedAt(), v.flags().stream().map(f -> new FlagLine(f.code().name(), f.message(),
                        f.file() == null ? null : f.file() + (f.line() == null || f.line() == 0 ? "" : ":" + f.line())))
                        .toList(), superseded);
    }

    private static Breakdown breakdown(ScoreBreakdown b) {
        return b == null ? null : new Breakdown(b.correctness(), b.performance(), b.behaviour(), b.total(), b.max(),
                b.notes(), b.needsReview());
    }

    private static Correctness correctness(CorrectnessReport c) {
        if (c == null) {
            return null;
        }
        List<Case> cases = c.cases().stream().map(k -> new Case(k.name(), k.verdict() == null ? null : k.verdict().name(),
                k.timeMs(), k.message(), k.stress())).toList();
        return new Correctness(c.passed(), c.total(), cases);
    }

    private static Performance performance(PerformanceReport p, long id) {
        if (p == null) {
            return null;
        }
        List<Run> runs = new ArrayList<>();
        for (RunReport r : p.runs()) {
            if (r.variant() == null) {
                continue;
            }
            String variant = r.variant().word();
            var wall = r.wallMs();
            runs.add(new Run(variant, r.variant().label(), r.workers(), wall == null ? null : wall.median(),
                    wall == null ? null : wall.min(), wall == null ? null : wall.max(), r.cpuMs(), r.cpuUtilisation(),
                    r.speedup(), r.selfSpeedup(), r.efficiency(), r.karpFlatt(), r.maxThreads(), r.maxProcesses(),
                    r.peakMemoryMb(), r.samples(), r.concurrentRequests(), r.interpreter()));
        }
        runs.sort(Comparator.comparingInt((Run r) -> order(r.variant())).thenComparingInt(Run::workers));
        // the score's interpreter draws the main charts; every interpreter's curves are drawn side by side below
        String scoredOn = p.interpreter();
        List<Run> scoredRuns = runs.stream().filter(r -> r.interpreter() == null || scoredOn == null
                || r.interpreter().equals(scoredOn)).toList();
        List<InterpreterSide> sides = new ArrayList<>();
        for (PerformanceReport.InterpreterFigures f : p.interpreters()) {
            List<Run> own = runs.stream().filter(r -> f.id().equals(r.interpreter())).toList();
            sides.add(new InterpreterSide(f.id(), f.label(), f.scored(), f.freeThreaded() && !f.gilEnabled()
                    ? "free-threaded build, no GIL" : f.freeThreaded() ? "free-threaded build, GIL re-enabled"
                    : "standard build, with the GIL", f.explanation(),
                    speedupChart(own, id + "-" + f.id().replaceAll("[^a-z0-9]", ""), p.cores())));
        }
        if (!sides.isEmpty()) {
            runs.sort(Comparator.comparing((Run r) -> r.interpreter() == null ? "" : r.interpreter())
                    .thenComparingInt(r -> order(r.variant())).thenComparingInt(Run::workers));
        }
        List<Run> studentRuns = scoredRuns.stream().filter(r -> "student".equals(r.variant())).toList();
        return new Performance(p.cores(), p.stable(), p.rounds(), p.studentSpeedup(), p.referenceSpeedup(),
                p.expectedModel() == null ? null : p.expectedModel().word(),
                p.behaviour() == null ? null : p.behaviour().name(), p.behaviourLabel(), p.matchesExpected(),
                p.explanation(), p.accounting(), runs, speedupChart(scoredRuns, String.valueOf(id), p.cores()),
                utilisationChart(scoredRuns, id, p.cores()), studentRuns, p.scoredAtWorkers(),
                interval(p.studentSpeedupInterval()), interval(p.referenceSpeedupInterval()), p.evidence(),
                p.contention() == null ? null : p.contention().description(), sides, p.comparison());
    }

    /** "1.39–1.52×", or null. */
    private static String interval(PerformanceReport.Interval i) {
        return i == null ? null : String.format(java.util.Locale.ROOT, "%.2f–%.2f×", i.low(), i.high());
    }

    private static RawString speedupChart(List<Run> runs, String id, int cores) {
        Map<String, List<SpeedupChart.Point>> curves = new LinkedHashMap<>();
        for (Run r : runs) {
            if (r.speedup() != null) {
                curves.computeIfAbsent(r.variant(), k -> new ArrayList<>()).add(new SpeedupChart.Point(r.workers(), r.speedup()));
            }
        }
        List<SpeedupChart.Series> series = new ArrayList<>();
        curves.forEach((v, pts) -> series.add(new SpeedupChart.Series(v, label(v), pts)));
        return series.isEmpty() ? null : new RawString(SpeedupChart.render("speedup-" + id, series, cores));
    }

    private static RawString utilisationChart(List<Run> runs, long id, int cores) {
        List<UtilisationChart.Bar> bars = runs.stream()
                .filter(r -> r.utilisation() != null)
                .map(r -> new UtilisationChart.Bar(r.variant(), r.label(), r.workers(), r.utilisation())).toList();
        return bars.isEmpty() ? null : new RawString(UtilisationChart.render("cpu-" + id, bars, cores));
    }

    private static int order(String variant) {
        return switch (variant == null ? "" : variant) {
            case "student" -> 0;
            case "sequential" -> 1;
            case "threads" -> 2;
            case "processes" -> 3;
            default -> 4;
        };
    }

    static String label(String variant) {
        return variant == null ? "" : RunVariant.parse(variant).map(RunVariant::label).orElse(variant);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
