package org.paragrade.portal;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.paragrade.account.Role;
import org.paragrade.course.CourseAccess;
import org.paragrade.course.StaffScope;

/** Who is looking at the page, for the layout's navigation ({@code {inject:viewer.name}}) and the resources. */
@Named("viewer")
@RequestScoped
public class Viewer {
    private final SecurityIdentity identity;
    private final CourseAccess access;
    private StaffScope scope;

    public Viewer(SecurityIdentity identity, CourseAccess access) {
        this.identity = identity;
        this.access = access;
    }

    public boolean loggedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean student() {
        return identity.hasRole(Role.STUDENT);
    }

    public boolean grader() {
        return identity.hasRole(Role.GRADER);
    }

    public boolean instructor() {
        return identity.hasRole(Role.INSTRUCTOR);
    }

    /** Where the viewer acts as staff (read once a request): site-wide, or in the courses they grade or teach. */
    public StaffScope scope() {
        if (scope == null) {
            if (identity.isAnonymous()) {
                scope = StaffScope.NONE;
            } else if (io.vertx.core.Context.isOnEventLoopThread()) {
                // an error page rendered on the IO thread (a refused role) may not block on the database: the
                // site roles decide its navigation
                return identity.hasRole(Role.GRADER) || identity.hasRole(Role.INSTRUCTOR) ? StaffScope.SITE
                        : StaffScope.NONE;
            } else {
                scope = access.scopeOf(name());
            }
        }
        return scope;
    }

    /** Staff somewhere: the Grading pages are theirs, showing what their scope covers. */
    public boolean mayGrade() {
        return scope().any();
    }

    public String role() {
        return instructor() ? Role.INSTRUCTOR : grader() ? Role.GRADER : student() ? Role.STUDENT : "";
    }

    /** Each role's home page. */
    public String home() {
        if (instructor()) {
            return "/instructor/exercises";
        }
        if (grader()) {
            return "/grader";
        }
        return loggedIn() ? "/exercises" : "/login";
    }
}
