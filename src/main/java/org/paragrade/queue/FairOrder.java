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

    /** A recent batch (one claim: its members share the start): how many it graded, how long it took. */
    public record Recent(int size, double seconds) {
    }

    /**
     * What a batch of {@code n} costs: the references once plus each member's own cells (and its correctness
     * runs), {@code references + n * member} seconds.
     */
    public record BatchCost(double references, double member) {
        /**
         * Without two batch sizes to tell the parts apart, a size's time is split as on the primes benchmark
         * graded alone: about 7 of its 10 cells are the references' ({@link #REFERENCE_SHARE}).
         */
        static final double REFERENCE_SHARE = 0.7;

        public double of(long n) {
            return references + n * member;
        }

        /**
         * Fitted on recent batches: a least-squares line through each size's median time (medians, so one
         * grading on a busy minute does not move it). Null when there is none.
         */
        public static BatchCost fit(List<Recent> recent) {
            Map<Integer, List<Double>> bySize = new java.util.TreeMap<>();
            for (Recent r : recent) {
                if (r.size() > 0 && r.seconds() >= 0) {
                    bySize.computeIfAbsent(r.size(), k -> new ArrayList<>()).add(r.seconds());
                }
            }
            if (bySize.isEmpty()) {
                return null;
            }
            Map<Integer, Double> medians = new java.util.TreeMap<>();
            bySize.forEach((n, times) -> medians.put(n, median(times)));
            if (medians.size() >= 2) {
                double mx = medians.keySet().stream().mapToInt(Integer::intValue).average().orElseThrow();
                double my = medians.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                double sxy = 0, sxx = 0;
                for (Map.Entry<Integer, Double> e : medians.entrySet()) {
                    sxy += (e.getKey() - mx) * (e.getValue() - my);
                    sxx += (e.getKey() - mx) * (e.getKey() - mx);
                }
                double member = sxy / sxx;
                double references = my - member * mx;
                if (member > 0 && references >= 0) {
                    return new BatchCost(references, member);
                }
                if (member > 0) { // members alone explain more than all: no shared part to see
                    return new BatchCost(0, my / mx);
                }
            }
            // one size (or a fit that makes no sense): split the most common size's time by the prior
            Map.Entry<Integer, List<Double>> common = bySize.entrySet().stream()
                    .max(Comparator.comparingInt((Map.Entry<Integer, List<Double>> e) -> e.getValue().size())
                            .thenComparingInt(Map.Entry::getKey)).orElseThrow();
            double solo = median(common.getValue()) / (REFERENCE_SHARE + (1 - REFERENCE_SHARE) * common.getKey());
            return new BatchCost(REFERENCE_SHARE * solo, (1 - REFERENCE_SHARE) * solo);
        }

        private static double median(List<Double> values) {
            List<Double> v = values.stream().sorted().toList();
            int n = v.size();
            return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
        }
    }

    private FairOrder() {
    }

    /**
     * About how many seconds until the job at {@code position} of the claim order is graded: the jobs before it
     * are claimed in batches as large as the largest recent one (a long queue fills them), {@code workers} at a
     * time, each batch costing the references once plus its members ({@link BatchCost}); the job's own batch
     * holds the jobs still waiting from its batch's start, at most a full one. Null when there is no recent
     * grading or no worker. The grading under way now is not counted.
     *
     * @param waiting how many jobs wait in all (at least {@code position})
     */
    public static Long etaSeconds(long position, long waiting, long workers, List<Recent> recent) {
        BatchCost cost = BatchCost.fit(recent);
        if (cost == null || workers <= 0 || position <= 0) {
            return null;
        }
        long size = Math.max(1, recent.stream().mapToInt(Recent::size).max().orElse(1));
        long batches = (position + size - 1) / size; // mine is the last of these
        long rounds = (batches + workers - 1) / workers;
        long mine = Math.min(size, Math.max(position, waiting) - (batches - 1) * size);
        double seconds = (rounds - 1) * cost.of(size) + cost.of(mine);
        return Math.round(seconds);
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
