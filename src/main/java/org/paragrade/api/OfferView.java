package org.paragrade.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.paragrade.course.Extension;
import org.paragrade.course.Offer;

/** A course's offer of an exercise, as stored (times as instants, UTC). */
@Schema(name = "Offer")
public record OfferView(
        @Schema(required = true) String course,
        @Schema(required = true) String exercise,
        @Schema(nullable = true, description = "null: the exercise's own deadline, if any") Instant deadline,
        @Schema(nullable = true, description = "late submissions are taken until then; null: none") Instant lateUntil,
        @Schema(required = true, description = "fraction of the score lost per started day late") double latePenaltyPerDay,
        @Schema(nullable = true, description = "null: the exercise's own limit, if any") Integer maxAttempts,
        @Schema(required = true, enumeration = {"immediate", "after-deadline"}) String release) {

    public static OfferView of(Offer o) {
        return new OfferView(o.course.code, o.exercise.slug, o.deadline, o.lateUntil, o.latePenaltyPerDay,
                o.maxAttempts, o.release);
    }

    /** One student's extension of an offer. */
    @Schema(name = "Extension")
    public record ExtensionView(
            @Schema(required = true) String username,
            @Schema(required = true) String exercise,
            @Schema(required = true) Instant deadline,
            @Schema(nullable = true, description = "null: the offer's late window, moved with the deadline")
            Instant lateUntil) {

        public static ExtensionView of(Extension e) {
            return new ExtensionView(e.account.username, e.offer.exercise.slug, e.deadline, e.lateUntil);
        }
    }
}
