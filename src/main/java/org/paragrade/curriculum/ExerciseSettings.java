package org.paragrade.curriculum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.paragrade.audit.AuditAction;
import org.paragrade.audit.AuditTrail;

/**
 * An exercise's settings — published, deadline, attempt limit — and the rules for the values
 * both faces send: the API's JSON (numbers, booleans, strings) and the portal's form fields (text)
 * are read by the same parsers, so {@code 3} and {@code "3"} mean the same and "three" gets the
 * same message everywhere. Every value is checked before anything changes.
 *
 * <p>A deadline is an ISO-8601 date and time: with an offset ({@code 2026-12-01T23:59:00Z},
 * {@code 2026-12-02T00:59+01:00}) it is that instant; without one ({@code 2026-12-01T23:59}, what
 * the portal's {@code datetime-local} field sends) it is read as UTC, the zone the portal shows
 * deadlines in. Empty or null means no deadline.
 */
@ApplicationScoped
@Transactional
public class ExerciseSettings {
    public static final Set<String> NAMES = Set.of("published", "deadline", "maxAttempts");
    static final String DEADLINE_FORMAT = "The deadline must be a date and time like 2026-12-01T23:59:00Z "
            + "(without an offset it is read as UTC), or empty for no deadline.";
    static final String ATTEMPTS_WHOLE = "The attempt limit must be a whole number, or empty for no limit.";
    static final String ATTEMPTS_POSITIVE = "The attempt limit must be at least 1, or empty for no limit.";
    static final String NOT_VALIDATED = "This version has not passed validation; it cannot be published.";

    private final CurriculumService curriculum;
    private final AuditTrail audit;

    public ExerciseSettings(CurriculumService curriculum, AuditTrail audit) {
        this.curriculum = curriculum;
        this.audit = audit;
    }

    /**
     * Changes the settings named in {@code values} (others keep their value); a value that is
     * null or empty clears a deadline or an attempt limit. What changed goes into the audit trail as
     * {@code actor}'s (publishing, the deadline and the attempt limit each as its own action).
     *
     * @throws SettingsRefused listing every problem found; then nothing changed
     * @throws UnknownExercise when there is no such exercise
     */
    public Exercise change(String slug, Map<String, ?> values, String actor) {
        Exercise e = curriculum.require(slug);
        List<String> problems = new ArrayList<>();
        for (String name : values.keySet()) {
            if (!NAMES.contains(name)) {
                problems.add("There is no setting called '" + name + "'; the settings are published, deadline "
                        + "and maxAttempts.");
            }
        }
        Boolean published = values.containsKey("published") ? published(values.get("published"), problems) : null;
        Instant deadline = values.containsKey("deadline") ? deadline(values.get("deadline"), problems) : e.deadline;
        Integer attempts = values.containsKey("maxAttempts") ? attempts(values.get("maxAttempts"), problems)
                : e.maxAttempts;
        if (Boolean.TRUE.equals(published)
                && (e.currentVersion == null || Boolean.FALSE.equals(e.currentVersion.valid))) {
            problems.add(NOT_VALIDATED);
        }
        if (!problems.isEmpty()) {
            throw new SettingsRefused(problems);
        }
        record(e, actor, published, deadline, attempts);
        if (published != null) {
            e.published = published;
        }
        e.deadline = deadline;
        e.maxAttempts = attempts;
        e.updatedAt = Instant.now();
        return e;
    }

    private void record(Exercise e, String actor, Boolean published, Instant deadline, Integer attempts) {
        AuditTrail.Subject subject = AuditTrail.Subject.exercise(e.slug);
        if (published != null && published != e.published) {
            audit.record(actor, null, AuditAction.PUBLISH, subject, e.slug + (published ? " published" : " hidden")
                    + " (version " + (e.currentVersion == null ? "none" : e.currentVersion.version) + ").");
        }
        String moved = AuditTrail.change("deadline", AuditTrail.when(e.deadline, ZoneOffset.UTC),
                AuditTrail.when(deadline, ZoneOffset.UTC));
        if (moved != null) {
            audit.record(actor, null, AuditAction.DEADLINE_CHANGE, subject, e.slug + "'s own " + moved + ".");
        }
        String limit = AuditTrail.change("attempt limit", e.maxAttempts == null ? "no limit" : e.maxAttempts,
                attempts == null ? "no limit" : attempts);
        if (limit != null) {
            audit.record(actor, null, AuditAction.EXERCISE_SETTINGS, subject, e.slug + "'s own " + limit + ".");
        }
    }

    static Boolean published(Object value, List<String> problems) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && Set.of("true", "false").contains(s.trim().toLowerCase(Locale.ROOT))) {
            return Boolean.valueOf(s.trim().toLowerCase(Locale.ROOT));
        }
        problems.add("published must be true or false.");
        return null;
    }

    static Instant deadline(Object value, List<String> problems) {
        if (blank(value)) {
            return null;
        }
        if (value instanceof String s) {
            String text = s.trim();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException ignored) {
                    // neither form: refused below
                }
            }
        }
        problems.add(DEADLINE_FORMAT);
        return null;
    }

    static Integer attempts(Object value, List<String> problems) {
        if (blank(value)) {
            return null;
        }
        Integer n = whole(value);
        if (n == null) {
            problems.add(ATTEMPTS_WHOLE);
        } else if (n < 1) {
            problems.add(ATTEMPTS_POSITIVE);
        }
        return n;
    }

    /**
     * Per-run limits from the browser editor's fields (or any map of the five names): every one
     * must be given and more than 0; memory, processes and output in whole numbers.
     */
    public static ExerciseManifest.Limits limits(Map<String, ?> values, List<String> problems) {
        int before = problems.size();
        double cpu = positive(values.get("cpuSeconds"), "CPU time", false, problems);
        double wall = positive(values.get("wallSeconds"), "Wall time", false, problems);
        double memory = positive(values.get("memoryMb"), "Memory", true, problems);
        double processes = positive(values.get("maxProcesses"), "Processes + threads", true, problems);
        double output = positive(values.get("outputKb"), "Output", true, problems);
        if (problems.size() > before) {
            return null;
        }
        return new ExerciseManifest.Limits(cpu, wall, (int) memory, (int) processes, (int) output);
    }

    private static double positive(Object value, String label, boolean whole, List<String> problems) {
        Double d = whole ? (whole(value) == null ? null : whole(value).doubleValue()) : number(value);
        if (d == null) {
            problems.add(label + " must be a " + (whole ? "whole number" : "number") + ".");
            return 0;
        }
        if (d <= 0) {
            problems.add(label + " must be more than 0.");
        }
        return d;
    }

    private static Double number(Object value) {
        if (value instanceof Number n) {
            return Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
        }
        if (value instanceof String s) {
            try {
                double d = Double.parseDouble(s.trim());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** 3, 3.0 and "3" are 3; 2.5, "2.5", "three" and numbers beyond an int are not whole numbers here. */
    private static Integer whole(Object value) {
        try {
            BigDecimal d;
            if (value instanceof Number n) {
                d = new BigDecimal(n.toString());
            } else if (value instanceof String s) {
                d = new BigDecimal(s.trim());
            } else {
                return null;
            }
            return d.stripTrailingZeros().scale() <= 0 ? d.intValueExact() : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static boolean blank(Object value) {
        return value == null || (value instanceof String s && s.isBlank());
    }
}
