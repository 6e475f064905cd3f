package org.paragrade.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.RawString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paragrade.report.charts.SpeedupChart;
import org.paragrade.report.charts.UtilisationChart;

/**
 * A submission's report as the report page shows it, read from the submission's JSON
 * ({@link org.paragrade.report.SubmissionView}). Every part of the engine's report is optional:
 * what is absent is simply not shown.
 */
public record ReportView(long id, String exercise, String exerciseTitle, int version, String student, int attempt,
                         String filename, String status, String verdict, Double score, Double automaticScore,
                         Double maxScore, GraderOverride override, Progress progress, String message, Breakdown breakdown,
                         Correctness correctness, Performance performance, List<String> feedback, Output output,
                         String stacks, List<GradeLine> grades, Instant createdAt, Instant gradedAt) {

    public record GraderOverride(Double score, String comment, String by, Instant at) {
    }

    public record Progress(String phase, int done, int total, Long queuePosition) {
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
                              RawString speedupChart, RawString utilisationChart, List<Run> studentRuns) {
    }

    public record Run(String variant, String label, Integer workers, Double medianMs, Double minMs, Double maxMs,
                      Double cpuMs, Double utilisation, Double speedup, Double selfSpeedup, Double efficiency,
                      Double karpFlatt, Integer maxThreads, Integer maxProcesses, Double peakMemoryMb,
                      Integer samples) {
    }

    public record Output(String stdout, String stderr, boolean truncated) {
    }

    public record GradeLine(String kind, Double score, Double maxScore, String verdict, String comment, String by,
                            Instant at) {
    }

    public boolean active() {
        return "QUEUED".equals(status) || "RUNNING".equals(status);
    }

    public boolean finished() {
        return !active();
    }

    /**
     * @param n   the submission as {@link org.paragrade.report.SubmissionView} shows it
     * @param raw the engine's stored report, for parts the view does not carry (the stacks of a hang)
     */
    static ReportView of(JsonNode n, JsonNode raw) {
        JsonNode o = n.path("override");
        GraderOverride override = o.isObject() ? new GraderOverride(dbl(o, "score"), str(o, "comment"), str(o, "by"),
                instant(o, "at")) : null;
        JsonNode p = n.path("progress");
        Progress progress = new Progress(str(p, "phase"), p.path("done").asInt(0), p.path("total").asInt(0),
                p.path("queuePosition").isNumber() ? p.path("queuePosition").asLong() : null);
        List<String> feedback = new ArrayList<>();
        n.path("feedback").forEach(f -> feedback.add(f.asText()));
        JsonNode out = n.path("output");
        String stdout = blankToNull(str(out, "stdout"));
        String stderr = blankToNull(str(out, "stderr"));
        Output output = stdout != null || stderr != null
                ? new Output(stdout, stderr, out.path("truncated").asBoolean(false)) : null;
        List<GradeLine> grades = new ArrayList<>();
        n.path("grades").forEach(g -> grades.add(new GradeLine(str(g, "kind"), dbl(g, "score"), dbl(g, "maxScore"),
                str(g, "verdict"), str(g, "comment"), str(g, "by"), instant(g, "at"))));
        String stacks = str(n, "stacks");
        if (stacks == null) {
            stacks = str(raw, "stacks");
        }
        if (stacks == null) {
            stacks = str(raw.path("correctness"), "stacks");
        }
        return new ReportView(n.path("id").asLong(), str(n, "exercise"), str(n, "exerciseTitle"),
                n.path("version").asInt(), str(n, "student"), n.path("attempt").asInt(), str(n, "filename"),
                str(n, "status"), str(n, "verdict"), dbl(n, "score"), dbl(n, "automaticScore"), dbl(n, "maxScore"),
                override, progress, str(n, "message"), breakdown(n.path("scoreBreakdown")),
                correctness(n.path("correctness")), performance(n.path("performance"), n.path("id").asLong()),
                feedback, output, stacks, grades, instant(n, "createdAt"), instant(n, "gradedAt"));
    }

    private static Breakdown breakdown(JsonNode b) {
        if (!b.isObject()) {
            return null;
        }
        List<String> notes = new ArrayList<>();
        b.path("notes").forEach(x -> notes.add(x.asText()));
        return new Breakdown(dbl(b, "correctness"), dbl(b, "performance"), dbl(b, "behaviour"), dbl(b, "total"),
                dbl(b, "max"), notes, b.path("needsReview").asBoolean(false));
    }

    private static Correctness correctness(JsonNode c) {
        if (!c.isObject()) {
            return null;
        }
        List<Case> cases = new ArrayList<>();
        c.path("cases").forEach(k -> cases.add(new Case(str(k, "name"), str(k, "verdict"), dbl(k, "timeMs"),
                str(k, "message"), k.path("stress").asBoolean(false))));
        return new Correctness(integer(c, "passed"), integer(c, "total"), cases);
    }

    private static Performance performance(JsonNode p, long id) {
        if (!p.isObject()) {
            return null;
        }
        List<Run> runs = new ArrayList<>();
        for (JsonNode r : p.path("runs")) {
            JsonNode wall = r.path("wallMs");
            String variant = str(r, "variant");
            runs.add(new Run(variant, label(variant), integer(r, "workers"),
                    wall.isNumber() ? wall.asDouble() : dbl(wall, "median"), dbl(wall, "min"), dbl(wall, "max"),
                    dbl(r, "cpuMs"), dbl(r, "cpuUtilisation"), dbl(r, "speedup"), dbl(r, "selfSpeedup"),
                    dbl(r, "efficiency"), dbl(r, "karpFlatt"), integer(r, "maxThreads"), integer(r, "maxProcesses"),
                    dbl(r, "peakMemoryMb"), integer(r, "samples")));
        }
        runs.sort((a, b) -> {
            int c = Integer.compare(order(a.variant()), order(b.variant()));
            return c != 0 ? c : Integer.compare(a.workers() == null ? 0 : a.workers(), b.workers() == null ? 0 : b.workers());
        });
        Integer cores = integer(p, "cores");
        Map<String, List<SpeedupChart.Point>> curves = new LinkedHashMap<>();
        List<UtilisationChart.Bar> bars = new ArrayList<>();
        for (Run r : runs) {
            if (r.variant() == null || r.workers() == null) {
                continue;
            }
            if (r.speedup() != null) {
                curves.computeIfAbsent(r.variant(), k -> new ArrayList<>())
                        .add(new SpeedupChart.Point(r.workers(), r.speedup()));
            }
            if (r.utilisation() != null) {
                bars.add(new UtilisationChart.Bar(r.variant(), r.label(), r.workers(), r.utilisation()));
            }
        }
        List<SpeedupChart.Series> series = new ArrayList<>();
        curves.forEach((v, pts) -> series.add(new SpeedupChart.Series(v, label(v), pts)));
        RawString speedupSvg = series.isEmpty() ? null
                : new RawString(SpeedupChart.render("speedup-" + id, series, cores == null ? 0 : cores));
        RawString utilSvg = bars.isEmpty() ? null
                : new RawString(UtilisationChart.render("cpu-" + id, bars, cores == null ? 0 : cores));
        List<Run> studentRuns = runs.stream().filter(r -> "student".equals(r.variant())).toList();
        return new Performance(cores, p.has("stable") ? p.path("stable").asBoolean() : null, integer(p, "rounds"),
                dbl(p, "studentSpeedup"), dbl(p, "referenceSpeedup"), str(p, "expectedModel"), str(p, "behaviour"),
                str(p, "behaviourLabel"), p.has("matchesExpected") ? p.path("matchesExpected").asBoolean() : null,
                str(p, "explanation"), str(p, "accounting"), runs, speedupSvg, utilSvg, studentRuns);
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
        if (variant == null) {
            return "";
        }
        return "student".equals(variant) ? "submitted solution" : variant + " reference";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String str(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static Double dbl(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? v.asDouble() : null;
    }

    private static Integer integer(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? v.asInt() : null;
    }

    private static Instant instant(JsonNode n, String field) {
        String s = str(n, field);
        try {
            return s == null ? null : Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
