package org.paragrade.account;

/** The three roles of the design, as stored in {@code account.role} and used in {@code @RolesAllowed}. */
public final class Role {
    public static final String STUDENT = "student";
    public static final String INSTRUCTOR = "instructor";
    public static final String GRADER = "grader";

    private Role() {
    }

    public static boolean isValid(String role) {
        return STUDENT.equals(role) || INSTRUCTOR.equals(role) || GRADER.equals(role);
    }
}
