package org.paragrade.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.paragrade.grading.Comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkers' services run in the supervisor, salted with the grading's secret and counting what they saw
 * (docs/SANDBOX.md, "Checker services"). Each hostile fixture is run on a real exercise's checker, beside that
 * exercise's reference under another secret: what the grader compares is the reference's salt-free value.
 */
class CheckerServicesTest {
    static final Limits LIMITS = new Limits(10, 15, 256, 64, 64);
    static final Map<String, Object> DOWNLOADS = Map.of("count", 5, "latencyMs", 20, "workers", 2);
    static final Map<String, Object> PIPELINE = Map.of("count", 10, "latencyMs", 10, "gapMs", 30, "workers", 3);

    @Test
    void referencesAnswerTheSameSaltFreeValueUnderEverySecretAndTheServiceCountsTheirRequests() throws Exception {
        RunResult one = run("downloads", reference("downloads", "threads"), "fetch_all", DOWNLOADS, secret('1'));
        RunResult two = run("downloads", reference("downloads", "threads"), "fetch_all", DOWNLOADS, secret('2'));
        assertThat(one.outcome()).as(one.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(one.value()).isEqualTo(two.value());
        assertThat(one.value().path("/files/0000.txt").asText()).matches("[0-9a-f]{64}");
        assertThat(one.service()).isEqualTo(new RunResult.ServiceCounts(5, 2));
    }

    @Test
    void downloadsCannotBeAnsweredOfflineTheCheckerAndTheSecretAreOutOfReach() throws Exception {
        String secret = secret('7');
        RunResult r = run("downloads", SandboxFixture.solution("offline_downloads.py"), "fetch_all", DOWNLOADS, secret);
        RunResult reference = run("downloads", reference("downloads", "sequential"), "fetch_all", DOWNLOADS, secret('8'));
        assertThat(r.outcome()).as(r.message() + r.traceback()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.service().requests()).as("the service saw no request").isZero();
        assertThat(r.value().path("/files/0000.txt").asText()).startsWith("not the SHA-256 of the body served");
        assertThat(Comparison.firstDifference(reference.value(), r.value())).as("the grader's verdict")
                .contains("not the SHA-256 of the body served");
        JsonNode seen = new ObjectMapper().readTree(r.stdout());
        assertThat(seen.path("probes").toString()).contains("open /exercise/checker.py: FileNotFoundError",
                "import checker: ModuleNotFoundError", "/proc/1/fd/0: PermissionError", "/proc/1/mem: PermissionError",
                "exercise dir: none");
        assertThat(seen.path("secrets").toString()).doesNotContain(secret);
    }

    @Test
    void pipelinePacingAndLeftoversAreTheServersAndTheSupervisorsWhateverThePatches() throws Exception {
        RunResult r = run("pipeline", SandboxFixture.solution("patched_pipeline.py"), "run_pipeline", PIPELINE, secret('3'));
        RunResult reference = run("pipeline", reference("pipeline", "threads"), "run_pipeline", PIPELINE, secret('4'));
        assertThat(r.outcome()).as(r.message() + r.traceback()).isEqualTo(Outcome.COMPLETED);
        assertThat(reference.value().path("threadsLeftRunning").asInt()).isZero();
        assertThat(reference.value().path("processesLeftRunning").asInt()).isZero();
        assertThat(r.wallMs()).as("10 orders 30 ms apart, time.sleep patched").isGreaterThanOrEqualTo(300);
        assertThat(r.value().path("totals")).as("priced right").isEqualTo(reference.value().path("totals"));
        assertThat(r.value().path("threadsLeftRunning").asInt()).as("hidden from threading.enumerate").isEqualTo(1);
        assertThat(r.value().path("processesLeftRunning").asInt()).as("hidden from active_children").isEqualTo(1);
        assertThat(Comparison.firstDifference(reference.value(), r.value())).contains("threadsLeftRunning");
    }

    @Test
    void aLeftoverDisguisedAsMultiprocessingsHelperIsStillCounted() throws Exception {
        RunResult r = run("pipeline", SandboxFixture.solution("disguised_leftover.py"), "run_pipeline", PIPELINE,
                secret('6'));
        assertThat(r.outcome()).as(r.message() + r.traceback()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.value().path("processesLeftRunning").asInt()).isEqualTo(1);
    }

    @Test
    void pipelineQuotesCannotBeGuessedWithoutReadingTheStream() throws Exception {
        RunResult r = run("pipeline", SandboxFixture.solution("unpaced_pipeline.py"), "run_pipeline", PIPELINE, secret('5'));
        assertThat(r.outcome()).as(r.message() + r.traceback()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.value().path("totals").path("ada").asText()).startsWith("not the sum of quantity x quoted price");
        assertThat(r.service().requests()).isEqualTo(10);
    }

    @Test
    void theStressSwitchIntervalIsSetAgainAfterTheImportThatUndidIt() throws Exception {
        RunResult r = SandboxFixture.sandbox().run(new RunRequest("stress", SandboxFixture.solution("undo_stress.py"),
                null, new HarnessSpec("run", "function", Map.of(), false, 1e-6), LIMITS));
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.value().asDouble()).isEqualTo(1e-6);
    }

    @Test
    void theStressSwitchIntervalUndoneInsideTheCallIsSetAgainAtOnce() throws Exception {
        RunResult r = SandboxFixture.sandbox().run(new RunRequest("stress", SandboxFixture.solution("undo_stress_in_call.py"),
                null, new HarnessSpec("run", "function", Map.of(), false, 1e-6), LIMITS));
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.value().asDouble()).isEqualTo(1e-6);
    }

    private static RunResult run(String exercise, Path solution, String entry, Map<String, Object> params,
                                 String secret) throws IOException {
        RunResult r = SandboxFixture.sandbox().run(new RunRequest(exercise, solution, Path.of("exercises", exercise),
                new HarnessSpec(entry, "function", params, true, null, secret), LIMITS));
        SandboxFixture.assertHostClean(null);
        return r;
    }

    private static Path reference(String exercise, String name) throws IOException {
        Path dir = Files.createTempDirectory("pg-reference-");
        Files.copy(Path.of("exercises", exercise, "reference", name + ".py"), dir.resolve("solution.py"));
        return dir;
    }

    private static String secret(char digit) {
        return String.valueOf(digit).repeat(32);
    }
}
