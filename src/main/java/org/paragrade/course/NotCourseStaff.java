package org.paragrade.course;

/** The caller belongs to the course but their role there may not do this: answered 403. */
public class NotCourseStaff extends RuntimeException {
    public NotCourseStaff(String message) {
        super(message);
    }
}
