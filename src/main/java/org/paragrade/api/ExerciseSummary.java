package org.paragrade.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.paragrade.course.Offers;
import org.paragrade.curriculum.Exercise;

/** An exercise in the list: {@code GET /api/exercises}. */
@Schema(name = "ExerciseSummary")
public record ExerciseSummary(
        @Schema(required = true) String slug,
        @Schema(required = true) String title,
        @Schema(required = true, description = "cpu, io, sync or mixed") String kind,
        @Schema(required = true) boolean published,
        @Schema(required = true, nullable = true, description = "the caller's: the deadline of the course that offers"
                + " it to them, with their extension; the exercise's own otherwise") Instant deadline,
        @Schema(required = true, nullable = true, description = "the caller's, as the deadline; null: no limit")
        Integer maxAttempts,
        @Schema(required = true, nullable = true, description = "the current version") Integer version) {

    static ExerciseSummary of(Exercise e, Offers.Terms terms) {
        return new ExerciseSummary(e.slug, e.title, e.kind, e.published, terms.deadline(), terms.maxAttempts(),
                e.currentVersion == null ? null : e.currentVersion.version);
    }
}
