package org.paragrade.portal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.paragrade.archive.ArchiveRefused;
import org.paragrade.curriculum.Bundle;
import org.paragrade.curriculum.BundleRefused;
import org.paragrade.curriculum.CurriculumService;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.curriculum.ExerciseVersion;
import org.paragrade.curriculum.UnknownExercise;
import org.paragrade.grading.BundleValidator;
import org.paragrade.grading.ValidationReport;
import org.paragrade.submission.Submission;

/**
 * The instructor's side of the curriculum: bundles uploaded or edited in the browser are read,
 * validated by the engine's {@link BundleValidator} and stored as a new version only when valid,
 * exactly as the API does; plus the views of exercises and their versions.
 */
@ApplicationScoped
public class Authoring {
    public static final long MAX_BUNDLE_BYTES = 16L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final CurriculumService curriculum;
    private final BundleValidator validator;

    public Authoring(CurriculumService curriculum, BundleValidator validator) {
        this.curriculum = curriculum;
        this.validator = validator;
    }

    /** A validation report as the pages show it. */
    public record Validation(boolean valid, List<String> problems, List<ReferenceLine> references, String accounting,
                             String checkedAt, List<Integer> workers) {
    }

    public record ReferenceLine(String reference, int passed, int total, List<String> speedups, List<String> problems) {
    }

    /** What happened to an upload or an edit. Exactly one of {@code stored} and {@code problems} is meaningful. */
    public record Outcome(String slug, Integer version, boolean newVersion, boolean created, List<String> problems,
                          Validation validation) {
        public boolean stored() {
            return version != null;
        }
    }

    public record ExerciseLine(String slug, String title, String kind, boolean published, Integer version,
                               Boolean valid, int versions, Instant deadline, Integer maxAttempts, long submissions) {
    }

    public record VersionLine(int version, String source, String createdBy, Instant createdAt, Boolean valid,
                              boolean current, Validation validation) {
    }

    public record ExerciseDetail(ExerciseLine exercise, List<VersionLine> versions, ExerciseManifest.Limits limits,
                                 String statement) {
    }

    @Transactional
    public List<ExerciseLine> exercises() {
        return Exercise.listAllOrdered().stream().map(Authoring::line).toList();
    }

    @Transactional
    public ExerciseDetail detail(String slug) {
        Exercise e = curriculum.require(slug);
        List<VersionLine> versions = new ArrayList<>();
        for (ExerciseVersion v : ExerciseVersion.listFor(e)) {
            versions.add(new VersionLine(v.version, v.source, v.createdBy, v.createdAt, v.valid,
                    e.currentVersion != null && e.currentVersion.id.equals(v.id), validation(v.validation)));
        }
        ExerciseManifest.Limits limits = e.currentVersion == null ? null : e.currentVersion.manifest().limits();
        return new ExerciseDetail(line(e), versions, limits,
                e.currentVersion == null ? "" : e.currentVersion.statement);
    }

    /** A new exercise from a zip; an existing slug is refused (replace it from its own page). */
    public Outcome create(byte[] zip, String author) {
        Bundle bundle;
        try {
            bundle = read(zip);
        } catch (BundleRefused e) {
            return refused(null, e.reasons());
        }
        String slug = bundle.manifest().slug();
        if (exists(slug)) {
            return refused(slug, List.of("An exercise called '" + slug + "' exists already; replace its bundle from "
                    + "its own page."));
        }
        return validateAndStore(bundle, "upload", author);
    }

    public Outcome replace(String slug, byte[] zip, String author) {
        requireExists(slug);
        Bundle bundle;
        try {
            bundle = read(zip);
        } catch (BundleRefused e) {
            return refused(slug, e.reasons());
        }
        if (!bundle.manifest().slug().equals(slug)) {
            return refused(slug, List.of("The bundle's slug '" + bundle.manifest().slug() + "' is not '" + slug + "'."));
        }
        return validateAndStore(bundle, "upload", author);
    }

