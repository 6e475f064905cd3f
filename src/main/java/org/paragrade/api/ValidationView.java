package org.paragrade.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.paragrade.authoring.BundleAuthoring;
import org.paragrade.grading.ValidationReport;

/**
 * A bundle's validation on a grading worker, as an instructor polls it: QUEUED, RUNNING, then PASSED (the
 * bundle is the exercise's version: {@code version}, {@code created}, {@code newVersion}, {@code published} as
 * a 201 says them) or FAILED (nothing changed; {@code validation.problems} says why). {@code validation} has
 * the fields of the report a 201 or 400 carries.
 */
@Schema(name = "BundleValidation")
public record ValidationView(
        @Schema(required = true) long id,
        @Schema(required = true) String slug,
        @Schema(required = true, enumeration = {"QUEUED", "RUNNING", "PASSED", "FAILED"}) String status,
        @Schema(required = true, description = "create, replace or edit") String purpose,
        @Schema(required = true) Progress progress,
        @Schema(description = "who uploaded it") String requestedBy,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true) Instant finishedAt,
        @Schema(nullable = true, description = "PASSED: the exercise's version it is") Integer version,
        @Schema(nullable = true, description = "PASSED: it created the exercise") Boolean created,
        @Schema(nullable = true, description = "PASSED: false when it equalled the current version") Boolean newVersion,
        @Schema(nullable = true, description = "PASSED: whether the exercise is published") Boolean published,
        @Schema(nullable = true, description = "PASSED or FAILED: the validation report") ValidationReport validation) {

    /** How far it got: runs done of those planned so far; while it waits, its place in the queue (1 = next). */
    @Schema(name = "ValidationProgress")
    public record Progress(@Schema(nullable = true) String phase, int done, int total,
                           @Schema(nullable = true) Long position) {
    }

    static ValidationView of(BundleAuthoring.Validation v) {
        return new ValidationView(v.id(), v.slug(), v.status().name(), v.purpose().name().toLowerCase(
                java.util.Locale.ROOT), new Progress(v.phase(), v.done(), v.total(), v.position()), v.requestedBy(),
                v.createdAt(), v.finishedAt(), v.version(), v.created(), v.newVersion(), v.published(), v.report());
    }

    /** The answer 202 of an upload whose validation goes on: where to poll it. */
    @Schema(name = "ValidationAccepted")
    public record Accepted(@Schema(required = true) long id,
                           @Schema(required = true, enumeration = {"QUEUED", "RUNNING"}) String status,
                           @Schema(required = true, description = "the validation to poll (also the Location header)")
                           String location) {
    }
}
