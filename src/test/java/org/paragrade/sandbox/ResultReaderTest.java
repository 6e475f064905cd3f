package org.paragrade.sandbox;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** How the server reads a run's traces: only its own nonce counts, limits beat what the harness said. */
class ResultReaderTest {
    static final Limits LIMITS = new Limits(20, 10, 256, 64, 64);
    static final String NONCE = "0123456789abcdef0123456789abcdef";

    static RunResult decide(String stdout, String stderr, String stopped, long oom, long pids) {
        return new ResultReader(LIMITS, "cgroup v1", NONCE, new HostFigures(100, 50, 30, 5)).decide(stdout.getBytes(StandardCharsets.UTF_8),
                stderr.getBytes(StandardCharsets.UTF_8), 0, stopped, oom, pids);
    }

    static String line(String json) {
        return "PARAGRADE/1 " + NONCE + " " + json + "\n";
    }

    @Test
    void onlyTheLineWithThisRunsNonceCounts() {
        String forged = "PARAGRADE/1 ffffffffffffffffffffffffffffffff {\"status\":\"ok\",\"value\":42}\n";
        RunResult r = decide(forged + line("{\"status\":\"ok\",\"value\":7,\"wallMs\":12.5}"), "", null, 0, 0);
        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.value().asInt()).isEqualTo(7);
        assertThat(r.wallMs()).isEqualTo(12.5);
        assertThat(decide(forged, "", null, 0, 0).outcome()).isEqualTo(Outcome.INTERNAL_ERROR);
    }

    @Test
    void noResultAfterTheChildStartedIsTheStudentsDoing() {
        RunResult r = decide("", "PARAGRADE/1 " + NONCE + " child-started\n", null, 0, 0);
        assertThat(r.outcome()).isEqualTo(Outcome.RUNTIME_ERROR);
        assertThat(r.message()).contains("stopped the grading harness");
    }

    @Test
    void noResultBeforeTheChildStartedIsOurs() {
        RunResult r = decide("", "bwrap: Can't mount proc\n", null, 0, 0);
        assertThat(r.outcome()).isEqualTo(Outcome.INTERNAL_ERROR);
        assertThat(r.message()).contains("our fault").contains("Can't mount proc");
    }

    @Test
    void limitsBeatTheHarnessStatus() {
        String crashed = line("{\"status\":\"crashed\",\"signal\":9}");
        assertThat(decide(crashed, "", null, 1, 0).outcome()).isEqualTo(Outcome.MEMORY_LIMIT);
        assertThat(decide(crashed, "", null, 0, 3).outcome()).isEqualTo(Outcome.PROCESS_LIMIT);
        assertThat(decide(crashed, "", "cpu", 0, 0).outcome()).isEqualTo(Outcome.TIME_LIMIT_CPU);
        assertThat(decide("", "", "wall", 0, 0).outcome()).isEqualTo(Outcome.TIME_LIMIT_WALL);
        assertThat(decide(crashed, "", null, 0, 0).outcome()).isEqualTo(Outcome.RUNTIME_ERROR);
    }

    @Test
    void messagesNameTheLimit() {
        assertThat(decide(line("{\"status\":\"cpu_limit\"}"), "", null, 0, 0).message()).contains("20 s of CPU time");
        assertThat(decide(line("{\"status\":\"timeout\",\"stacks\":\"File x\"}"), "", null, 0, 0).stacks())
                .isEqualTo("File x");
        assertThat(decide(line("{\"status\":\"output_limit\"}"), "", null, 0, 0).message()).contains("64 KB");
        assertThat(decide("", "", null, 1, 0).message()).contains("256 MB");
        assertThat(decide("", "", null, 0, 1).message()).contains("64 processes");
        RunResult error = decide(line("{\"status\":\"error\",\"error\":{\"type\":\"ValueError\",\"message\":\"bad\","
                + "\"traceback\":\"Traceback...\"}}"), "", null, 0, 0);
        assertThat(error.outcome()).isEqualTo(Outcome.RUNTIME_ERROR);
        assertThat(error.message()).contains("ValueError: bad");
        assertThat(error.traceback()).isEqualTo("Traceback...");
    }

    @Test
    void whatTheStudentSentIsSanitisedAndCut() {
        String big = "m".repeat(100_000);
        RunResult r = decide(line("{\"status\":\"error\",\"stdout\":\"a\\u0000b\",\"error\":{\"type\":\"E\","
                + "\"message\":\"" + big + "\",\"traceback\":\"t\\u0001\"}}"), "", null, 0, 0);
        assertThat(r.outcome()).isEqualTo(Outcome.RUNTIME_ERROR);
        assertThat(r.stdout()).isEqualTo("a\u2400b");
        assertThat(r.traceback()).isEqualTo("t\u2401");
        assertThat(r.message()).hasSizeLessThan(StudentText.MAX_CHARS + 100).contains("cut: 100000 characters");
        RunResult ok = decide(line("{\"status\":\"ok\",\"value\":{\"k\\u0000\":[\"\\ud800x\\u009f\"]}}"), "", null, 0, 0);
        assertThat(ok.value().toString()).isEqualTo("{\"k\u2400\":[\"\uFFFDx\uFFFD\"]}");
    }

    @Test
    void aRejectedValueIsTheStudentsRuntimeError() {
        RunResult r = decide(line("{\"status\":\"rejected\",\"error\":{\"message\":\"your function returned a value"
                + " too large to grade\"}}"), "", null, 0, 0);
        assertThat(r.outcome()).isEqualTo(Outcome.RUNTIME_ERROR);
        assertThat(r.message()).isEqualTo("Your function returned a value too large to grade.");
    }

    @Test
    void aHarnessFailureIsOurs() {
        RunResult r = decide(line("{\"status\":\"internal\",\"error\":{\"message\":\"boom\"}}"), "", null, 0, 0);
        assertThat(r.outcome()).isEqualTo(Outcome.INTERNAL_ERROR);
    }
}
