package org.paragrade.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.paragrade.testing.Api;
import org.paragrade.testing.GradingProfile;

/**
 * Every bundle of the curriculum, graded as a student would meet it: the starter a student begins
 * from is correct but earns no speed-up, and the reference written in the model the exercise
 * teaches earns full marks when uploaded as a solution — through the real queue, sandbox and
 * benchmark, side by side with the references.
 *
 * <p>primes, bank and downloads have dedicated tests with harder cases (a wrong answer, a race, a
 * deadlock, threads vs processes) that also submit their starter and expected reference; this test
 * grades the rest, so that a bundle added to {@code exercises/} is covered without being named.
 *
 * <p>It grades with the server's default extra rounds: the reference and its copy uploaded as the
 * student are the same code measured side by side, and on a noisy machine three runs each can put
 * their medians 20% apart — exactly what the extra rounds of the unsteady cells are there to settle.
 */
@QuarkusTest
@TestProfile(GradingProfile.class)
class CurriculumGradingTest {

    /** Graded end to end by PrimesGradingTest, BankGradingTest and DownloadsGradingTest. */
    static final Set<String> COVERED_ELSEWHERE = Set.of("primes", "bank", "downloads");

    /**
     * Full marks, up to the noise of timing the same code twice: the student's copy of the reference
     * and the reference itself are separate runs, and the scorer's ramp turns a few percent of
     * wobble below the target fraction into a few performance points.
     */
    static final double FULL_MARKS_TOLERANCE = 0.05;

    record Pair(String slug, String model, long starter, long reference) {
    }

    @Test
    void everyStarterIsCorrectButSlowAndEveryExpectedReferenceEarnsFullMarks() throws IOException {
        List<Pair> pairs = new ArrayList<>();
        for (String slug : bundles()) {
            String model = expectedModel(slug);
            String referenceFile = referenceFor(slug, model);
            // Everything is queued first: the worker grades one at a time, as for a class uploading at once.
            long starter = Api.submit("alice", slug, "solution.py", Api.exerciseFile(slug, "starter/solution.py"));
            long reference = Api.submit("bob", slug, "solution.py", Api.exerciseFile(slug, "reference/" + referenceFile));
            pairs.add(new Pair(slug, model, starter, reference));
        }
        assertThat(pairs).as("bundles graded here").hasSizeGreaterThanOrEqualTo(5);

        SoftAssertions soft = new SoftAssertions();
        Map<String, String> summary = new LinkedHashMap<>();
        for (Pair pair : pairs) {
            JsonPath s = Api.awaitGraded("alice", pair.starter(), Duration.ofMinutes(6));
            JsonPath r = Api.awaitGraded("bob", pair.reference(), Duration.ofMinutes(6));
            summary.put(pair.slug(), String.format("starter %s %.1f (%s, %s×) | reference %s %.1f of %.1f (%s, %s×, ref %s×) %s",
                    s.getString("verdict"), s.getDouble("score"), s.getString("performance.behaviour"),
                    s.getString("performance.studentSpeedup"), r.getString("verdict"), r.getDouble("score"),
                    r.getDouble("maxScore"), r.getString("performance.behaviour"), r.getString("performance.studentSpeedup"),
                    r.getString("performance.referenceSpeedup"), r.getString("scoreBreakdown.notes")));

            String slug = pair.slug();
            soft.assertThat(s.getString("verdict")).as(slug + " starter is correct: " + s.getString("message"))
                    .isEqualTo("ACCEPTED");
            soft.assertThat(s.getString("performance.behaviour")).as(slug + " starter runs sequentially")
                    .isEqualTo("SEQUENTIAL");
            soft.assertThat(s.getDouble("score")).as(slug + " starter is short of full marks")
                    .isLessThan(0.9 * s.getDouble("maxScore"));

            soft.assertThat(r.getString("verdict")).as(slug + " reference is correct: " + r.getString("message"))
                    .isEqualTo("ACCEPTED");
            if (!"any".equals(pair.model())) {
                soft.assertThat(r.getBoolean("performance.matchesExpected"))
                        .as(slug + " reference shows the taught behaviour: " + r.getString("performance.explanation"))
                        .isTrue();
            }
            soft.assertThat(r.getDouble("score")).as(slug + " reference earns full marks: " + r.getString("scoreBreakdown.notes"))
                    .isGreaterThanOrEqualTo((1 - FULL_MARKS_TOLERANCE) * r.getDouble("maxScore"));
            soft.assertThat(r.getDouble("score")).as(slug + " reference outscores the starter")
                    .isGreaterThan(s.getDouble("score"));
        }
        summary.forEach((slug, line) -> System.out.println("curriculum " + slug + ": " + line));
        soft.assertAll();
    }

    static List<String> bundles() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("exercises"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("exercise.yaml")))
                    .map(d -> d.getFileName().toString())
                    .filter(slug -> !COVERED_ELSEWHERE.contains(slug))
                    .sorted().toList();
        }
    }

    static String expectedModel(String slug) throws IOException {
        return ManifestParser.parse(Files.readString(Path.of("exercises", slug, "exercise.yaml"))).expectedModel();
    }

    /** The reference in the taught model; for "any", the one that combines them (else processes). */
    static String referenceFor(String slug, String model) {
        Path dir = Path.of("exercises", slug, "reference");
        List<String> candidates = "any".equals(model) ? List.of("hybrid.py", "processes.py") : List.of(model + ".py");
        return candidates.stream().filter(f -> Files.isRegularFile(dir.resolve(f))).findFirst()
                .orElseThrow(() -> new AssertionError(slug + " has no reference for its model " + model));
    }
}
