package org.paragrade.course;

/** No such course, or not one the caller belongs to: answered 404 so codes reveal nothing. */
public class UnknownCourse extends RuntimeException {
    public UnknownCourse(String code) {
        super("There is no course called '" + code + "'.");
    }
}
