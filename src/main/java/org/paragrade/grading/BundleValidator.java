package org.paragrade.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.paragrade.ParagradeConfig;
import org.paragrade.curriculum.Bundle;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.measure.BenchmarkPlan;
import org.paragrade.measure.ExpectedModel;
import org.paragrade.measure.Kind;
import org.paragrade.measure.RunFigures;
import org.paragrade.measure.RunVariant;
import org.paragrade.measure.ScoringPoint;
import org.paragrade.measure.SpeedupCurve;
import org.paragrade.measure.StoppingRule;
import org.paragrade.sandbox.RunResult;
import org.paragrade.sandbox.Sandbox;

/**
 * Validates a bundle before it can be published, with the grading pipeline's own stages: the schema
 * and structure (checked when the bundle was read), then through the real sandbox the correctness
 * stage for every reference (with the stress repeats) against the sequential reference's values and for
 * the starter (plain runs), then the benchmark stage on the references and the starter: the expected
 * model's reference must show a speed-up, and the starter must not (a student would begin with the answer).
 */
@ApplicationScoped
public class BundleValidator {
    private static final Logger LOG = Logger.getLogger(BundleValidator.class);
    /** The expected model's reference must beat sequential by this much on cpu, io and mixed exercises. */
    static final double MIN_REFERENCE_SPEEDUP = 1.2;
    /**
     * A starter this much faster than sequential is parallel already. Higher than the references' bar:
     * two rounds of the same sequential code seldom differ by more than 20% even on a noisy machine, and a parallel
     * starter gains 1.4× or more even on 2 cores.
     */
    static final double STARTER_GAIN = 1.3;
    /** Rounds when the references gain and the starter does not, at once. */
    static final int MIN_ROUNDS = 2;
    /** Rounds at most while a figure looks short: ~1 minute for the largest shipped bundle on 2 cores. */
    static final int MAX_ROUNDS = 8;

    private final Instance<Sandbox> sandbox;
    private final ParagradeConfig config;
    private final MachineLock machine;

    public BundleValidator(Instance<Sandbox> sandbox, ParagradeConfig config, MachineLock machine) {
        this.sandbox = sandbox;
        this.config = config;
        this.machine = machine;
    }

    public ValidationReport validate(Bundle bundle) {
        return validate(bundle, true, null);
    }

    /**
     * {@link #validate(Bundle)} on a grading worker: the runs made so far against those planned go to
     * {@code progress}, which also stops the validation (throwing) when its claim is lost or the worker stops.
     */
    ValidationReport validate(Bundle bundle, Progress progress) {
        return validate(bundle, true, progress);
    }

    /**
     * The cases only: every reference and the starter run on every case, checked against sequential, without
     * the benchmark stage (which holds the machine for half a minute or more per bundle). What an instructor's
     * upload gets is always {@link #validate(Bundle)}; this is for checking many bundles at once.
     */
    public ValidationReport validateCases(Bundle bundle) {
        return validate(bundle, false, null);
    }

