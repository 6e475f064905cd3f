package org.paragrade.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.paragrade.account.Account;
import org.paragrade.audit.AuditAction;
import org.paragrade.audit.AuditTrail;
import org.paragrade.curriculum.CurriculumService;
import org.paragrade.curriculum.Exercise;

/**
 * A course's offers and extensions, set by its staff from either face with the same checks and
 * messages; every value is checked before anything changes. A time with an offset is that instant;
 * without one it is read in the course's time zone (what the portal's date-time fields send).
 */
@ApplicationScoped
@Transactional
public class OfferSettings {
    static final String TIME_FORMAT = " must be a date and time like 2027-03-01T23:59 (in the course's time "
            + "zone) or 2027-03-01T23:59:00Z, or empty.";

    /** An offer as a face sends it: texts and numbers as they came. */
    public record OfferChange(Object deadline, Object lateUntil, Object latePenaltyPerDay, Object maxAttempts,
                              Object release) {
    }

    public record ExtensionChange(String username, String exercise, Object deadline, Object lateUntil) {
    }

    private final CourseService courses;
    private final CurriculumService curriculum;
    private final AuditTrail audit;

    public OfferSettings(CourseService courses, CurriculumService curriculum, AuditTrail audit) {
        this.courses = courses;
        this.curriculum = curriculum;
        this.audit = audit;
    }

    /** Creates or replaces the course's offer of {@code slug} (fields left out take their default). */
    public Offer put(String code, String slug, String instructor, OfferChange change) {
        Course course = courses.requireInstructor(code, instructor);
        Exercise exercise = curriculum.require(slug);
        List<String> problems = new ArrayList<>();
        Instant deadline = time(change.deadline(), course.zone(), "The deadline", problems);
        Instant lateUntil = time(change.lateUntil(), course.zone(), "lateUntil", problems);
        double penalty = penalty(change.latePenaltyPerDay(), problems);
        Integer attempts = attempts(change.maxAttempts(), problems);
        String release = release(change.release(), problems);
        window(deadline, lateUntil, problems);
        if (!problems.isEmpty()) {
            throw new CourseRefused(String.join(" ", problems));
        }
        Offer existing = Offer.of(course, exercise).orElse(null);
        recordOffer(instructor, course, exercise, existing, deadline, lateUntil, penalty, attempts, release);
        Offer o = existing == null ? new Offer() : existing;
        o.course = course;
        o.exercise = exercise;
        o.deadline = deadline;
        o.lateUntil = lateUntil;
        o.latePenaltyPerDay = penalty;
        o.maxAttempts = attempts;
        o.release = release;
        o.updatedAt = Instant.now();
        o.persist();
        return o;
    }

    public Extension extend(String code, String staff, ExtensionChange change) {
        Course course = courses.requireStaff(code, staff);
        Exercise exercise = curriculum.require(change.exercise() == null ? "" : change.exercise());
        Offer offer = Offer.of(course, exercise).orElseThrow(() -> new CourseRefused(
                "The course does not offer '" + exercise.slug + "'; offer it first."));
        if (change.username() == null || change.username().isBlank()) {
            throw new CourseRefused("Name the student (their user name).");
        }
        Account student = Account.findByUsername(change.username().trim())
                .filter(a -> Membership.of(course, a).map(m -> m.courseRole() == CourseRole.STUDENT).orElse(false))
                .orElseThrow(() -> new CourseRefused("'" + change.username() + "' is not a student of " + code + "."));
        List<String> problems = new ArrayList<>();
        Instant deadline = time(change.deadline(), course.zone(), "The deadline", problems);
        Instant lateUntil = time(change.lateUntil(), course.zone(), "lateUntil", problems);
        if (deadline == null && problems.isEmpty()) {
            problems.add("An extension needs its new deadline.");
        }
        window(deadline, lateUntil, problems);
        if (!problems.isEmpty()) {
            throw new CourseRefused(String.join(" ", problems));
        }
        Extension e = Extension.of(offer, student).orElseGet(Extension::new);
        ZoneId zone = course.zone();
        boolean had = e.deadline != null;
        String summary = AuditTrail.changes(
                AuditTrail.change("deadline", AuditTrail.when(had ? e.deadline : offer.effectiveDeadline(), zone),
                        AuditTrail.when(deadline, zone)),
                AuditTrail.change("late until", AuditTrail.when(had ? e.lateUntil : offer.lateUntil, zone),
                        AuditTrail.when(lateUntil, zone)));
        audit.record(staff, course.id, AuditAction.EXTENSION, new AuditTrail.Subject(null, exercise.slug,
                student.username), "Extension for " + student.username + " on " + exercise.slug + " ("
                + (had ? "changed" : "new") + "): " + (summary == null ? "unchanged" : summary) + ".");
        e.offer = offer;
        e.account = student;
        e.deadline = deadline;
        e.lateUntil = lateUntil;
        e.createdBy = staff;
        e.persist();
        return e;
    }

