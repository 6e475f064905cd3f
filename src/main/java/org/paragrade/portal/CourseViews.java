package org.paragrade.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.paragrade.account.Account;
import org.paragrade.audit.AuditAction;
import org.paragrade.audit.AuditEntry;
import org.paragrade.course.Course;
import org.paragrade.course.CourseRole;
import org.paragrade.course.CourseService;
import org.paragrade.course.CourseTrail;
import org.paragrade.course.LatePolicy;
import org.paragrade.course.Membership;
import org.paragrade.course.Offer;
import org.paragrade.course.Offers;
import org.paragrade.curriculum.Exercise;

/** What the course pages show, assembled in one transaction. */
@ApplicationScoped
@Transactional
public class CourseViews {
    private final CourseService courses;
    private final CourseTrail trail;

    public CourseViews(CourseService courses, CourseTrail trail) {
        this.courses = courses;
        this.trail = trail;
    }

    public record AuditRow(long id, Instant at, String actor, String action, Long submission, String exercise,
                           String student, String summary) {
        static AuditRow of(AuditEntry e) {
            return new AuditRow(e.id, e.at, e.actor, e.action.label(), e.submissionId, e.exercise, e.student,
                    e.summary);
        }
    }

    public record ActionChoice(String name, String label, boolean selected) {
    }

    /** A page of the course's audit trail; {@code next} is the {@code before} of the older page (null: none). */
    public record AuditPage(String code, String title, String timeZone, String action, List<ActionChoice> actions,
                            List<AuditRow> rows, Long next) {
    }

    public AuditPage audit(String code, String username, String action, String before) {
        CourseTrail.Page p = trail.ofCourse(code, username, action, null, before, null);
        Course c = Course.findByCode(code.strip()).orElseThrow();
        String selected = p.filter().action() == null ? null : p.filter().action().name();
        List<ActionChoice> actions = java.util.Arrays.stream(AuditAction.values())
                .map(a -> new ActionChoice(a.name(), a.label(), a.name().equals(selected))).toList();
        return new AuditPage(c.code, c.title, c.timeZone, selected, actions,
                p.lines().stream().map(l -> AuditRow.of(l.entry())).toList(), p.next());
    }

    public record CourseRow(String code, String title, String timeZone, String role) {
    }

    /** One offered exercise; deadline and lateUntil are the viewer's own (with an extension) for a student. */
    public record OfferRow(String slug, String title, Instant deadline, Instant lateUntil, double latePenaltyPerDay,
                           Integer maxAttempts, String release) {
        public String penaltyPercent() {
            return latePenaltyPerDay <= 0 ? "none" : Math.round(latePenaltyPerDay * 1000) / 10.0 + "% a day";
        }
    }

    public record MemberRow(String username, String name, String role) {
    }

    public record CoursePage(String code, String title, String timeZone, String role, boolean staff,
                             boolean instructor, List<OfferRow> offers, List<MemberRow> members,
                             List<String> exercises, boolean trail) {
    }

    public List<CourseRow> mine(String username) {
        return courses.of(username).stream().map(b -> new CourseRow(b.course().code, b.course().title,
                b.course().timeZone, b.role().word())).toList();
    }

    public CoursePage page(String code, String username) {
        CourseService.Belonging b = courses.require(code, username);
        Course c = b.course();
        boolean staff = b.role().staff();
        Account me = Account.findByUsername(username).orElseThrow();
        List<OfferRow> offers = Offer.ofCourse(c).stream()
                .filter(o -> staff || (o.exercise.published && o.exercise.currentVersion != null))
                .map(o -> row(o, staff ? null : me)).toList();
        List<MemberRow> members = staff ? Membership.ofCourse(c).stream().map(m -> new MemberRow(m.account.username,
                m.account.displayName, m.role)).toList() : List.of();
        List<String> exercises = b.role() == CourseRole.INSTRUCTOR
                ? Exercise.listAllOrdered().stream().map(e -> e.slug).toList() : List.of();
        return new CoursePage(c.code, c.title, c.timeZone, b.role().word(), staff,
                b.role() == CourseRole.INSTRUCTOR, offers, members, exercises, trail.mayRead(c, username));
    }

    private static OfferRow row(Offer o, Account student) {
        LatePolicy p = student == null
                ? new LatePolicy(o.effectiveDeadline(), o.lateUntil, o.latePenaltyPerDay) : Offers.policy(o, student);
        return new OfferRow(o.exercise.slug, o.exercise.title, p.deadline(), p.lateUntil(), o.latePenaltyPerDay,
                o.effectiveMaxAttempts(), o.release);
    }
}
