package org.paragrade.portal;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.paragrade.account.Role;

/** Who is looking at the page, for the layout's navigation ({@code {inject:viewer.name}}) and the resources. */
@Named("viewer")
@RequestScoped
public class Viewer {
    private final SecurityIdentity identity;

    public Viewer(SecurityIdentity identity) {
        this.identity = identity;
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

    /** Graders and instructors see every submission and may regrade and override. */
    public boolean staff() {
        return grader() || instructor();
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
