package org.paragrade.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paragrade.measure.ExpectedModel;
import org.paragrade.measure.Kind;
import org.paragrade.measure.RunVariant;

class ManifestParserTest {
    private static String primes() throws Exception {
        return Files.readString(Path.of("exercises/primes/exercise.yaml"));
    }

    @Test
    void theWordsOfTheYamlBecomeTheCoursesTypes() throws Exception {
        ExerciseManifest m = ManifestParser.parse(primes());
        assertThat(m.kind()).isEqualTo(Kind.CPU);
        assertThat(m.expectedModel()).isEqualTo(ExpectedModel.PROCESSES);
        assertThat(m.references()).containsExactly(RunVariant.SEQUENTIAL, RunVariant.THREADS, RunVariant.PROCESSES);
        // and the stored form (JSON) reads back the same
        assertThat(ManifestParser.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m)))
                .isEqualTo(m);
    }

    @Test
    void theBenchmarkWorkloadIsDrawnPerGradingFromItsRange() throws Exception {
        ExerciseManifest.Benchmark b = ManifestParser.parse(primes()).benchmark();
        assertThat(b.drawn()).isTrue();
        Set<Object> limits = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            Object limit = b.draw(seed).get("limit");
            assertThat(((Number) limit).longValue()).isBetween(420000L, 480000L);
            limits.add(limit);
        }
        assertThat(limits).as("fifty gradings, fifty different workloads (nearly)").hasSizeGreaterThan(45);
        assertThat(b.draw(7)).isEqualTo(b.draw(7));
    }

    @Test
    void aBadRangeOrAnUnknownReferenceIsRefusedInWords() throws Exception {
        String bad = primes().replace("{limit: {from: 420000, to: 480000}}", "{limit: {from: 9, to: 3}}")
                .replace("references: [sequential, threads, processes]", "references: [sequential, threads, processes, magic]");
        assertThatThrownBy(() -> ManifestParser.parse(bad)).isInstanceOf(BundleRefused.class)
                .hasMessageContaining("benchmark.params.limit must be an integer range")
                .hasMessageContaining("reference 'magic' must be one of");
    }

    @Test
    void anExerciseMayAskForSeveralInterpretersAndSaysWhichOneIsScored() throws Exception {
        ExerciseManifest m = ManifestParser.parse(Files.readString(Path.of("exercises/free-threading/exercise.yaml")));
        assertThat(m.benchmark().interpreters()).containsExactly("cpython-3.11", "cpython-3.13t");
        assertThat(m.benchmark().scoredInterpreter()).isEqualTo("cpython-3.13t");
        assertThat(m.benchmark().evidenceInterpreters()).containsExactly("cpython-3.11");
        assertThat(ManifestParser.fromJson(ManifestParser.toJson(m))).isEqualTo(m);
        // without scoreOn, the first listed; without the list, the server's default (null)
        ExerciseManifest first = ManifestParser.parse(Files.readString(Path.of("exercises/free-threading/exercise.yaml"))
                .replace("  scoreOn: cpython-3.13t\n", ""));
        assertThat(first.benchmark().scoredInterpreter()).isEqualTo("cpython-3.11");
        assertThat(ManifestParser.parse(primes()).benchmark().scoredInterpreter()).isNull();
        assertThat(ManifestParser.parse(primes()).benchmark().evidenceInterpreters()).isEmpty();
    }

    @Test
    void aBadInterpreterListIsRefusedInWords() throws Exception {
        String yaml = Files.readString(Path.of("exercises/free-threading/exercise.yaml"));
        assertThatThrownBy(() -> ManifestParser.parse(yaml.replace("[cpython-3.11, cpython-3.13t]",
                "[cpython-3.11, cpython-3.11, 'CPython 3.13']")))
                .isInstanceOf(BundleRefused.class)
                .hasMessageContaining("benchmark.interpreters lists 'cpython-3.11' twice")
                .hasMessageContaining("benchmark.interpreters: 'CPython 3.13' is not an interpreter id")
                .hasMessageContaining("benchmark.scoreOn must be one of benchmark.interpreters [cpython-3.11]");
        assertThatThrownBy(() -> ManifestParser.parse(yaml.replace("[cpython-3.11, cpython-3.13t]", "cpython-3.13t")))
                .isInstanceOf(BundleRefused.class).hasMessageContaining("benchmark.interpreters must be a list");
    }
}
