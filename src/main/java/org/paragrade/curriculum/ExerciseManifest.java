package org.paragrade.curriculum;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code exercise.yaml}, parsed and checked (schema in docs/CONTRACTS.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExerciseManifest(
        String slug,
        String title,
        String kind,
        Entry entry,
        String expectedModel,
        List<Case> cases,
        Stress stress,
        Benchmark benchmark,
        List<String> references,
        Limits limits,
        Scoring scoring,
        Instant deadline,
        Integer maxAttempts,
        boolean published) {

    public record Entry(String name, String type, String signature) {
        @JsonIgnore
        public boolean isClass() {
            return "class".equals(type);
        }
    }

    public record Case(String name, Map<String, Object> params) {
    }

    /** Extra runs of every case with a tiny switch interval, so races show up. */
    public record Stress(int repeat, double switchInterval) {
    }

    public record Benchmark(Map<String, Object> params, List<Integer> workers, int rounds) {
        @JsonIgnore
        public int maxWorkers() {
            return workers.stream().mapToInt(Integer::intValue).max().orElse(1);
        }
    }

    public record Limits(double cpuSeconds, double wallSeconds, int memoryMb, int maxProcesses, int outputKb) {
    }

    public record Scoring(double correctness, double performance, double behaviour, double performanceTarget,
                          String keep) {
        @JsonIgnore
        public double max() {
            return correctness + performance + behaviour;
        }
    }
}
