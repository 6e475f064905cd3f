package org.paragrade.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import org.paragrade.account.Account;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.UnknownExercise;

/**
 * Which exercises a person may see and in which course a submission is made. A student sees a
 * published exercise only when a course they are a student of offers it (otherwise it does not exist
 * for them: 404); site staff see every exercise, as before courses; a course's graders and instructors
 * see what their courses offer, published or not ({@link CourseAccess}).
 */
@ApplicationScoped
@Transactional
public class Offers {
    static final String AMBIGUOUS = "Several of your courses offer '%s' (%s): say which one in the form field 'course'.";

    private final CourseAccess access;

    public Offers(CourseAccess access) {
        this.access = access;
    }

    /** Whether {@code a} may read {@code e}: open to them as a student, or theirs to see as staff. */
    public boolean visible(Exercise e, Account a) {
        return openTo(e, a) || (e.currentVersion != null && access.seesAsStaff(e, a));
    }

    /** Whether {@code a} may submit to {@code e}: site staff, or a course they are a student of offers it published. */
    public boolean openTo(Exercise e, Account a) {
        if (e.currentVersion == null) {
            return false;
        }
        return a.isStaff() || (e.published && Offer.offeredTo(a, e));
    }

    public List<Exercise> visibleExercises(Account a) {
        if (a.isStaff()) {
            return Exercise.listAllOrdered();
        }
        return Exercise.list("(published = true and id in (select o.exercise.id from Offer o where o.course in "
                + "(select m.course from Membership m where m.account = ?1 and m.role = 'student'))) or id in "
                + "(select o.exercise.id from Offer o where o.course in (select m.course from Membership m "
                + "where m.account = ?1 and m.role in ?2)) order by slug", a, CourseAccess.STAFF_ROLES);
    }

    /**
     * The offer a submission of {@code e} by {@code a} is made under: the named course's, else the one
     * course offering it to them. Staff who are not a student of an offering course submit outside any
     * course (null): the exercise's own settings apply.
     *
     * @throws UnknownExercise when the named course does not offer it to them, or none does
     * @throws CourseRefused   when several do and none is named
     */
    public Offer resolve(Exercise e, Account a, String courseCode) {
        List<Offer> offers = Offer.toStudent(a, e);
        if (courseCode != null && !courseCode.isBlank()) {
            String code = courseCode.trim();
            Offer named = offers.stream().filter(o -> o.course.code.equals(code)).findFirst().orElse(null);
            if (named == null && !a.isStaff()) {
                throw new UnknownExercise(e.slug);
            }
            return named;
        }
        if (offers.size() == 1 || (offers.size() > 1 && a.isStaff())) {
            return offers.get(0);
        }
        if (offers.isEmpty()) {
            if (a.isStaff()) {
                return null;
            }
            throw new UnknownExercise(e.slug);
        }
        throw new CourseRefused(String.format(AMBIGUOUS, e.slug,
                String.join(", ", offers.stream().map(o -> o.course.code).toList())));
    }

    /** The deadline and attempt limit that apply to someone: a student's one offer (with their extension), else the exercise's. */
    public record Terms(java.time.Instant deadline, Integer maxAttempts) {
        public boolean deadlinePassed() {
            return deadline != null && java.time.Instant.now().isAfter(deadline);
        }
    }

    /** {@link Terms} of {@code e} for {@code a}: the exercise's own when no course or several offer it to them. */
    public static Terms terms(Exercise e, Account a) {
        List<Offer> mine = Offer.toStudent(a, e);
        return terms(mine.size() == 1 ? mine.get(0) : null, e, a);
    }

    /** {@link Terms} under one offer (null: outside any course, the exercise's own). */
    public static Terms terms(Offer offer, Exercise e, Account a) {
        return offer == null ? new Terms(e.deadline, e.maxAttempts)
                : new Terms(policy(offer, a).deadline(), offer.effectiveMaxAttempts());
    }

    /** The offer's deadline rules for one student, with their extension if they have one. */
    public static LatePolicy policy(Offer offer, Account student) {
        Extension ext = Extension.of(offer, student).orElse(null);
        if (ext == null) {
            return new LatePolicy(offer.effectiveDeadline(), offer.lateUntil, offer.latePenaltyPerDay);
        }
        return new LatePolicy(ext.deadline, extendedLateUntil(offer, ext), offer.latePenaltyPerDay);
    }

    /** An extension without its own lateUntil keeps the offer's late window, moved with the deadline. */
    static java.time.Instant extendedLateUntil(Offer offer, Extension ext) {
        if (ext.lateUntil != null) {
            return ext.lateUntil;
        }
        if (offer.lateUntil == null || offer.effectiveDeadline() == null) {
            return null;
        }
        return ext.deadline.plus(Duration.between(offer.effectiveDeadline(), offer.lateUntil));
    }
}
