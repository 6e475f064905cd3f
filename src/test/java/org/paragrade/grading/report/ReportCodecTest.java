package org.paragrade.grading.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paragrade.grading.score.ScoreBreakdown;
import org.paragrade.measure.Behaviour;
import org.paragrade.measure.ExpectedModel;
import org.paragrade.measure.Flag;
import org.paragrade.measure.FlagCode;
import org.paragrade.measure.RunVariant;
import org.paragrade.portal.PortalFixtures;
import org.paragrade.submission.Verdict;

class ReportCodecTest {

    private static GradingReport report(String stdout, String message) {
        var cases = new CorrectnessReport(1, 1, 2, 2, List.of(new CaseResult("small", Verdict.ACCEPTED, 12.3, message, false),
                new CaseResult("small (stress 1)", Verdict.ACCEPTED, 14.0, "Correct.", true)));
        var run = new RunReport(RunVariant.STUDENT, 2, new RunReport.Wall(440, 430.1, 451.2), 860, 1.95, 1.82, 1.83,
                0.91, 0.05, 3, 3, 40.5, 3, 2);
        var perf = new PerformanceReport(2, true, 3, 1.82, 1.91, 2, 2, ExpectedModel.PROCESSES,
                Behaviour.PARALLEL_PROCESSES, "parallel processes", true, "ran in parallel", "cgroup v1",
                List.of(run), new PerformanceReport.Interval(1.7, 1.9), null, null, "two cores busy", java.util.Map.of("limit", 450000), 3);
        return new GradingReport("All 1 cases passed", cases, perf,
                new ScoreBreakdown(50, 35, 15, 100, 100, 35, 35, true, List.of("full marks"), List.of(), false),
                List.of("well done"), List.of(new Flag(FlagCode.NOISY_MACHINE, "the machine was busy"),
                        new Flag(FlagCode.TAMPERING, "solution.py line 3: imports ctypes", "solution.py", 3)),
                new GradingReport.Output("small", stdout, "", false), null, null, null);
    }

    @Test
    void aReportReadsBackAsTheSameRecords() {
        GradingReport r = report("hello", "Correct.");
        assertThat(ReportCodec.read(ReportCodec.write(r))).isEqualTo(r);
    }

    @Test
    void theStoredJsonKeepsTheDesignsFieldNames() {
        String json = ReportCodec.write(report("hello", "Correct."));
        assertThat(json).contains("\"wallMs\":{\"median\":440.0,\"min\":430.1,\"max\":451.2}", "\"variant\":\"student\"",
                "\"expectedModel\":\"processes\"", "\"verdict\":\"ACCEPTED\"", "\"case\":\"small\"",
                "\"studentSpeedupInterval\":{\"low\":1.7,\"high\":1.9}", "\"flags\":[{\"code\":\"NOISY_MACHINE\"",
                "{\"code\":\"TAMPERING\",\"message\":\"solution.py line 3: imports ctypes\",\"file\":\"solution.py\",\"line\":3}");
    }

    @Test
    void aReportStoredByTheEarlierEngineStillLoads() {
        GradingReport old = ReportCodec.read(PortalFixtures.FULL_REPORT);
        assertThat(old.correctness().cases()).hasSize(3);
        assertThat(old.correctness().cases().get(1).verdict()).isEqualTo(Verdict.WRONG_ANSWER);
        assertThat(old.performance().runs()).extracting(RunReport::variant).contains(RunVariant.SEQUENTIAL, RunVariant.STUDENT);
        assertThat(old.performance().behaviour()).isEqualTo(Behaviour.PARALLEL_PROCESSES);
        assertThat(old.stacks()).contains("count_primes");
        assertThat(old.flags()).isEmpty();
        // the first engine stored a run's wall time as its median alone
        GradingReport older = ReportCodec.read("{\"performance\": {\"cores\": 2, \"runs\": [{\"variant\": \"threads\","
                + " \"workers\": 2, \"wallMs\": 812.5}]}}");
        assertThat(older.performance().runs().get(0).wallMs().median()).isEqualTo(812.5);
    }

    @Test
    void nothingUnreadableBecomesAnError() {
        assertThat(ReportCodec.read(null)).isEqualTo(GradingReport.empty());
        assertThat(ReportCodec.read("not json")).isEqualTo(GradingReport.empty());
        assertThat(ReportCodec.read("{\"correctness\": {\"cases\": [{\"verdict\": \"SOMETHING_NEW\"}]}}")
                .correctness().cases().get(0).verdict()).isNull();
    }

    @Test
    void aNulCharacterNeverReachesPostgres() {
        String json = ReportCodec.write(report("before\0after", "Correct."));
        assertThat(json).doesNotContain("\\u0000");
        assertThat(ReportCodec.read(json).output().stdout()).isEqualTo("before\uFFFDafter");
    }

    @Test
    void aHugeMessageCannotMakeAHugeReport() {
        String huge = "x".repeat(7 * 1024 * 1024);
        String json = ReportCodec.write(report(ReportCodec.cut(huge), huge));
        assertThat(json.length()).isLessThanOrEqualTo(ReportCodec.MAX_REPORT_CHARS);
        GradingReport back = ReportCodec.read(json);
        assertThat(back.output()).isNull();
        assertThat(back.feedback()).anyMatch(f -> f.contains("shortened"));
        assertThat(back.performance().studentSpeedup()).isEqualTo(1.82);
        assertThat(ReportCodec.cut(huge)).hasSizeLessThan(ReportCodec.MAX_TEXT_CHARS + 20).endsWith("(cut)");
    }
}
