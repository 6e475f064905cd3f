package org.paragrade.api;

import io.quarkus.security.identity.SecurityIdentity;
import org.paragrade.account.Role;

/** Who is asking, in the words the rules use. */
public record Caller(String username, boolean student, boolean grader, boolean instructor) {
    public static Caller of(SecurityIdentity identity) {
        return new Caller(identity.getPrincipal().getName(), identity.hasRole(Role.STUDENT),
                identity.hasRole(Role.GRADER), identity.hasRole(Role.INSTRUCTOR));
    }

    /** Graders and instructors see every submission and unpublished exercises. */
    public boolean staff() {
        return grader || instructor;
    }
}
