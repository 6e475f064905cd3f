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
import org.paragrade.authoring.BundleAuthoring.Authored;
import org.paragrade.curriculum.CurriculumService;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.curriculum.ExerciseVersion;
import org.paragrade.grading.ValidationReport;
import org.paragrade.submission.Submission;

/**
 * What the instructor's pages show: the exercises with their versions and validation reports, and
 * the outcome of a bundle upload or edit (the authoring itself is {@link BundleAuthoring}'s, shared
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
        return Exercise.listAllOrdered().stream().map(AuthoringViews::line).toList();
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

    /** The page of a stored bundle. */
    static Outcome stored(Authored a) {
        return new Outcome(a.slug(), a.version(), a.newVersion(), a.created(), List.of(), validation(a.validation()));
    }

    /** The page of a refused bundle: every reason, and the validation report when it got that far. */
    static Outcome refused(String slug, List<String> problems, ValidationReport report) {
        return new Outcome(slug, null, false, false, problems, report == null ? null : validation(report));
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
