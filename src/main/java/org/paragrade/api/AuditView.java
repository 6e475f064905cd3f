package org.paragrade.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.paragrade.audit.AuditAction;
import org.paragrade.audit.AuditEntry;
import org.paragrade.course.CourseTrail;

/** The audit trail's JSON: a page of entries, newest first. */
@Schema(name = "AuditPage")
public record AuditView(
        @Schema(required = true, description = "newest first") List<Entry> entries,
        @Schema(required = true, nullable = true, description = "pass as ?before= for the next (older) page; null: "
                + "this is the last") Long next) {

    @Schema(name = "AuditEntry")
    public record Entry(
            @Schema(required = true) long id,
            @Schema(required = true) Instant at,
            @Schema(required = true, description = "the user name of who did it") String actor,
            @Schema(required = true, nullable = true, description = "the course's code; null: site-wide (an "
                    + "exercise's own settings)") String course,
            @Schema(required = true) AuditAction action,
            @Schema(required = true, nullable = true, description = "the submission it is about") Long submission,
            @Schema(required = true, nullable = true, description = "the exercise's slug") String exercise,
            @Schema(required = true, nullable = true, description = "the student's user name") String student,
            @Schema(required = true, description = "what changed, with before → after where it applies")
            String summary) {
        static Entry of(CourseTrail.Line l) {
            AuditEntry e = l.entry();
            return new Entry(e.id, e.at, e.actor, l.course(), e.action, e.submissionId, e.exercise, e.student,
                    e.summary);
        }
    }

    static AuditView of(CourseTrail.Page p) {
        return new AuditView(p.lines().stream().map(Entry::of).toList(), p.next());
    }
}
