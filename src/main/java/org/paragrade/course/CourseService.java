package org.paragrade.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.paragrade.account.Account;
import org.paragrade.audit.AuditAction;
import org.paragrade.audit.AuditTrail;

/**
 * Courses and who may do what in them, for both faces: a site instructor creates a course (and is
 * its first instructor); everything else is decided by the caller's role in that course. A course
 * the caller does not belong to is answered as unknown (404), as other people's submissions are.
 */
@ApplicationScoped
@Transactional
public class CourseService {
    private static final Logger LOG = Logger.getLogger(CourseService.class);
    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    private final AuditTrail audit;

    public CourseService(AuditTrail audit) {
        this.audit = audit;
    }

    public record Belonging(Course course, CourseRole role) {
    }

    /**
     * A new course with {@code creator} as its first instructor; its creation is the first entry of its audit
     * trail (code, title, time zone), in the same transaction.
     */
    public Course create(String code, String title, String timeZone, String creator) {
        String c = code == null ? "" : code.trim();
        if (!CODE.matcher(c).matches()) {
            throw new CourseRefused("The course code must be 2 to 40 characters: lower-case letters, digits and "
                    + "'-', like cs220-2027s.");
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new CourseRefused("The course needs a title (at most 200 characters).");
        }
        String zone = zone(timeZone);
        if (Course.findByCode(c).isPresent()) {
            throw new CourseRefused("A course with the code '" + c + "' exists already.");
        }
        Course course = new Course();
        course.code = c;
        course.title = title.strip();
        course.timeZone = zone;
        course.createdBy = creator;
        course.persist();
        enrol(course, Account.findByUsername(creator).orElseThrow(), CourseRole.INSTRUCTOR);
        audit.record(creator, course.id, AuditAction.COURSE_CREATE, AuditTrail.Subject.none(), "Course " + c
                + " created: title \"" + course.title + "\", time zone " + zone + "; " + creator
                + " is its first instructor.");
        LOG.infof("Course %s created by %s", c, creator);
        return course;
    }

    /** The courses {@code username} belongs to, with their role in each. */
    public List<Belonging> of(String username) {
        Account a = Account.findByUsername(username).orElseThrow();
        return Membership.ofAccount(a).stream().map(m -> new Belonging(m.course, m.courseRole())).toList();
    }

    /** @throws UnknownCourse when there is no such course or the caller is not in it */
    public Belonging require(String code, String username) {
        Course course = Course.findByCode(code).orElseThrow(() -> new UnknownCourse(code));
        Account a = Account.findByUsername(username).orElseThrow();
        Membership m = Membership.of(course, a).orElseThrow(() -> new UnknownCourse(code));
        return new Belonging(course, m.courseRole());
    }

    /** @throws NotCourseStaff when the caller is a student of the course */
    public Course requireStaff(String code, String username) {
        Belonging b = require(code, username);
        if (!b.role().staff()) {
            throw new NotCourseStaff("Only the course's graders and instructors may do this.");
        }
        return b.course();
    }

    /** @throws NotCourseStaff when the caller is not an instructor of the course */
    public Course requireInstructor(String code, String username) {
        Belonging b = require(code, username);
        if (b.role() != CourseRole.INSTRUCTOR) {
            throw new NotCourseStaff("Only the course's instructors may do this.");
        }
        return b.course();
    }

    public List<Membership> members(Course course) {
        return Membership.ofCourse(course);
    }

    /** Adds {@code account} in {@code role}; true when something changed. */
    public boolean enrol(Course course, Account account, CourseRole role) {
        Membership m = Membership.of(course, account).orElse(null);
        if (m == null) {
            m = new Membership();
            m.course = course;
            m.account = account;
            m.role = role.word();
            m.persist();
            return true;
        }
        if (!m.role.equals(role.word())) {
            m.role = role.word();
            return true;
        }
        return false;
    }

    static String zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return "UTC";
        }
        try {
            return ZoneId.of(timeZone.trim()).getId();
        } catch (DateTimeException e) {
            throw new CourseRefused("'" + timeZone + "' is not a time zone; use a name like Europe/Berlin or UTC.");
        }
    }
}
