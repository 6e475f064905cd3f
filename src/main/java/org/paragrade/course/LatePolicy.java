package org.paragrade.course;

import java.time.Duration;
import java.time.Instant;

/**
 * When a submission is on time, late (after the deadline, until {@code lateUntil}) or refused, and what
 * a late one loses: {@code penaltyPerDay} of its score per started day after the deadline (one second
 * late is one day), never below 0. Plain Java: the arithmetic has its own unit tests.
 *
 * @param deadline      null: no deadline, always on time
 * @param lateUntil     null: no late window, closed at the deadline
 * @param penaltyPerDay fraction of the score, 0..1
 */
public record LatePolicy(Instant deadline, Instant lateUntil, double penaltyPerDay) {
    private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

    /** Where a submission made at one instant stands. */
    public record Standing(boolean open, int lateDays) {
        public static final Standing ON_TIME = new Standing(true, 0);
        public static final Standing CLOSED = new Standing(false, 0);
    }

    public Standing at(Instant when) {
        if (deadline == null || !when.isAfter(deadline)) {
            return Standing.ON_TIME;
        }
        if (lateUntil == null || when.isAfter(lateUntil)) {
            return Standing.CLOSED;
        }
        return new Standing(true, startedDays(deadline, when));
    }

    /** Whole days after the deadline, a started day counting as one. */
    static int startedDays(Instant deadline, Instant when) {
        long seconds = Duration.between(deadline, when).toSeconds();
        long nanos = Duration.between(deadline, when).toNanosPart();
        long days = seconds / DAY_SECONDS + ((seconds % DAY_SECONDS != 0 || nanos != 0) ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, days);
    }

    /** The score kept after the penalty for {@code lateDays} started days. */
    public static double penalised(double raw, int lateDays, double penaltyPerDay) {
        if (lateDays <= 0 || penaltyPerDay <= 0) {
            return raw;
        }
        double factor = Math.max(0, 1 - lateDays * penaltyPerDay);
        // Rounded to 1e-9 so 10 × 0.9 is 9, not 9.000000000000002.
        return Math.round(raw * factor * 1e9) / 1e9;
    }
}
