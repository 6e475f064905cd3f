package org.paragrade.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.paragrade.course.CourseTrail;

/** The whole audit trail, for site staff (a course's own is {@code GET /api/courses/{code}/audit}). */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Audit")
@APIResponse(responseCode = "401", ref = ApiDocument.REF_401)
public class AuditResource {
    static final String ACTION = "Only this action: REGRADE, REGRADE_ALL, OVERRIDE, REVIEW_ACCEPT, DEADLINE_CHANGE, "
            + "EXTENSION, OFFER_CHANGE, PUBLISH, EXERCISE_SETTINGS, ROSTER_IMPORT, MEMBER_ROLE, BUNDLE_UPLOAD, "
            + "LIMITS_EDIT or COURSE_CREATE.";
    static final String ACTOR = "Only what this user name did.";
    static final String BEFORE = "Only entries older than this id: the previous page's next.";
    static final String LIMIT = "At most this many entries, 1 to 200 (default 50).";

    private final SecurityIdentity identity;
    private final CourseTrail trail;

    public AuditResource(SecurityIdentity identity, CourseTrail trail) {
        this.identity = identity;
        this.trail = trail;
    }

    @GET
    @Operation(summary = "The whole audit trail", description = "Roles: site graders and instructors. Who "
            + "regraded, overrode, accepted a review, changed a deadline, an offer or an exercise's settings, "
            + "extended, published, imported a roster, uploaded or edited an exercise's bundle or created a course, in "
            + "every course and site-wide; newest first, paged.")
    @APIResponse(responseCode = "200", description = "A page of entries.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditView.class)))
    @APIResponse(responseCode = "400", ref = ApiDocument.REF_400)
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    public AuditView site(@Parameter(description = "Only this course's entries (its code).") @QueryParam("course")
                          String course,
                          @Parameter(description = ACTION) @QueryParam("action") String action,
                          @Parameter(description = ACTOR) @QueryParam("actor") String actor,
                          @Parameter(description = BEFORE) @QueryParam("before") String before,
                          @Parameter(description = LIMIT) @QueryParam("limit") String limit) {
        return AuditView.of(trail.ofSite(identity.getPrincipal().getName(), course, action, actor, before, limit));
    }
}