    private ValidationReport validate(Bundle bundle, boolean benchmark, Progress progress) {
        ExerciseManifest m = bundle.manifest();
        ProgressTracker tracker = progress == null ? ProgressTracker.silent() : new ProgressTracker(progress,
                variantsInOrder(m).stream().mapToInt(v -> CorrectnessStage.plannedRuns(m, v != RunVariant.STARTER))
                        .sum());
        List<String> problems = new ArrayList<>();
        List<ValidationReport.ReferenceCheck> checks = new ArrayList<>();
        String accounting = null;
        Path parent = Path.of(config.dataDir()).toAbsolutePath().resolve("validation");
        try (Workspace ws = Workspace.create(parent, m.slug(), bundle, null)) {
            ExerciseRunner any = new ExerciseRunner(sandbox.get(), m, ws, bundle.files().containsKey("checker.py"),
                    "validate " + m.slug());
            String missing = m.benchmark() == null ? null : ExerciseRunner.unavailable(sandbox.get(), m);
            if (missing != null) {
                problems.add(missing);
                return new ValidationReport(false, problems, checks, null, Instant.now().toString());
            }
            // Everything on the interpreter the score is taken on; the cases on the others too.
            ExerciseRunner runner = m.benchmark() == null ? any : any.on(m.benchmark().scoredInterpreter());
            Sequential truth = new Sequential(runner);
            try (var held = machine.correctness()) {
                // Sequential first, alone: its runs are every other check's expected values. Then the rest,
                // CHECKERS at a time (correctness is not timed for a figure), reported in the same order.
                List<java.util.concurrent.Callable<ValidationReport.ReferenceCheck>> rest = new ArrayList<>();
                List<List<String>> theirProblems = new ArrayList<>();
                for (String id : interpreters(m)) {
                    ExerciseRunner on = id == null ? runner : any.on(id);
                    for (RunVariant variant : variantsInOrder(m)) {
                        List<String> own = new ArrayList<>();
                        java.util.concurrent.Callable<ValidationReport.ReferenceCheck> check = () -> checkCases(m, on,
                                truth, variant, own, tracker, id == null ? "" : " on " + id);
                        if (id == null && variant == RunVariant.SEQUENTIAL) {
                            checks.add(check.call());
                            problems.addAll(own);
                        } else {
                            rest.add(check);
                            theirProblems.add(own);
                        }
                    }
                }
                checks.addAll(inParallel(rest));
                theirProblems.forEach(problems::addAll);
            }
            accounting = truth.accounting;
            if (benchmark && problems.isEmpty() && m.benchmark() != null) {
                accounting = checkSpeedup(m, runner, truth, checks, problems, tracker);
            }
            tracker.phase("done");
        } catch (GradingWorker.Cancelled e) {
            throw e; // its claim is gone: no report at all, the next claim validates again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("validation was interrupted");
        } catch (Exception e) {
            LOG.errorf(e, "Validation of %s failed on our side", m.slug());
            problems.add("validation could not run: " + e.getMessage());
        }
        return new ValidationReport(problems.isEmpty(), problems, checks, accounting, Instant.now().toString());
    }

    /** Checks of variants run at once after sequential's (2 keeps a 2-core machine's cores busy between runs). */
    static final int CHECKERS = 2;

    /** The scored interpreter (null) first, then the exercise's evidence interpreters. */
    private static List<String> interpreters(ExerciseManifest m) {
        List<String> ids = new ArrayList<>();
        ids.add(null);
        if (m.benchmark() != null) {
            ids.addAll(m.benchmark().evidenceInterpreters());
        }
        return ids;
    }

