package org.paragrade.review;

import org.paragrade.course.StaffScope;

/** Who is at the desk: a user name, and where they act as staff (site-wide, some courses, or nowhere). */
public record Who(String username, StaffScope scope) {
    /** Staff somewhere: the queue is theirs, narrowed to what their scope covers. */
    public boolean staff() {
        return scope.any();
    }
}
