package org.paragrade.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Writes the trail (always inside the caller's transaction: the entry commits or rolls back with its change)
 * and reads it newest first, a page at a time. Who may read which part is the caller's to decide.
 */
@ApplicationScoped
public class AuditTrail {
    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    static final int MAX_SUMMARY = 2000;
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** What an entry is about: whichever of a submission, an exercise (slug) and a student (user name) apply. */
    public record Subject(Long submission, String exercise, String student) {
        public static Subject exercise(String slug) {
            return new Subject(null, slug, null);
        }

        public static Subject none() {
            return new Subject(null, null, null);
        }
    }

    /**
     * Which entries to read.
     *
     * @param courseId only this course's (null: every course's and the site-wide ones)
     * @param action   only this action (null: every one)
     * @param actor    only this actor's (null: everyone's)
     * @param before   only entries older than this id (null: from the newest)
     * @param limit    at most this many, 1 to {@link #MAX_LIMIT}
     */
    public record Filter(Long courseId, AuditAction action, String actor, Long before, int limit) {
        /** Reads a face's query parameters, refusing with one message naming what is wrong. */
        public static Filter of(Long courseId, String action, String actor, String before, String limit) {
            List<String> problems = new ArrayList<>();
            AuditAction a = action(action, problems);
            Long b = null;
            if (!blank(before)) {
                try {
                    b = Long.parseLong(before.strip());
                    if (b < 1) {
                        problems.add("before must be an entry id (a whole number of at least 1).");
                    }
                } catch (NumberFormatException e) {
                    problems.add("before must be an entry id (a whole number of at least 1).");
                }
            }
            int n = DEFAULT_LIMIT;
            if (!blank(limit)) {
                try {
                    n = Integer.parseInt(limit.strip());
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n < 1 || n > MAX_LIMIT) {
                    problems.add("limit must be a whole number from 1 to " + MAX_LIMIT + ".");
                }
            }
            if (!problems.isEmpty()) {
                throw new AuditRefused(String.join(" ", problems));
            }
            return new Filter(courseId, a, blank(actor) ? null : actor.strip(), b, n);
        }

        private static AuditAction action(String action, List<String> problems) {
            if (blank(action)) {
                return null;
            }
            try {
                return AuditAction.valueOf(action.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                problems.add("There is no action '" + action.strip() + "'; the actions are "
                        + Arrays.stream(AuditAction.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
                return null;
            }
        }
    }

    /** One page, newest first; {@code next} is the {@code before} of the following page (null: the last). */
    public record Page(List<AuditEntry> entries, Long next) {
    }

    /** Records one change made by {@code actor}, in the transaction that makes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(String actor, Long courseId, AuditAction action, Subject subject, String summary) {
        AuditEntry e = new AuditEntry();
        e.actor = Objects.requireNonNull(actor, "actor");
        e.courseId = courseId;
        e.action = Objects.requireNonNull(action, "action");
        e.submissionId = subject.submission();
        e.exercise = subject.exercise();
        e.student = subject.student();
        e.summary = capped(summary);
        e.persist();
        LOG.debugf("Audit %s by %s: %s", action, actor, e.summary);
        return e;
    }

    @Transactional
    public Page page(Filter f) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (f.courseId() != null) {
            args.add(f.courseId());
            where.add("courseId = ?" + args.size());
        }
        if (f.action() != null) {
            args.add(f.action());
            where.add("action = ?" + args.size());
        }
        if (f.actor() != null) {
            args.add(f.actor());
            where.add("actor = ?" + args.size());
        }
        if (f.before() != null) {
            args.add(f.before());
            where.add("id < ?" + args.size());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        // range is inclusive: one more than a page tells whether another page follows
        List<AuditEntry> found = AuditEntry.<AuditEntry>find(query, args.toArray()).range(0, f.limit()).list();
        List<AuditEntry> page = found.size() > f.limit() ? found.subList(0, f.limit()) : found;
        Long next = found.size() > f.limit() ? page.get(page.size() - 1).id : null;
        return new Page(List.copyOf(page), next);
    }

    /** A time for a summary, in the zone the people reading it work in; "none" for no time. */
    public static String when(Instant t, ZoneId zone) {
        return t == null ? "none" : WHEN.format(t.atZone(zone)) + " " + zone.getId();
    }

    /** "what: before → after", or null when nothing changed. */
    public static String change(String what, Object before, Object after) {
        String b = before == null ? "none" : before.toString();
        String a = after == null ? "none" : after.toString();
        return b.equals(a) ? null : what + ": " + b + " → " + a;
    }

    /** The changes that happened, joined; null when none did. */
    public static String changes(String... parts) {
        String joined = Arrays.stream(parts).filter(Objects::nonNull).collect(Collectors.joining("; "));
        return joined.isEmpty() ? null : joined;
    }

    static String capped(String summary) {
        String s = summary == null || summary.isBlank() ? "(no details)" : summary.strip();
        return s.codePointCount(0, s.length()) <= MAX_SUMMARY ? s
                : s.substring(0, s.offsetByCodePoints(0, MAX_SUMMARY - 1)) + "…";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
