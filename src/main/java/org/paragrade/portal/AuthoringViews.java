package org.paragrade.portal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.paragrade.authoring.BundleAuthoring;
import org.paragrade.curriculum.CurriculumService;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.curriculum.ExerciseVersion;
import org.paragrade.grading.ValidationReport;
import org.paragrade.submission.Submission;

/**
 * What the instructor's pages show: the exercises with their versions and validation reports, and
 * a bundle's validation, or the refusal of one (the authoring itself is {@link BundleAuthoring}'s, shared
 * with the API).
 */
@ApplicationScoped
public class AuthoringViews {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final CurriculumService curriculum;

    public AuthoringViews(CurriculumService curriculum) {
        this.curriculum = curriculum;
    }

    /** A validation report as the pages show it. */
    public record Validation(boolean valid, List<String> problems, List<ReferenceLine> references, String accounting,
                             String checkedAt, List<Integer> workers) {
    }

    public record ReferenceLine(String reference, int passed, int total, List<String> speedups, List<String> problems) {
    }

    /** A bundle refused by the cheap checks, before anything was queued: every reason. */
    public record Outcome(String slug, List<String> problems, Validation validation) {
    }

    public record ExerciseLine(String slug, String title, String kind, boolean published, Integer version,
                               Boolean valid, int versions, Instant deadline, Integer maxAttempts, long submissions) {
    }

    public record VersionLine(int version, String source, String createdBy, Instant createdAt, Boolean valid,
                              boolean current, Validation validation) {
    }

    public record ExerciseDetail(ExerciseLine exercise, List<VersionLine> versions, ExerciseManifest.Limits limits,
                                 String statement, List<ValidationLine> validations) {
    }

    /** One of an exercise's latest bundle validations, as its page lists them. */
    public record ValidationLine(long id, String status, String purpose, String requestedBy, Instant createdAt,
                                 Integer version) {
    }

    /**
     * A bundle's validation on a worker, as its page shows it: where it is while it runs (the page refreshes
     * itself), then what it did. {@code exerciseExists}: the breadcrumb links to the exercise.
     */
    public record ValidationPage(long id, String slug, String purpose, String status, String phase, int done,
                                 int total, Long position, String requestedBy, Integer version, boolean created,
                                 boolean newVersion, List<String> problems, Validation report,
                                 boolean exerciseExists) {
        public boolean active() {
            return "QUEUED".equals(status) || "RUNNING".equals(status);
        }

        public boolean queued() {
            return "QUEUED".equals(status);
        }

        public boolean passed() {
            return "PASSED".equals(status);
        }

        public boolean edit() {
            return "edit".equals(purpose);
        }

        public int percent() {
            return total <= 0 ? 0 : Math.min(100, 100 * done / total);
        }
    }

    @Transactional
    public List<ExerciseLine> exercises() {
        return Exercise.listAllOrdered().stream().map(AuthoringViews::line).toList();
    }

    @Transactional
    public ExerciseDetail detail(String slug) {
        return detail(slug, List.of());
    }

    /** The exercise's page with its latest bundle validations. */
    @Transactional
    public ExerciseDetail detail(String slug, List<BundleAuthoring.Validation> latest) {
        Exercise e = curriculum.require(slug);
        List<VersionLine> versions = new ArrayList<>();
        for (ExerciseVersion v : ExerciseVersion.listFor(e)) {
            versions.add(new VersionLine(v.version, v.source, v.createdBy, v.createdAt, v.valid,
                    e.currentVersion != null && e.currentVersion.id.equals(v.id), validation(v.validation)));
        }
        ExerciseManifest.Limits limits = e.currentVersion == null ? null : e.currentVersion.manifest().limits();
        List<ValidationLine> validations = latest.stream().map(v -> new ValidationLine(v.id(), v.status().name(),
                v.purpose().name().toLowerCase(java.util.Locale.ROOT), v.requestedBy(), v.createdAt(), v.version()))
                .toList();
        return new ExerciseDetail(line(e), versions, limits,
                e.currentVersion == null ? "" : e.currentVersion.statement, validations);
    }

    /** The page of one validation. */
    @Transactional
    public ValidationPage validation(BundleAuthoring.Validation v) {
        ValidationReport r = v.report();
        return new ValidationPage(v.id(), v.slug(), v.purpose().name().toLowerCase(java.util.Locale.ROOT),
                v.status().name(), v.phase(), v.done(), v.total(), v.position(), v.requestedBy(), v.version(),
                Boolean.TRUE.equals(v.created()), Boolean.TRUE.equals(v.newVersion()),
                r == null || r.problems() == null ? List.of() : r.problems(), r == null ? null : validation(r),
                curriculum.exists(v.slug()));
    }

    /** The page of a refused bundle: every reason, and the validation report when it got that far. */
    static Outcome refused(String slug, List<String> problems, ValidationReport report) {
        return new Outcome(slug, problems, report == null ? null : validation(report));
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
