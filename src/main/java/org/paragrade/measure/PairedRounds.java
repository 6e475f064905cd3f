package org.paragrade.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleBiFunction;

/**
 * Values paired by round: a cell's run and the baseline's run of the same interleaved round. Both
 * ran minutes apart at most, so a slow drift of the machine (heat, a neighbour) divides out of a
 * per-round ratio, which a ratio of two medians over the whole benchmark cannot do
 * (Kalibera &amp; Jones 2013). A round without both runs contributes nothing.
 */
public final class PairedRounds {

    /** The sequential reference at 1 worker: every speed-up is divided by it. */
    public static final Trial BASELINE = new Trial(RunVariant.SEQUENTIAL, 1);

    private PairedRounds() {
    }

    /**
     * One value per round holding both trials, {@code f(baselineRun, cellRun)}, by increasing round.
     * A trial run more than once in a round is taken at its first run.
     */
    public static List<Double> values(List<Sample> samples, Trial baseline, Trial cell,
                                      ToDoubleBiFunction<Sample, Sample> f) {
        return new ArrayList<>(byRound(samples, baseline, cell, f).values());
    }

    /** As {@link #values}, keyed by round, so that two cells' values of the same round can be joined. */
    public static SortedMap<Integer, Double> byRound(List<Sample> samples, Trial baseline, Trial cell,
                                                     ToDoubleBiFunction<Sample, Sample> f) {
        Objects.requireNonNull(samples, "samples");
        Map<Integer, Sample> base = runs(samples, baseline);
        Map<Integer, Sample> other = runs(samples, cell);
        SortedMap<Integer, Double> out = new TreeMap<>();
        base.keySet().stream().filter(other::containsKey)
                .forEach(r -> out.put(r, f.applyAsDouble(base.get(r), other.get(r))));
        return out;
    }

    /** Baseline wall / cell wall of one round. */
    public static double wallRatio(Sample base, Sample cell) {
        return cell.wallMs() > 0 ? base.wallMs() / cell.wallMs() : Double.NaN;
    }

    /** Per-round wall speed-ups of {@code cell} over the sequential baseline: baseline wall / cell wall. */
    public static List<Double> speedups(List<Sample> samples, Trial cell) {
        return values(samples, BASELINE, cell, PairedRounds::wallRatio).stream().filter(Double::isFinite).toList();
    }

    private static Map<Integer, Sample> runs(List<Sample> samples, Trial trial) {
        Map<Integer, Sample> map = new LinkedHashMap<>();
        for (Sample s : samples) if (s.trial().equals(trial)) map.putIfAbsent(s.round(), s);
        return map;
    }
}
