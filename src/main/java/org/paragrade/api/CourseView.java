package org.paragrade.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.paragrade.course.Course;
import org.paragrade.course.CourseRole;

/** A course as its members see it, with the caller's role in it. */
@Schema(name = "Course")
public record CourseView(
        @Schema(required = true, example = "cs220-2027s") String code,
        @Schema(required = true) String title,
        @Schema(required = true, description = "IANA time zone the portal shows and takes times in") String timeZone,
        @Schema(required = true, enumeration = {"student", "grader", "instructor"},
                description = "the caller's role in this course") String role) {

    public static CourseView of(Course c, CourseRole role) {
        return new CourseView(c.code, c.title, c.timeZone, role.word());
    }
}
