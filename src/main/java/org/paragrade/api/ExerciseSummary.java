package org.paragrade.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.paragrade.curriculum.Exercise;

/** An exercise in the list: {@code GET /api/exercises}. */
@Schema(name = "ExerciseSummary")
public record ExerciseSummary(
        @Schema(required = true) String slug,
        @Schema(required = true) String title,
        @Schema(required = true, description = "cpu, io, sync or mixed") String kind,
        @Schema(required = true) boolean published,
        @Schema(required = true, nullable = true) Instant deadline,
        @Schema(required = true, nullable = true, description = "null: no limit") Integer maxAttempts,
        @Schema(required = true, nullable = true, description = "the current version") Integer version) {

    static ExerciseSummary of(Exercise e) {
        return new ExerciseSummary(e.slug, e.title, e.kind, e.published, e.deadline, e.maxAttempts,
                e.currentVersion == null ? null : e.currentVersion.version);
    }
}
