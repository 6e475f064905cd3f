package org.paragrade.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.paragrade.course.Offers;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.grading.ValidationReport;
import org.paragrade.report.Concealment;

/** One exercise: {@code GET /api/exercises/{slug}}, and the answer to a settings change. */
@Schema(name = "ExerciseDetail")
public record ExerciseDetail(
        @Schema(required = true) String slug,
        @Schema(required = true) String title,
        @Schema(required = true, description = "cpu, io, sync or mixed") String kind,
        @Schema(required = true) boolean published,
        @Schema(required = true, nullable = true, description = "the caller's: the deadline of the course that offers"
                + " it to them, with their extension; the exercise's own otherwise") Instant deadline,
        @Schema(required = true, nullable = true, description = "null: no limit") Integer maxAttempts,
        @Schema(required = true) int version,
        @Schema(required = true, description = "Markdown") String statement,
        @Schema(required = true, description = "the function or class solution.py must define") ExerciseManifest.Entry entry,
        @Schema(required = true, nullable = true, description = "threads, processes, asyncio or any; null "
                + "for students when the exercise keeps it to itself (revealModel: false)") String expectedModel,
        @Schema(required = true, description = "per run") ExerciseManifest.Limits limits,
        @Schema(required = true, description = "the benchmark's worker counts") List<Integer> workers,
        @Schema(required = true) ExerciseManifest.Scoring scoring,
        @Schema(required = true, description = "the correctness cases' names (to students, a hidden case is "
                + "\"Hidden case N\")") List<String> cases,
        @Schema(description = "the current version's validation report; staff only")
        @JsonInclude(JsonInclude.Include.NON_NULL) ValidationReport validation) {

    /** @param concealed for students: hidden cases' names and a model kept to itself are left out */
    static ExerciseDetail of(Exercise e, Offers.Terms terms, ValidationReport validation, Concealment concealed) {
        ExerciseManifest m = e.currentVersion.manifest();
        List<String> cases = m.cases().stream().map(c -> concealed.hidden().containsKey(c.name())
                ? Concealment.label(concealed.hidden().get(c.name())) : c.name()).toList();
        return new ExerciseDetail(e.slug, e.title, e.kind, e.published, terms.deadline(), terms.maxAttempts(),
                e.currentVersion.version, e.currentVersion.statement, m.entry(),
                concealed.hideModel() ? null : m.expectedModel().word(), m.limits(), m.benchmark().workers(),
                m.scoring(), cases, validation);
    }
}
