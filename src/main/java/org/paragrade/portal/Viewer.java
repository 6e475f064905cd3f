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
    private final RecentReads recent;
    private StaffScope scope;

    /** What {@link #scope} read for a viewer. */
    private record ScopeOf(String username) {
    }

    public Viewer(SecurityIdentity identity, CourseAccess access, RecentReads recent) {
        this.identity = identity;
        this.access = access;
        this.recent = recent;
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

    /**
     * Where the viewer acts as staff: site-wide, or in the courses they grade or teach. Read once a request,
     * from a read at most {@link RecentReads#FRESH} old and none since a write on this instance (a course's
     * staff changed here shows at once; elsewhere, within that second).
     */
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
                String name = name();
                scope = recent.get(new ScopeOf(name), () -> access.scopeOf(name));
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
