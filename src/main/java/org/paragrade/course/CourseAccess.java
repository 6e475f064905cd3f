package org.paragrade.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.paragrade.account.Account;
import org.paragrade.account.Role;
import org.paragrade.curriculum.Exercise;

/**
 * The one rule for staff rights, for both faces: site graders and instructors act everywhere; anyone
 * else acts as staff only in the courses where they are a grader or an instructor, and only on what
 * belongs to those courses (an exercise a course offers, a submission made in it). Staff roles are per
 * course, so a roster's grader never becomes a grader of other courses.
 */
@ApplicationScoped
@Transactional
public class CourseAccess {
    static final List<String> STAFF_ROLES = List.of(CourseRole.GRADER.word(), CourseRole.INSTRUCTOR.word());

    /** {@link #scopeOf(Account)} in one query (the account with its staff memberships): every page asks it. */
    @SuppressWarnings("unchecked")
    public StaffScope scopeOf(String username) {
        List<Object[]> rows = Account.getEntityManager().createNativeQuery("""
                        select a.role, m.course_id from account a
                        left join course_member m on m.account_id = a.id and m.role in (:roles)
                        where a.username = :username""")
                .setParameter("roles", STAFF_ROLES).setParameter("username", username).getResultList();
        if (rows.isEmpty()) {
            return StaffScope.NONE;
        }
        if (Account.isStaffRole((String) rows.get(0)[0])) {
            return StaffScope.SITE;
        }
        Set<Long> ids = rows.stream().filter(r -> r[1] != null).map(r -> ((Number) r[1]).longValue())
                .collect(Collectors.toUnmodifiableSet());
        return ids.isEmpty() ? StaffScope.NONE : new StaffScope(false, ids);
    }

    public StaffScope scopeOf(Account a) {
        if (a.isStaff()) {
            return StaffScope.SITE;
        }
        List<Membership> staffed = Membership.list("account = ?1 and role in ?2", a, STAFF_ROLES);
        Set<Long> ids = staffed.stream().map(m -> m.course.id).collect(Collectors.toUnmodifiableSet());
        return ids.isEmpty() ? StaffScope.NONE : new StaffScope(false, ids);
    }

    /**
     * A course named in a request, as the caller may know it. To someone neither staff of it nor in it, it
     * does not exist (404, as every course endpoint answers): a 403 would tell an outsider which course
     * codes are there and what they offer.
     *
     * @throws UnknownCourse no such course, or one the caller has nothing to do with
     */
    public Course named(String code, String username) {
        String wanted = code == null ? "" : code.strip();
        Course course = Course.findByCode(wanted).orElseThrow(() -> new UnknownCourse(wanted));
        if (!scopeOf(username).covers(course)
                && Account.findByUsername(username).flatMap(a -> Membership.of(course, a)).isEmpty()) {
            throw new UnknownCourse(course.code);
        }
        return course;
    }

    /** Whether {@code scope} covers {@code e}: site staff, or a course of the scope offers it. */
    public boolean covers(StaffScope scope, Exercise e) {
        return scope.site() || (!scope.courses().isEmpty()
                && Offer.count("exercise = ?1 and course.id in ?2", e, scope.courses()) > 0);
    }

    /** Whether {@code a} sees {@code e} as staff (unpublished, every case, the validation report). */
    public boolean seesAsStaff(Exercise e, Account a) {
        return covers(scopeOf(a), e);
    }

    /** The exercises {@code scope} covers, by slug: every one for site staff. */
    public List<Exercise> exercises(StaffScope scope) {
        if (scope.site()) {
            return Exercise.listAllOrdered();
        }
        if (scope.courses().isEmpty()) {
            return List.of();
        }
        return Exercise.list("id in (select o.exercise.id from Offer o where o.course.id in ?1) order by slug",
                scope.courses());
    }

    /**
     * Whose work on {@code e} the scope's grader pages and grade book list: every site student for site
     * staff, else the students of the scope's courses that offer it, by user name.
     */
    public List<Account> studentsOf(Exercise e, StaffScope scope) {
        if (scope.site()) {
            return Account.list("role = ?1 order by username", Role.STUDENT);
        }
        if (scope.courses().isEmpty()) {
            return List.of();
        }
        return Account.list("id in (select m.account.id from Membership m where m.role = ?1 and m.course.id in ?2 "
                + "and m.course.id in (select o.course.id from Offer o where o.exercise = ?3)) order by username",
                CourseRole.STUDENT.word(), scope.courses(), e);
    }
}