    /** The browser editor: the current bundle with a new statement and limits, validated like any upload. */
    public Outcome edit(String slug, String statement, Map<String, Number> limits, String author) {
        Bundle current = currentBundle(slug);
        Bundle edited;
        try {
            String yaml = LimitsEditor.withLimits(current.text("exercise.yaml"), limits);
            edited = current.with(Map.of(
                    "statement.md", statement.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8),
                    "exercise.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (BundleRefused e) {
            return refused(slug, e.reasons());
        }
        return validateAndStore(edited, "edit", author);
    }

    public void setPublished(String slug, boolean published) {
        curriculum.setPublished(slug, published);
    }

    public void updateSettings(String slug, Instant deadline, Integer maxAttempts) {
        curriculum.updateSettings(slug, deadline, maxAttempts);
    }

    private Outcome validateAndStore(Bundle bundle, String source, String author) {
        ValidationReport report = validator.validate(bundle);
        Validation validation = validation(report);
        if (!report.valid()) {
            return new Outcome(bundle.manifest().slug(), null, false, false, report.problems(), validation);
        }
        var stored = curriculum.store(bundle, source, author, report.toJson(), true);
        return new Outcome(stored.exercise().slug, stored.version().version, stored.newVersion(), stored.created(),
                List.of(), validation);
    }

    public static Outcome refusal(String slug, String problem) {
        return refused(slug, List.of(problem));
    }

    private static Outcome refused(String slug, List<String> problems) {
        return new Outcome(slug, null, false, false, problems, null);
    }

    private static Bundle read(byte[] zip) {
        if (zip == null || zip.length == 0) {
            throw new BundleRefused("Choose a bundle (.zip) to upload.");
        }
        if (zip.length > MAX_BUNDLE_BYTES) {
            throw new BundleRefused("Bundles may be at most 16 MB.");
        }
        try {
            return Bundle.fromZip(zip);
        } catch (ArchiveRefused e) {
            throw new BundleRefused(e.getMessage());
        }
    }

    @Transactional
    boolean exists(String slug) {
        return Exercise.findBySlug(slug).isPresent();
    }

    @Transactional
    void requireExists(String slug) {
        curriculum.require(slug);
    }

    @Transactional
    Bundle currentBundle(String slug) {
        Exercise e = curriculum.require(slug);
        if (e.currentVersion == null) {
            throw new UnknownExercise(slug);
        }
        return e.currentVersion.bundle();
    }

    private static ExerciseLine line(Exercise e) {
        return new ExerciseLine(e.slug, e.title, e.kind, e.published,
                e.currentVersion == null ? null : e.currentVersion.version,
                e.currentVersion == null ? null : e.currentVersion.valid,
                (int) ExerciseVersion.count("exercise", e), e.deadline, e.maxAttempts,
                Submission.count("exercise", e));
    }

    static Validation validation(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return validation(JSON.readValue(json, ValidationReport.class));
        } catch (Exception e) {
            return null;
        }
    }

    static Validation validation(ValidationReport r) {
        TreeSet<Integer> workers = new TreeSet<>();
        List<ReferenceLine> refs = new ArrayList<>();
        if (r.references() != null) {
            for (var ref : r.references()) {
                if (ref.speedups() != null) {
                    workers.addAll(ref.speedups().keySet());
                }
            }
            for (var ref : r.references()) {
                List<String> cells = new ArrayList<>();
                for (int w : workers) {
                    Double s = ref.speedups() == null ? null : ref.speedups().get(w);
                    cells.add(PortalFormats.times(s));
                }
                refs.add(new ReferenceLine(ref.reference(), ref.passed(), ref.total(), cells,
                        ref.problems() == null ? List.of() : ref.problems()));
            }
        }
        return new Validation(r.valid(), r.problems() == null ? List.of() : r.problems(), refs, r.accounting(),
                r.checkedAt(), List.copyOf(workers));
    }
}
