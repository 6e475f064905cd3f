package org.paragrade.queue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The claim order of {@link JobQueue#claim}, replayed in memory to tell a waiting job its place: each
 * claim takes the job with the lowest priority number, then whose student has had the fewest turns
 * (jobs claimed in the recent window, or running), then the oldest; every claim is a turn for its
 * student. Arrivals, backoffs and the window moving on are not foreseen, so it is an estimate.
 * The priorities ({@link GradingJob}): 0 students' uploads and single regrades, 1 instructors' bundle
 * validations, 2 regrade-all batches; a validation's "student" is the instructor who uploaded the bundle.
 */
public final class FairOrder {
    /** A waiting job: its id (its age), its student and its priority. */
    public record Waiting(long jobId, long studentId, int priority) {
    }

    private FairOrder() {
    }

    /**
     * The place of {@code jobId} in the claim order, counting it (1 = next), or 0 when it is not waiting.
     *
     * @param turns each student's turns so far in the window (absent: none)
     */
    public static long positionOf(long jobId, List<Waiting> waiting, Map<Long, Long> turns) {
        Map<Long, Deque<Waiting>> byStudent = new HashMap<>();
        waiting.stream().sorted(Comparator.comparingInt(Waiting::priority).thenComparingLong(Waiting::jobId))
                .forEach(w -> byStudent.computeIfAbsent(w.studentId(), k -> new ArrayDeque<>()).add(w));
        Map<Long, Long> taken = new HashMap<>(turns);
        // Within one student the order is priority then age, so only each student's first job competes.
        PriorityQueue<Waiting> heads = new PriorityQueue<>(Comparator.comparingInt(Waiting::priority)
                .thenComparingLong(w -> taken.getOrDefault(w.studentId(), 0L)).thenComparingLong(Waiting::jobId));
        byStudent.values().forEach(q -> heads.add(q.peek()));
        long position = 0;
        while (!heads.isEmpty()) {
            Waiting next = heads.poll();
            position++;
            if (next.jobId() == jobId) {
                return position;
            }
            Deque<Waiting> mine = byStudent.get(next.studentId());
            mine.poll();
            taken.merge(next.studentId(), 1L, Long::sum);
            if (!mine.isEmpty()) {
                heads.add(mine.peek());
            }
        }
        return 0;
    }

    /** The order itself (job ids, next first), for tests and the curious. */
    public static List<Long> order(List<Waiting> waiting, Map<Long, Long> turns) {
        List<Long> out = new ArrayList<>();
        for (Waiting w : waiting) {
            out.add(w.jobId());
        }
        out.sort(Comparator.comparingLong(id -> positionOf(id, waiting, turns)));
        return out;
    }
}