    /**
     * A changed deadline or late window of an existing offer is a DEADLINE_CHANGE; a new offer, or a change of
     * its penalty, attempts or release, an OFFER_CHANGE; a save that changes nothing is not recorded.
     */
    private void recordOffer(String instructor, Course course, Exercise exercise, Offer before, Instant deadline,
                             Instant lateUntil, double penalty, Integer attempts, String release) {
        ZoneId zone = course.zone();
        AuditTrail.Subject subject = AuditTrail.Subject.exercise(exercise.slug);
        String times = AuditTrail.changes(
                AuditTrail.change("deadline", AuditTrail.when(before == null ? null : before.deadline, zone),
                        AuditTrail.when(deadline, zone)),
                AuditTrail.change("late until", AuditTrail.when(before == null ? null : before.lateUntil, zone),
                        AuditTrail.when(lateUntil, zone)));
        String terms = AuditTrail.changes(
                AuditTrail.change("late penalty per day", before == null ? null : before.latePenaltyPerDay, penalty),
                AuditTrail.change("attempts", before == null ? null : limit(before.maxAttempts), limit(attempts)),
                AuditTrail.change("release", before == null ? null : before.release, release));
        if (before == null) {
            audit.record(instructor, course.id, AuditAction.OFFER_CHANGE, subject, course.code + " now offers "
                    + exercise.slug + ": " + AuditTrail.changes(times, terms) + ".");
            return;
        }
        if (times != null) {
            audit.record(instructor, course.id, AuditAction.DEADLINE_CHANGE, subject, "Offer of " + exercise.slug
                    + " in " + course.code + ": " + times + ".");
        }
        if (terms != null) {
            audit.record(instructor, course.id, AuditAction.OFFER_CHANGE, subject, "Offer of " + exercise.slug
                    + " in " + course.code + ": " + terms + ".");
        }
    }

    private static String limit(Integer attempts) {
        return attempts == null ? "no limit" : attempts.toString();
    }

    private static void window(Instant deadline, Instant lateUntil, List<String> problems) {
        if (lateUntil != null && deadline == null) {
            problems.add("A late window (lateUntil) needs a deadline.");
        } else if (lateUntil != null && lateUntil.isBefore(deadline)) {
            problems.add("lateUntil must not be before the deadline.");
        }
    }

    static Instant time(Object value, ZoneId zone, String label, List<String> problems) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof String s) {
            try {
                return OffsetDateTime.parse(s.trim()).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return LocalDateTime.parse(s.trim()).atZone(zone).toInstant();
                } catch (DateTimeException ignored) {
                    // refused below
                }
            }
        }
        problems.add(label + TIME_FORMAT);
        return null;
    }

    static double penalty(Object value, List<String> problems) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return 0;
        }
        Double d = null;
        if (value instanceof Number n) {
            d = n.doubleValue();
        } else if (value instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                d = null;
            }
        }
        if (d == null || !Double.isFinite(d) || d < 0 || d > 1) {
            problems.add("latePenaltyPerDay must be a fraction of the score from 0 to 1 (0.1 = 10% per started day).");
            return 0;
        }
        return d;
    }

    static Integer attempts(Object value, List<String> problems) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(value.toString().trim());
            int n = d.intValueExact();
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // refused below
        }
        problems.add("maxAttempts must be a whole number of at least 1, or empty for no limit.");
        return null;
    }

    static String release(Object value, List<String> problems) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return Offer.IMMEDIATE;
        }
        if (Offer.IMMEDIATE.equals(value) || Offer.AFTER_DEADLINE.equals(value)) {
            return (String) value;
        }
        problems.add("release must be immediate or after-deadline.");
        return Offer.IMMEDIATE;
    }
}