    /** The checks' results in their order, {@link #CHECKERS} running at once. */
    private static List<ValidationReport.ReferenceCheck> inParallel(
            List<java.util.concurrent.Callable<ValidationReport.ReferenceCheck>> checks) throws Exception {
        if (checks.isEmpty()) {
            return List.of();
        }
        Map<String, Object> fields = org.jboss.logging.MDC.getMap();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(CHECKERS, r -> {
            Thread t = new Thread(r, Thread.currentThread().getName() + "-validate");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<ValidationReport.ReferenceCheck>> running = new ArrayList<>();
            for (var check : checks) {
                running.add(pool.submit(() -> {
                    fields.forEach(org.jboss.logging.MDC::put);
                    try {
                        return check.call();
                    } finally {
                        org.jboss.logging.MDC.clear();
                    }
                }));
            }
            List<ValidationReport.ReferenceCheck> out = new ArrayList<>();
            for (var f : running) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause; // a cancelled claim, an interrupt, our own failure: as when run in line
                    }
                    throw (Error) e.getCause();
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sequential first (it is every other variant's oracle), the other references, the starter last. */
    private static List<RunVariant> variantsInOrder(ExerciseManifest m) {
        List<RunVariant> variants = new ArrayList<>(m.references());
        variants.remove(RunVariant.SEQUENTIAL);
        variants.add(0, RunVariant.SEQUENTIAL);
        variants.add(RunVariant.STARTER);
        return variants;
    }

    /** The expected values: the sequential reference's, each run once; its failure is the bundle's problem. */
    private static final class Sequential implements CorrectnessStage.ExpectedLookup {
        private final ExerciseRunner runner;
        private String accounting;
        private String failure;
        /** Each case's expected value, fetched once for every variant and interpreter the validation checks. */
        private final Map<String, com.fasterxml.jackson.databind.JsonNode> seen = new java.util.HashMap<>();

        Sequential(ExerciseRunner runner) {
            this.runner = runner;
        }

        @Override
        public synchronized com.fasterxml.jackson.databind.JsonNode of(Map<String, Object> params) {
            String key = ExerciseRunner.key(params);
            if (seen.containsKey(key)) {
                return seen.get(key);
            }
            com.fasterxml.jackson.databind.JsonNode value = fetch(params);
            seen.put(key, value);
            return value;
        }

        private com.fasterxml.jackson.databind.JsonNode fetch(Map<String, Object> params) {
            RunResult r = runner.run(RunVariant.SEQUENTIAL, params, null);
            accounting = r.accounting();
            if (!r.completed()) {
                failure = "sequential fails on " + params + ": " + r.outcome() + " — " + r.message();
                return null;
            }
            return r.value();
        }
    }

    /** The correctness stage for one variant; every run that did not pass is a problem in words. */
    private static ValidationReport.ReferenceCheck checkCases(ExerciseManifest m, ExerciseRunner runner,
                                                              Sequential truth, RunVariant variant,
                                                              List<String> problems, ProgressTracker tracker,
                                                              String on) {
        // The starter must run and be correct without stress (the bank starter is unsafe by design).
        boolean stress = variant != RunVariant.STARTER;
        var result = new CorrectnessStage(m, runner, truth, tracker, on).run(variant, stress);
        List<String> own = new ArrayList<>();
        if (truth.failure != null && variant == RunVariant.SEQUENTIAL) {
            own.add(truth.failure);
        }
        for (var r : result.runs()) {
            if (!r.accepted() && r.verdict() != org.paragrade.submission.Verdict.NOT_RUN) {
                String where = "case '" + r.name() + "'";
                own.add((variant == RunVariant.STARTER ? "starter/solution.py: " : "") + variant.word()
                        + (r.verdict() == org.paragrade.submission.Verdict.WRONG_ANSWER
                        ? " disagrees with sequential on " + where + ": " + r.message()
                        : " fails " + where + ": " + r.verdict() + " — " + r.message()));
            }
        }
        problems.addAll(own);
        int passed = (int) result.runs().stream().filter(CorrectnessStage.CaseRun::accepted).count();
        return new ValidationReport.ReferenceCheck(variant.word() + on, passed, result.runs().size(), Map.of(), Map.of(),
                own);
    }

    /**
     * The benchmark stage on the references and the starter; the expected model must gain, the starter not.
     * Two rounds when both are plain, more (up to {@value #MAX_ROUNDS}) while either looks short: one
     * neighbour's burst must not refuse a good bundle, and the verdict rests on the median of every round.
     */
    private String checkSpeedup(ExerciseManifest m, ExerciseRunner runner, Sequential truth,
                                List<ValidationReport.ReferenceCheck> checks, List<String> problems,
                                ProgressTracker tracker) throws InterruptedException {
        int rounds = Math.min(MIN_ROUNDS, m.benchmark().rounds());
        int cores = Runtime.getRuntime().availableProcessors();
        int scoredAt = ScoringPoint.of(m.benchmark().scoreAt(), m.kind(), m.benchmark().workers(), cores);
        // The validator asks whether the references show the speed-up, not how much.
        // On sync exercises (the bank's starter races by design) and "any" there is no speed-up to hold back.
        boolean claimsSpeedup = m.kind() != Kind.SYNC && m.expectedModel() != ExpectedModel.ANY;
        List<RunVariant> variants = new ArrayList<>(m.references());
        if (claimsSpeedup) {
            variants.add(RunVariant.STARTER);
        }
        StoppingRule plain = curve -> (referenceAt(curve, scoredAt) >= MIN_REFERENCE_SPEEDUP
                && starterAt(curve, scoredAt) < STARTER_GAIN) || starterClearlyGains(curve, scoredAt);
        BenchmarkPlan plan = new BenchmarkPlan(variants, m.benchmark().workers(), scoredAt, m.expectedModel(),
                cores, rounds, claimsSpeedup ? MAX_ROUNDS : rounds, rounds, m.slug().hashCode(),
                claimsSpeedup ? plain : StoppingRule.NEVER);
        BenchmarkStage.Result measured;
        tracker.plan(plan.gradeTrials().size() * plan.minRounds() + plan.curveTrials().size() * plan.curveRounds());
        tracker.phase("waiting for the machine");
        try (var held = machine.benchmark()) {
            // The smallest workload the exercise may draw: the one where a speed-up is hardest to show.
            measured = new BenchmarkStage(runner, truth, tracker, java.time.Duration.ofMinutes(10))
                    .run(plan, smallest(m), claimsSpeedup ? RunVariant.STARTER : null);
        } catch (BenchmarkStage.ReferenceFailed e) {
            problems.add(e.getMessage());
            return truth.accounting;
        }
        if (measured.failure() != null || measured.wrongAnswer() != null) {
            problems.add("starter/solution.py: " + (measured.failure() != null ? measured.failure().message()
                    : measured.wrongAnswer()));
            return measured.accounting();
        }
        SpeedupCurve curve = SpeedupCurve.from(measured.samples(), cores, m.expectedModel());
        checks.replaceAll(c -> c.reference().contains(" on ") ? c : withSpeedups(c, curve)); // the scored interpreter's
        if (!claimsSpeedup) {
            return measured.accounting();
        }
        Optional<RunFigures> reference = curve.referenceRunAt(scoredAt);
        if (referenceAt(curve, scoredAt) < MIN_REFERENCE_SPEEDUP) {
            problems.add(String.format(Locale.ROOT, "the %s reference is only %s faster than sequential at %d workers"
                            + " (median of %d rounds); an exercise expecting %s must show at least %.1f× (make the"
                            + " workload bigger or fix the reference)", m.expectedModel().word(),
                    reference.map(BundleValidator::describe).orElse("0.00×"), scoredAt, roundsOf(reference),
                    m.expectedModel().word(), MIN_REFERENCE_SPEEDUP));
        }
        Optional<RunFigures> starter = curve.run(RunVariant.STARTER, scoredAt).filter(f -> f.speedup() != null);
        if (starterAt(curve, scoredAt) >= STARTER_GAIN) {
            problems.add(String.format(Locale.ROOT, "starter/solution.py is already %s faster than sequential at %d"
                    + " workers (median of %d rounds): a student would begin with the speed-up the exercise asks for"
                    + " (make the starter sequential)", starter.map(BundleValidator::describe).orElse(""), scoredAt,
                    roundsOf(starter)));
        }
        return measured.accounting();
    }

    /** The fitting reference's median speed-up at {@code workers}; 0 when it has none. */
    private static double referenceAt(SpeedupCurve curve, int workers) {
        return curve.referenceRunAt(workers).map(RunFigures::speedup).orElse(0.0);
    }

    /** The starter's median speed-up at {@code workers}; 0 before it has one. */
    private static double starterAt(SpeedupCurve curve, int workers) {
        return curve.run(RunVariant.STARTER, workers).map(RunFigures::speedup).orElse(0.0);
    }

    /** Every round so far (at least three) has the starter beyond the bar: it is parallel, more rounds say no more. */
    private static boolean starterClearlyGains(SpeedupCurve curve, int workers) {
        return curve.run(RunVariant.STARTER, workers).map(RunFigures::speedupInterval)
                .filter(i -> i.count() >= 3 && i.low() >= STARTER_GAIN).isPresent();
    }

    private static String describe(RunFigures f) {
        return f.speedupInterval() != null ? f.speedupInterval().describe()
                : String.format(Locale.ROOT, "%.2f×", f.speedup());
    }

    private static int roundsOf(Optional<RunFigures> f) {
        return f.map(RunFigures::samples).orElse(0);
    }

    private static Map<String, Object> smallest(ExerciseManifest m) {
        Map<String, Object> w = new LinkedHashMap<>();
        m.benchmark().params().forEach((k, v) -> w.put(k, v instanceof Map<?, ?> r ? r.get("from") : v));
        return w;
    }

    private static ValidationReport.ReferenceCheck withSpeedups(ValidationReport.ReferenceCheck c, SpeedupCurve curve) {
        Map<Integer, Double> speedups = new LinkedHashMap<>();
        Map<Integer, Double> walls = new LinkedHashMap<>();
        for (RunFigures f : curve.runsOf(RunVariant.of(c.reference()))) {
            speedups.put(f.workers(), f.speedup());
            walls.put(f.workers(), f.wallMs().median());
        }
        return new ValidationReport.ReferenceCheck(c.reference(), c.passed(), c.total(), speedups, walls, c.problems());
    }
}
