package org.paragrade.course;

import java.util.Set;

/**
 * Where a person acts as staff: everywhere (a site grader or instructor), or only in the courses where
 * they are a grader or an instructor. Something outside any course (a submission made before courses,
 * or by site staff) is covered only by the site-wide scope.
 *
 * @param site    a site grader or instructor
 * @param courses the ids of the courses they grade or teach (empty for site staff: {@link #site} covers all)
 */
public record StaffScope(boolean site, Set<Long> courses) {
    public static final StaffScope SITE = new StaffScope(true, Set.of());
    public static final StaffScope NONE = new StaffScope(false, Set.of());

    public boolean covers(Course course) {
        return covers(course == null ? null : course.id);
    }

    /** {@link #covers(Course)} by the course's id (null: outside any course). */
    public boolean covers(Long courseId) {
        return site || (courseId != null && courses.contains(courseId));
    }

    /** Staff somewhere: may open the grader pages (which then show only what the scope covers). */
    public boolean any() {
        return site || !courses.isEmpty();
    }
}
