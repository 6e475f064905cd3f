package org.paragrade.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.paragrade.course.Membership;

/** One person in a course. */
@Schema(name = "Member")
public record MemberView(
        @Schema(required = true) String username,
        @Schema(required = true) String name,
        @Schema(required = true, enumeration = {"student", "grader", "instructor"}) String role) {

    public static MemberView of(Membership m) {
        return new MemberView(m.account.username, m.account.displayName == null ? m.account.username
                : m.account.displayName, m.role);
    }
}
