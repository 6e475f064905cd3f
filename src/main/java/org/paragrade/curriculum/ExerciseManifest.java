package org.paragrade.curriculum;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.paragrade.measure.ExpectedModel;
import org.paragrade.measure.Kind;
import org.paragrade.measure.RunVariant;

/** {@code exercise.yaml}, parsed and checked (schema in docs/CONTRACTS.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExerciseManifest(
        String slug,
        String title,
        Kind kind,
        Entry entry,
        ExpectedModel expectedModel,
        List<Case> cases,
        Stress stress,
        Benchmark benchmark,
        List<RunVariant> references,
        Limits limits,
        Scoring scoring,
        Instant deadline,
        Integer maxAttempts,
        boolean published,
        Boolean revealModel) {

    /** Whether students are told the expected model (absent in manifests stored before it existed: yes). */
    @JsonIgnore
    public boolean revealsModel() {
        return revealModel == null || revealModel;
    }

    public record Entry(String name, String type, String signature) {
        @JsonIgnore
        public boolean isClass() {
            return "class".equals(type);
        }
    }

    /** @param visibility null in manifests stored before it existed: visible */
    public record Case(String name, Map<String, Object> params, Visibility visibility) {
        public Case(String name, Map<String, Object> params) {
            this(name, params, Visibility.VISIBLE);
        }

        @JsonIgnore
        public Visibility shown() {
            return visibility == null ? Visibility.VISIBLE : visibility;
        }
    }

    /** Extra runs of every case with a tiny switch interval, so races show up. */
    public record Stress(int repeat, double switchInterval) {
    }

    /**
     * @param params  the workload's keyword arguments; an integer given as {@code {from: a, to: b}} is drawn
     *                per grading (uniformly, a..b inclusive) and never shown to the student, so no answer
     *                can be hard-coded
     * @param scoreAt the worker count the grade is taken at (null: the largest count not above the cores)
     * @param interpreters ids of the interpreters ({@code paragrade.interpreters}) the solution is checked and
     *                benchmarked on, each in interleaved rounds of its own; empty (or absent in manifests stored
     *                before it existed): the server's default interpreter only
     * @param scoreOn the one of {@code interpreters} whose benchmark the performance score is taken from (null:
     *                the first listed); the others are evidence shown beside it
     */
    public record Benchmark(Map<String, Object> params, List<Integer> workers, int rounds, Integer scoreAt,
                            List<String> interpreters, String scoreOn) {
        public Benchmark {
            interpreters = interpreters == null ? List.of() : List.copyOf(interpreters);
        }

        public Benchmark(Map<String, Object> params, List<Integer> workers, int rounds, Integer scoreAt) {
            this(params, workers, rounds, scoreAt, List.of(), null);
        }

        /** The interpreter the score is taken on; null: the default one. */
        @JsonIgnore
        public String scoredInterpreter() {
            return scoreOn != null ? scoreOn : interpreters.isEmpty() ? null : interpreters.get(0);
        }

        /** The other listed interpreters, benchmarked as evidence, in the order listed. */
        @JsonIgnore
        public List<String> evidenceInterpreters() {
            return interpreters.stream().filter(i -> !i.equals(scoredInterpreter())).toList();
        }

        @JsonIgnore
        public int maxWorkers() {
            return workers.stream().mapToInt(Integer::intValue).max().orElse(1);
        }

        /** The workload of one grading, every range drawn with this seed (the same seed, the same workload). */
        public Map<String, Object> draw(long seed) {
            java.util.Random random = new java.util.Random(seed);
            Map<String, Object> drawn = new java.util.LinkedHashMap<>();
            params.forEach((k, v) -> drawn.put(k, range(v).map(r -> r[0] + (long) (random.nextDouble() * (r[1] - r[0] + 1)))
                    .map(x -> (Object) x).orElse(v)));
            return drawn;
        }

        /** The workload has a part drawn per grading. */
        @JsonIgnore
        public boolean drawn() {
            return params.values().stream().anyMatch(v -> range(v).isPresent());
        }

        /** {@code {from: a, to: b}} with integers a <= b, as {a, b}. */
        static java.util.Optional<long[]> range(Object v) {
            if (v instanceof Map<?, ?> m && m.size() == 2 && m.get("from") instanceof Number a
                    && m.get("to") instanceof Number b && a.longValue() <= b.longValue()) {
                return java.util.Optional.of(new long[]{a.longValue(), b.longValue()});
            }
            return java.util.Optional.empty();
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
