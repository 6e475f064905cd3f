package org.paragrade.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JPlag as the desk uses it: renamed copies found, independent work and shared starter code not. */
class JplagTest {
    private Path work;

    @BeforeEach
    void work() throws Exception {
        work = Files.createTempDirectory("jplag-test");
    }

    @AfterEach
    void clean() {
        Jplag.deleteTree(work);
    }

    private static Jplag.Source source(String key, String code) {
        return new Jplag.Source(key, Map.of("solution.py", code));
    }

    private static double similarity(Jplag.Outcome o, String x, String y) {
        return o.pairs().stream().filter(p -> (p.a().equals(x) && p.b().equals(y)) || (p.a().equals(y) && p.b().equals(x)))
                .findFirst().map(Jplag.Pair::similarity).orElse(0.0);
    }

    @Test
    void renamedCopiesScoreHighAndAnIndependentSolutionLow() {
        var o = Jplag.compare(List.of(source("original", SimilaritySamples.ORIGINAL),
                source("renamed", SimilaritySamples.RENAMED), source("independent", SimilaritySamples.INDEPENDENT)),
                Map.of(), work);

        assertThat(o.skipped()).isEmpty();
        assertThat(similarity(o, "original", "renamed")).isGreaterThan(0.8);
        assertThat(similarity(o, "original", "independent")).isLessThan(0.35);
        assertThat(similarity(o, "renamed", "independent")).isLessThan(0.35);
        assertThat(o.pairs().get(0).similarity()).isEqualTo(similarity(o, "original", "renamed"));
        Jplag.Pair copy = o.pairs().get(0);
        assertThat(copy.regions()).isNotEmpty();
        assertThat(copy.regions()).allSatisfy(r -> {
            assertThat(r.fileA()).isEqualTo("solution.py");
            assertThat(r.fromA()).isPositive().isLessThanOrEqualTo(r.toA());
        });
    }

    @Test
    void starterCodeSharedByAllDoesNotMakeIndependentSolutionsSimilar() {
        String starter = SimilaritySamples.STARTER;
        var without = Jplag.compare(List.of(source("x", starter + SimilaritySamples.INDEPENDENT_TAIL_A),
                source("y", starter + SimilaritySamples.INDEPENDENT_TAIL_B)), Map.of(), work.resolve("1"));
        var with = Jplag.compare(List.of(source("x", starter + SimilaritySamples.INDEPENDENT_TAIL_A),
                source("y", starter + SimilaritySamples.INDEPENDENT_TAIL_B)), Map.of("solution.py", starter),
                work.resolve("2"));

        assertThat(similarity(without, "x", "y")).as("without base code the starter matches").isGreaterThan(0.4);
        assertThat(similarity(with, "x", "y")).as("the starter is base code").isLessThan(0.25);
    }

    @Test
    void aPathologicalFileIsLeftOutWithItsReasonAndTheOthersCompared() {
        String deep = "x = " + "(".repeat(20_000) + "1" + ")".repeat(20_000) + "\n";
        String huge = "x = 1\n".repeat(Jplag.MAX_SOURCE_CHARS / 6 + 10);
        var o = Jplag.compare(List.of(source("a", SimilaritySamples.ORIGINAL), source("b", SimilaritySamples.RENAMED),
                source("deep", deep), source("huge", huge), source("broken", "def f(:\n  return\n")), Map.of(), work);

        assertThat(o.skipped()).containsOnlyKeys("deep", "huge", "broken");
        assertThat(o.skipped().get("huge")).contains("KB");
        assertThat(o.pairs()).hasSize(1);
    }
}
