package org.paragrade.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings rules both faces share: what a deadline, an attempt limit and a limit may look like. */
class ExerciseSettingsTest {

    @Test
    void aDeadlineIsAnInstantOrALocalTimeReadAsUtc() {
        List<String> problems = new ArrayList<>();
        assertThat(ExerciseSettings.deadline("2026-12-01T23:59:00Z", problems)).isEqualTo(Instant.parse("2026-12-01T23:59:00Z"));
        assertThat(ExerciseSettings.deadline("2026-12-02T00:59:00+01:00", problems)).isEqualTo(Instant.parse("2026-12-01T23:59:00Z"));
        assertThat(ExerciseSettings.deadline("2026-12-01T23:59", problems)).isEqualTo(Instant.parse("2026-12-01T23:59:00Z"));
        assertThat(ExerciseSettings.deadline(" ", problems)).isNull();
        assertThat(ExerciseSettings.deadline(null, problems)).isNull();
        assertThat(problems).isEmpty();
    }

    @Test
    void anythingElseIsOneClearMessage() {
        for (Object bad : List.of("soon", "01/12/2026", "2026-12-01", 1764633540L)) {
            List<String> problems = new ArrayList<>();
            ExerciseSettings.deadline(bad, problems);
            assertThat(problems).as("%s", bad).containsExactly(ExerciseSettings.DEADLINE_FORMAT);
        }
    }

    @Test
    void attemptsAreWholeNumbersGivenAsNumbersOrText() {
        List<String> problems = new ArrayList<>();
        assertThat(ExerciseSettings.attempts(3, problems)).isEqualTo(3);
        assertThat(ExerciseSettings.attempts("3", problems)).isEqualTo(3);
        assertThat(ExerciseSettings.attempts(3.0, problems)).isEqualTo(3);
        assertThat(ExerciseSettings.attempts("", problems)).isNull();
        assertThat(problems).isEmpty();
        for (Object bad : List.of("three", 2.5, "2.5", true, 1e12)) {
            problems.clear();
            ExerciseSettings.attempts(bad, problems);
            assertThat(problems).as("%s", bad).containsExactly(ExerciseSettings.ATTEMPTS_WHOLE);
        }
        problems.clear();
        ExerciseSettings.attempts("0", problems);
        assertThat(problems).containsExactly(ExerciseSettings.ATTEMPTS_POSITIVE);
    }

    @Test
    void publishedIsTrueOrFalse() {
        List<String> problems = new ArrayList<>();
        assertThat(ExerciseSettings.published(true, problems)).isTrue();
        assertThat(ExerciseSettings.published("false", problems)).isFalse();
        assertThat(problems).isEmpty();
        ExerciseSettings.published("yes", problems);
        assertThat(problems).containsExactly("published must be true or false.");
    }

    @Test
    void limitsListEveryProblem() {
        List<String> problems = new ArrayList<>();
        var limits = ExerciseSettings.limits(Map.of("cpuSeconds", "12.5", "wallSeconds", 10, "memoryMb", "256",
                "maxProcesses", 32, "outputKb", "64"), problems);
        assertThat(problems).isEmpty();
        assertThat(limits).isEqualTo(new ExerciseManifest.Limits(12.5, 10, 256, 32, 64));
        assertThat(ExerciseSettings.limits(Map.of("cpuSeconds", "lots", "wallSeconds", "0", "memoryMb", "1.5",
                "maxProcesses", "32"), problems)).isNull();
        assertThat(problems).containsExactly("CPU time must be a number.", "Wall time must be more than 0.",
                "Memory must be a whole number.", "Output must be a whole number.");
    }
}
