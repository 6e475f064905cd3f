package org.paragrade.measure;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the physics of the machine supports of a student's run at one worker count, separated into
 * work and parallelism. Every figure is a median of paired per-round values with its 95% interval
 * (null when no round paired the student's run with the sequential baseline).
 *
 * @param workers           the worker count judged (the scoring point)
 * @param wallSpeedup       sequential wall / student wall: what the clock said
 * @param work              sequential CPU time / student CPU time on the same workload: above 1 the
 *                          student did less work (a faster algorithm, or work not done), below 1 more
 * @param coresRatio        student cores busy / sequential cores busy: the parallelism shown
 * @param coresUsed         the student's median CPU utilisation (cores kept busy on average)
 * @param parallelismShown  the run showed the concurrency its kind needs (cores on CPU work,
 *                          overlapped waits on I/O)
 * @param creditedSpeedup   the speed-up the evidence supports and performance points are given for
 * @param creditedRounds    the credited speed-up of each round, by round (to pair with the reference's)
 * @param decidedBy         one or two plain sentences: which evidence decided, with the numbers
 * @param flags             physics flags raised by this run (empty when plausible)
 */
public record Evidence(int workers, Interval wallSpeedup, Interval work, Interval coresRatio, double coresUsed,
                       boolean parallelismShown, Interval creditedSpeedup, Map<Integer, Double> creditedRounds,
                       String decidedBy, List<Flag> flags) {

    public Evidence {
        creditedRounds = Collections.unmodifiableSortedMap(new TreeMap<>(creditedRounds));
        flags = List.copyOf(flags);
    }

    /** A physics flag rules the run out (no performance or behaviour points). */
    public boolean ruledOut() {
        return flags.stream().anyMatch(f -> f.code().withholdsPoints());
    }
}
