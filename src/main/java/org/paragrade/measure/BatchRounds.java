package org.paragrade.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Several solutions of one exercise version benchmarked in one interleaved session against one set of
 * reference runs: the references are paid once per batch instead of once per student.
 *
 * <p>Each member keeps its own {@link BenchmarkPlan} and so its own stopping rule. A round holds the
 * references' cells of its phase once (the sequential baseline always among them) and the student cells
 * of every member that needs that phase; grade rounds come first while any member still needs one, a
 * member already decided sits them out. A member's <b>view</b> is its own runs plus the shared runs of the
 * rounds it ran in: exactly what a benchmark of its own would have measured, with the baseline of the
 * same round to pair with. So a member's score depends on its own runs and the machine, never on what its
 * mates did or how long they needed; a member that fails a run or loses its claim is {@linkplain #drop
 * dropped} and the others go on.
 */
public final class BatchRounds {
    /** A cell of a batch round: a member's (its index) or the references' ({@link #SHARED}). */
    public record Cell(int member, Trial trial) {
        public boolean shared() {
            return member == SHARED;
        }
    }

    public static final int SHARED = -1;

    private final List<BenchmarkPlan> plans;
    private final long seed;
    private final List<Sample> shared = new ArrayList<>();
    private final Map<Integer, List<Sample>> own = new HashMap<>();
    private final Set<Integer> active = new TreeSet<>();

    /** @param plans one per member, all of the same exercise version (the same cells, arranged by their seeds) */
    public BatchRounds(List<BenchmarkPlan> plans, long seed) {
        if (plans.isEmpty()) throw new IllegalArgumentException("a batch needs a member");
        this.plans = List.copyOf(plans);
        this.seed = seed;
        for (int m = 0; m < plans.size(); m++) {
            own.put(m, new ArrayList<>());
            active.add(m);
        }
    }

    public int size() {
        return plans.size();
    }

    /** Members still being measured. */
    public Set<Integer> active() {
        return Set.copyOf(active);
    }

    /** A member leaves the batch (failed a run, lost its claim); its view so far is kept. */
    public void drop(int member) {
        active.remove(member);
    }

    /** Records the run of a cell. */
    public void record(Cell cell, Sample sample) {
        if (!cell.trial().equals(sample.trial())) throw new IllegalArgumentException(sample + " is not of " + cell);
        (cell.shared() ? shared : own.get(cell.member())).add(sample);
    }

    /** What the member's own benchmark would have measured: its runs and the shared runs of its rounds. */
    public List<Sample> view(int member) {
        List<Sample> mine = own.get(member);
        Set<Integer> rounds = new TreeSet<>();
        mine.forEach(s -> rounds.add(s.round()));
        List<Sample> out = new ArrayList<>();
        for (Sample s : shared) if (rounds.contains(s.round())) out.add(s);
        out.addAll(mine);
        return out;
    }

    /** The member's runs of its own solution only. */
    public List<Sample> own(int member) {
        return List.copyOf(own.get(member));
    }

    /**
     * The cells of round {@code r}, in its order, or empty when every active member is done.
     *
     * @param budgetLeft whether the session's time budget still allows the rest of the curve (each member
     *                   measures its curve at least once in any case, as a benchmark of its own does)
     */
    public List<Cell> round(int r, BooleanSupplier budgetLeft) {
        Objects.requireNonNull(budgetLeft, "budgetLeft");
        Map<Integer, BenchmarkPlan.Phase> phases = new HashMap<>();
        for (int m : active) phases.put(m, plans.get(m).phase(view(m), !curveMeasured(m) || budgetLeft.getAsBoolean()));
        BenchmarkPlan.Phase phase = phases.containsValue(BenchmarkPlan.Phase.GRADE) ? BenchmarkPlan.Phase.GRADE
                : phases.containsValue(BenchmarkPlan.Phase.CURVE) ? BenchmarkPlan.Phase.CURVE : BenchmarkPlan.Phase.DONE;
        if (phase == BenchmarkPlan.Phase.DONE) return List.of();
        List<Trial> trials = phase == BenchmarkPlan.Phase.GRADE ? plans.get(0).gradeTrials() : plans.get(0).curveTrials();
        // Arranged over every member's cells, then the members not in this round left out: the same
        // arrangement through the whole phase, and the Williams rows over it.
        List<Cell> all = new ArrayList<>();
        for (Trial t : trials) {
            if (t.variant() != RunVariant.STUDENT) all.add(new Cell(SHARED, t));
        }
        for (int m = 0; m < plans.size(); m++) {
            for (Trial t : trials) if (t.variant() == RunVariant.STUDENT) all.add(new Cell(m, t));
        }
        List<Cell> these = new ArrayList<>();
        for (Cell c : BenchmarkPlan.arranged(all, seed + phase.ordinal())) {
            if (c.shared() || phases.get(c.member()) == phase) these.add(c);
        }
        return BenchmarkPlan.williams(these, r);
    }

    /** The member has measured a curve cell other than the baseline (the design's largest worker count). */
    private boolean curveMeasured(int member) {
        Set<Trial> curve = new LinkedHashSet<>(plans.get(member).curveTrials());
        curve.remove(PairedRounds.BASELINE);
        return view(member).stream().anyMatch(s -> curve.contains(s.trial()));
    }
}
