package org.paragrade.review;

/** Who is at the desk: a user name, and whether their role is staff (grader or instructor). */
public record Who(String username, boolean staff) {
}
