package org.paragrade.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paragrade.account.Account;
import org.paragrade.audit.AuditEntry;
import org.paragrade.audit.AuditTrail;

/**
 * Who reads which part of the audit trail, for both faces: a course's trail is for its instructors and for
 * site staff (site graders and instructors see every course); the whole trail, site-wide entries included,
 * is for site staff only. A course's graders and students are refused (403); anyone outside the course finds
 * no such course (404), as everywhere else.
 */
@ApplicationScoped
@Transactional
public class CourseTrail {
    private final AuditTrail trail;

    public CourseTrail(AuditTrail trail) {
        this.trail = trail;
    }

    /** One entry as the faces show it: the course by its code. */
    public record Line(AuditEntry entry, String course) {
    }

    /** A page of lines, read with {@code filter}; {@code next} is the {@code before} of the older page. */
    public record Page(List<Line> lines, Long next, AuditTrail.Filter filter) {
    }

    /**
     * @throws UnknownCourse  no such course, or the caller is not in it (and not site staff)
     * @throws NotCourseStaff the caller is a grader or student of the course
     */
    public Course requireReader(String code, String username) {
        Course course = Course.findByCode(code == null ? "" : code.strip())
                .orElseThrow(() -> new UnknownCourse(code));
        Account a = Account.findByUsername(username).orElseThrow(() -> new UnknownCourse(code));
        if (a.isStaff()) {
            return course;
        }
        Membership m = Membership.of(course, a).orElseThrow(() -> new UnknownCourse(code));
        if (m.courseRole() != CourseRole.INSTRUCTOR) {
            throw new NotCourseStaff("The audit trail of " + course.code + " is for its instructors.");
        }
        return course;
    }

    /** Whether {@code username} may read the course's trail (for a link to it). */
    public boolean mayRead(Course course, String username) {
        Account a = Account.findByUsername(username).orElse(null);
        return a != null && (a.isStaff() || Membership.of(course, a)
                .map(m -> m.courseRole() == CourseRole.INSTRUCTOR).orElse(false));
    }

    /** The course's trail, newest first. */
    public Page ofCourse(String code, String username, String action, String actor, String before, String limit) {
        Course course = requireReader(code, username);
        return page(AuditTrail.Filter.of(course.id, action, actor, before, limit));
    }

    /**
     * The whole trail, newest first; {@code courseCode} narrows it to one course.
     *
     * @throws NotCourseStaff the caller is not site staff
     */
    public Page ofSite(String username, String courseCode, String action, String actor, String before,
                       String limit) {
        if (!Account.findByUsername(username).map(Account::isStaff).orElse(false)) {
            throw new NotCourseStaff("The whole audit trail is for site graders and instructors; a course's "
                    + "instructors read theirs at /api/courses/{code}/audit.");
        }
        Long courseId = null;
        if (courseCode != null && !courseCode.isBlank()) {
            courseId = Course.findByCode(courseCode.strip()).orElseThrow(() -> new UnknownCourse(courseCode.strip())).id;
        }
        return page(AuditTrail.Filter.of(courseId, action, actor, before, limit));
    }

    private Page page(AuditTrail.Filter filter) {
        AuditTrail.Page p = trail.page(filter);
        Map<Long, String> codes = new HashMap<>();
        List<Line> lines = p.entries().stream().map(e -> new Line(e, e.courseId == null ? null
                : codes.computeIfAbsent(e.courseId, id -> Course.<Course>findById(id).code))).toList();
        return new Page(lines, p.next(), filter);
    }
}
