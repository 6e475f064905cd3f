package org.paragrade.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paragrade.curriculum.ManifestParser;

class LimitsEditorTest {
    private static final String YAML = """
            slug: demo
            title: Demo   # a comment that must survive
            kind: cpu
            limits:
              cpuSeconds: 40   # all processes together
              wallSeconds: 20
              memoryMb: 512
              maxProcesses: 64
              outputKb: 64
            scoring:
              correctness: 50
            """;

    private static Map<String, Number> limits(double cpu, double wall, int mem, int procs, int out) {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("cpuSeconds", cpu);
        m.put("wallSeconds", wall);
        m.put("memoryMb", mem);
        m.put("maxProcesses", procs);
        m.put("outputKb", out);
        return m;
    }

    @Test
    void replacesValuesInPlaceAndKeepsComments() {
        String out = LimitsEditor.withLimits(YAML, limits(30, 12.5, 256, 32, 128));
        assertThat(out).contains("  cpuSeconds: 30   # all processes together\n", "  wallSeconds: 12.5\n",
                "  memoryMb: 256\n", "  maxProcesses: 32\n", "  outputKb: 128\n",
                "title: Demo   # a comment that must survive", "scoring:\n  correctness: 50");
    }

    @Test
    void flowStyleLimitsAreRewrittenAsAWhole() {
        String yaml = YAML.replaceAll("(?s)limits:.*?scoring:", "limits: {cpuSeconds: 1, wallSeconds: 2, memoryMb: 3, maxProcesses: 4, outputKb: 5}\nscoring:");
        String out = LimitsEditor.withLimits(yaml, limits(30, 12, 256, 32, 128));
        assertThat(out).contains("cpuSeconds: 30", "memoryMb: 256", "slug: demo");
    }

    @Test
    void theRealPrimesManifestStaysParseable() throws Exception {
        String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("exercises/primes/exercise.yaml"));
        String out = LimitsEditor.withLimits(yaml, limits(10, 5, 128, 16, 32));
        var m = ManifestParser.parse(out);
        assertThat(m.limits().cpuSeconds()).isEqualTo(10);
        assertThat(m.limits().memoryMb()).isEqualTo(128);
        assertThat(m.slug()).isEqualTo("primes");
        assertThat(m.cases()).hasSize(ManifestParser.parse(yaml).cases().size());
    }
}
