package org.paragrade.curriculum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paragrade.measure.ExpectedModel;
import org.paragrade.measure.Kind;
import org.paragrade.measure.RunVariant;

/** Parses {@code exercise.yaml} and reports every schema problem at once, in words an instructor understands. */
public final class ManifestParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The same ids as {@code sandbox.InterpreterEntry} (curriculum sits below the sandbox and does not import it). */
    static final String INTERPRETER_ID = "[a-z0-9][a-z0-9.+-]{0,39}";
    private static final List<String> KINDS = java.util.Arrays.stream(Kind.values()).map(Kind::word).toList();
    private static final List<String> MODELS = java.util.Arrays.stream(ExpectedModel.values()).map(ExpectedModel::word).toList();

    private ManifestParser() {
    }

    public static ExerciseManifest parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (Exception e) {
            throw new BundleRefused("exercise.yaml is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new BundleRefused("exercise.yaml must be a mapping of fields");
        }
        return new ManifestParser.Reader(root).read();
    }

    /** The manifest as stored in {@code exercise_version.manifest}. */
    public static String toJson(ExerciseManifest manifest) {
        try {
            return JSON.writeValueAsString(manifest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static ExerciseManifest fromJson(String json) {
        try {
            return JSON.readValue(json, ExerciseManifest.class);
        } catch (Exception e) {
            throw new IllegalStateException("Stored manifest cannot be read", e);
        }
    }

    private static final class Reader {
        private final JsonNode root;
        private final List<String> errors = new ArrayList<>();

        Reader(JsonNode root) {
            this.root = root;
        }

        ExerciseManifest read() {
            String slug = text(root, "slug", true);
            if (slug != null && !slug.matches("[a-z0-9][a-z0-9-]{1,39}")) {
                errors.add("slug '" + slug + "' must be 2-40 lowercase letters, digits or dashes");
            }
            String title = text(root, "title", true);
            String kindWord = text(root, "kind", true);
            Kind kind = kindWord == null ? null : Kind.parse(kindWord).orElse(null);
            if (kindWord != null && kind == null) {
                errors.add("kind must be one of " + KINDS + ", not '" + kindWord + "'");
            }
            JsonNode entryNode = object(root, "entry");
            ExerciseManifest.Entry entry = null;
            if (entryNode != null) {
                String name = text(entryNode, "name", true);
                if (name != null && !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    errors.add("entry.name '" + name + "' is not a Python identifier");
                }
                String type = entryNode.hasNonNull("type") ? entryNode.get("type").asText() : "function";
                if (!type.equals("function") && !type.equals("class")) {
                    errors.add("entry.type must be 'function' or 'class'");
                }
                entry = new ExerciseManifest.Entry(name, type, text(entryNode, "signature", true));
            }
            String modelWord = text(root, "expectedModel", true);
            ExpectedModel model = modelWord == null ? null : ExpectedModel.parse(modelWord).orElse(null);
            if (modelWord != null && model == null) {
                errors.add("expectedModel must be one of " + MODELS + ", not '" + modelWord + "'");
            }
            List<ExerciseManifest.Case> cases = new ArrayList<>();
            JsonNode casesNode = root.get("cases");
            if (casesNode == null || !casesNode.isArray() || casesNode.isEmpty()) {
                errors.add("cases must be a non-empty list");
            } else {
                int i = 0;
                for (JsonNode c : casesNode) {
                    i++;
                    String name = c.hasNonNull("name") ? c.get("name").asText() : "case " + i;
                    JsonNode params = c.get("params");
                    if (params == null || !params.isObject()) {
                        errors.add("case '" + name + "' needs params (a mapping of keyword arguments)");
                        continue;
                    }
                    cases.add(new ExerciseManifest.Case(name, map(params), visibility(c, name)));
                }
            }
            ExerciseManifest.Stress stress = null;
            if (root.hasNonNull("stress")) {
                JsonNode s = root.get("stress");
                stress = new ExerciseManifest.Stress(s.path("repeat").asInt(3), s.path("switchInterval").asDouble(1e-6));
                if (stress.repeat() < 0 || stress.repeat() > 50) {
                    errors.add("stress.repeat must be between 0 and 50");
                }
            }
            ExerciseManifest.Benchmark benchmark = null;
            JsonNode b = object(root, "benchmark");
            if (b != null) {
                List<Integer> workers = new ArrayList<>();
                if (b.path("workers").isArray()) {
                    b.get("workers").forEach(w -> workers.add(w.asInt()));
                }
                if (workers.isEmpty() || !workers.contains(1) || workers.stream().anyMatch(w -> w < 1 || w > 512)) {
                    errors.add("benchmark.workers must list worker counts between 1 and 512, including 1");
                }
                workers.sort(Integer::compare);
                JsonNode params = b.get("params");
                if (params != null && !params.isObject()) {
                    errors.add("benchmark.params must be a mapping");
                }
                int rounds = b.path("rounds").asInt(3);
                if (rounds < 1 || rounds > 20) {
                    errors.add("benchmark.rounds must be between 1 and 20");
                }
                Map<String, Object> values = params == null ? Map.of() : map(params);
                values.forEach((k, v) -> {
                    if (v instanceof Map<?, ?> m && (m.containsKey("from") || m.containsKey("to"))
                            && ExerciseManifest.Benchmark.range(v).isEmpty()) {
                        errors.add("benchmark.params." + k + " must be an integer range {from: a, to: b} with a <= b");
                    }
                });
                Integer scoreAt = b.hasNonNull("scoreAt") ? b.get("scoreAt").asInt() : null;
                if (scoreAt != null && !workers.contains(scoreAt)) {
                    errors.add("benchmark.scoreAt must be one of the benchmark's worker counts " + workers);
                }
                List<String> interpreters = new ArrayList<>();
                JsonNode in = b.get("interpreters");
                if (in != null && !in.isNull()) {
                    if (!in.isArray()) {
                        errors.add("benchmark.interpreters must be a list of interpreter ids, e.g. [cpython-3.11, cpython-3.13t]");
                    } else {
                        for (JsonNode id : in) {
                            String word = id.asText().trim();
                            if (!word.matches(INTERPRETER_ID)) {
                                errors.add("benchmark.interpreters: '" + word + "' is not an interpreter id (lowercase"
                                        + " letters, digits, dots, dashes, like cpython-3.13t)");
                            } else if (interpreters.contains(word)) {
                                errors.add("benchmark.interpreters lists '" + word + "' twice");
                            } else {
                                interpreters.add(word);
                            }
                        }
                    }
                }
                String scoreOn = b.hasNonNull("scoreOn") ? b.get("scoreOn").asText().trim() : null;
                if (scoreOn != null && !interpreters.contains(scoreOn)) {
                    errors.add("benchmark.scoreOn must be one of benchmark.interpreters " + interpreters + ", not '"
                            + scoreOn + "'");
                }
                benchmark = new ExerciseManifest.Benchmark(values, List.copyOf(workers), rounds, scoreAt,
                        List.copyOf(interpreters), scoreOn);
            }
            List<RunVariant> references = new ArrayList<>();
            List<String> words = new ArrayList<>();
            if (root.path("references").isArray()) {
                root.get("references").forEach(r -> words.add(r.asText()));
            } else {
                RunVariant.REQUIRED_REFERENCES.forEach(r -> words.add(r.word()));
            }
            for (String w : words) {
                RunVariant r = RunVariant.parse(w).filter(RunVariant::isReference).orElse(null);
                if (r == null) {
                    errors.add("reference '" + w + "' must be one of " + RunVariant.referenceWords()
                            + " (reference/<name>.py)");
                } else if (!references.contains(r)) {
                    references.add(r);
                }
            }
            for (RunVariant required : RunVariant.REQUIRED_REFERENCES) {
                if (!words.contains(required.word())) {
                    errors.add("references must include '" + required.word() + "'");
                }
            }
            ExerciseManifest.Limits limits = null;
            JsonNode l = object(root, "limits");
            if (l != null) {
                limits = new ExerciseManifest.Limits(
                        positive(l, "cpuSeconds", 600), positive(l, "wallSeconds", 600),
                        (int) positive(l, "memoryMb", 8192), (int) positive(l, "maxProcesses", 1024),
                        (int) positive(l, "outputKb", 4096));
            }
            ExerciseManifest.Scoring scoring = null;
            JsonNode s = object(root, "scoring");
            if (s != null) {
                scoring = new ExerciseManifest.Scoring(
                        s.path("correctness").asDouble(-1), s.path("performance").asDouble(-1),
                        s.path("behaviour").asDouble(-1), s.path("performanceTarget").asDouble(0.8),
                        s.hasNonNull("keep") ? s.get("keep").asText() : "best");
                if (scoring.correctness() < 0 || scoring.performance() < 0 || scoring.behaviour() < 0) {
                    errors.add("scoring needs non-negative correctness, performance and behaviour weights");
                } else if (scoring.max() <= 0) {
                    errors.add("scoring weights must not all be zero");
                }
                if (scoring.performanceTarget() <= 0 || scoring.performanceTarget() > 2) {
                    errors.add("scoring.performanceTarget must be in (0, 2]");
                }
                if (!scoring.keep().equals("best") && !scoring.keep().equals("latest")) {
                    errors.add("scoring.keep must be 'best' or 'latest'");
                }
            }
            Instant deadline = null;
            if (root.hasNonNull("deadline")) {
                try {
                    deadline = Instant.parse(root.get("deadline").asText());
                } catch (DateTimeParseException e) {
                    errors.add("deadline must be an ISO-8601 instant like 2026-12-01T23:59:00Z");
                }
            }
            Integer maxAttempts = root.hasNonNull("maxAttempts") ? root.get("maxAttempts").asInt() : null;
            if (maxAttempts != null && maxAttempts < 1) {
                errors.add("maxAttempts must be at least 1 (or absent)");
            }
            boolean published = !root.has("published") || root.get("published").asBoolean(true);
            Boolean revealModel = true;
            if (root.hasNonNull("revealModel")) {
                if (!root.get("revealModel").isBoolean()) {
                    errors.add("revealModel must be true or false");
                }
                revealModel = root.get("revealModel").asBoolean(true);
            }
            if (!errors.isEmpty()) {
                throw new BundleRefused(errors);
            }
            return new ExerciseManifest(slug, title, kind, entry, model, List.copyOf(cases), stress, benchmark,
                    List.copyOf(references), limits, scoring, deadline, maxAttempts, published, revealModel);
        }

        private Visibility visibility(JsonNode c, String name) {
            if (!c.hasNonNull("visibility")) {
                return Visibility.VISIBLE;
            }
            String word = c.get("visibility").asText().trim();
            Visibility v = Visibility.parse(word).orElse(null);
            if (v == null) {
                errors.add("case '" + name + "': visibility must be visible, hidden or after-deadline, not '" + word + "'");
                return Visibility.VISIBLE;
            }
            return v;
        }

        private String text(JsonNode node, String field, boolean required) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull() || v.asText().isBlank()) {
                if (required) {
                    errors.add("missing field '" + field + "'");
                }
                return null;
            }
            return v.asText().trim();
        }

        private JsonNode object(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isObject()) {
                errors.add("missing section '" + field + "'");
                return null;
            }
            return v;
        }

        private double positive(JsonNode node, String field, double max) {
            JsonNode v = node.get(field);
            if (v == null || !v.isNumber() || v.asDouble() <= 0 || v.asDouble() > max) {
                errors.add("limits." + field + " must be a number in (0, " + (long) max + "]");
                return 1;
            }
            return v.asDouble();
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> map(JsonNode node) {
            return new LinkedHashMap<>(JSON.convertValue(node, Map.class));
        }
    }
}
