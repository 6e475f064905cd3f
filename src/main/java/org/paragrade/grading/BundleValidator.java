package org.paragrade.grading;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.paragrade.ParagradeConfig;
import org.paragrade.curriculum.Bundle;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.measure.BenchmarkPlan;
import org.paragrade.measure.RunFigures;
import org.paragrade.measure.Sample;
import org.paragrade.measure.SpeedupCurve;
import org.paragrade.measure.Trial;
import org.paragrade.sandbox.RunResult;
import org.paragrade.sandbox.Sandbox;

/**
 * Validates a bundle before it can be published: the schema and structure (checked when the
 * bundle was read), then through the real sandbox: every reference passes every case (and the
 * stress repeats) with the sequential reference's values, the starter runs every case, and the
 * reference of the expected model shows a speed-up at the largest worker count.
 */
@ApplicationScoped
public class BundleValidator {
    private static final Logger LOG = Logger.getLogger(BundleValidator.class);
    /** The expected model's reference must beat sequential by this much on cpu, io and mixed exercises. */
    static final double MIN_REFERENCE_SPEEDUP = 1.2;

    private final Instance<Sandbox> sandbox;
    private final ParagradeConfig config;
    private final MachineLock machine;

    public BundleValidator(Instance<Sandbox> sandbox, ParagradeConfig config, MachineLock machine) {
        this.sandbox = sandbox;
        this.config = config;
        this.machine = machine;
    }

    public ValidationReport validate(Bundle bundle) {
        ExerciseManifest m = bundle.manifest();
        List<String> problems = new ArrayList<>();
        List<ValidationReport.ReferenceCheck> checks = new ArrayList<>();
        String accounting = null;
        Path parent = Path.of(config.dataDir()).toAbsolutePath().resolve("validation");
        try (Workspace ws = Workspace.create(parent, m.slug(), bundle, null)) {
            ExerciseRunner runner = new ExerciseRunner(sandbox.get(), m, ws, bundle.files().containsKey("checker.py"),
                    "validate " + m.slug());
            Map<String, JsonNode> expected = new LinkedHashMap<>();
            List<String> variants = new ArrayList<>(m.references());
            variants.remove("sequential");
            variants.add(0, "sequential");
            variants.add("starter");
            try (var held = machine.correctness()) {
                for (String variant : variants) {
                    List<String> own = new ArrayList<>();
                    int passed = 0;
                    int total = 0;
                    boolean stress = m.stress() != null && !"starter".equals(variant);
                    int repeats = stress ? m.stress().repeat() : 0;
                    for (int rep = 0; rep <= repeats; rep++) {
                        for (var c : m.cases()) {
                            total++;
                            RunResult r = runner.run(variant, c.params(), rep == 0 ? null : m.stress().switchInterval());
                            accounting = r.accounting();
                            String where = "case '" + c.name() + "'" + (rep == 0 ? "" : " (stress " + rep + ")");
                            if (!r.completed()) {
                                own.add(variant + " fails " + where + ": " + r.outcome() + " — " + r.message());
                                continue;
                            }
                            if ("sequential".equals(variant) && rep == 0) {
                                expected.put(c.name(), r.value());
                                passed++;
                                continue;
                            }
                            String diff = Comparison.firstDifference(expected.get(c.name()), r.value());
                            if (diff != null) {
                                own.add(variant + " disagrees with sequential on " + where + ": " + diff);
                            } else {
                                passed++;
                            }
                        }
                    }
                    if ("starter".equals(variant)) {
                        // The starter must run and be correct without stress (the bank starter is unsafe by design).
                        own.replaceAll(p -> "starter/solution.py: " + p);
                    }
                    problems.addAll(own);
                    checks.add(new ValidationReport.ReferenceCheck(variant, passed, total, Map.of(), Map.of(), own));
                }
            }
            if (problems.isEmpty() && m.benchmark() != null) {
                checkSpeedup(m, runner, checks, problems);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("validation was interrupted");
        } catch (Exception e) {
            LOG.errorf(e, "Validation of %s failed on our side", m.slug());
            problems.add("validation could not run: " + e.getMessage());
        }
        return new ValidationReport(problems.isEmpty(), problems, checks, accounting, Instant.now().toString());
    }

    private void checkSpeedup(ExerciseManifest m, ExerciseRunner runner, List<ValidationReport.ReferenceCheck> checks,
                              List<String> problems) throws InterruptedException {
        List<String> refs = new ArrayList<>(m.references());
        int rounds = Math.min(2, m.benchmark().rounds());
        BenchmarkPlan plan = new BenchmarkPlan(refs, m.benchmark().workers(), rounds, rounds, m.slug().hashCode(),
                BenchmarkPlan.DEFAULT_SPREAD_THRESHOLD);
        List<Sample> samples = new ArrayList<>();
        try (var held = machine.benchmark()) {
            for (int round = 0; round < rounds; round++) {
                for (Trial t : plan.round(round)) {
                    RunResult r = runner.run(t.variant(), ExerciseRunner.benchmarkParams(m, t.workers()), null);
                    if (!r.completed()) {
                        problems.add(t.variant() + " fails the benchmark workload with " + t.workers() + " worker(s): "
                                + r.outcome() + " — " + r.message());
                        return;
                    }
                    samples.add(new Sample(t.variant(), t.workers(), round, r.wallMs(), r.cpuMs(), r.maxThreads(),
                            r.maxProcesses(), r.peakMemoryMb()));
                }
            }
        }
        SpeedupCurve curve = SpeedupCurve.from(samples, Runtime.getRuntime().availableProcessors(), m.expectedModel());
        for (int i = 0; i < checks.size(); i++) {
            var c = checks.get(i);
            Map<Integer, Double> speedups = new LinkedHashMap<>();
            Map<Integer, Double> walls = new LinkedHashMap<>();
            for (RunFigures f : curve.runsOf(c.reference())) {
                speedups.put(f.workers(), f.speedup());
                walls.put(f.workers(), f.wallMs().median());
            }
            checks.set(i, new ValidationReport.ReferenceCheck(c.reference(), c.passed(), c.total(), speedups, walls,
                    c.problems()));
        }
        Double best = curve.referenceSpeedup();
        boolean claimsSpeedup = !"sync".equals(m.kind()) && !"any".equals(m.expectedModel());
        if (claimsSpeedup && (best == null || best < MIN_REFERENCE_SPEEDUP)) {
            problems.add(String.format(Locale.ROOT, "the %s reference is only %.2f× faster than sequential at %d workers;"
                            + " an exercise expecting %s must show at least %.1f× (make the workload bigger or fix the"
                            + " reference)", m.expectedModel(), best == null ? 0.0 : best, curve.largestWorkers(),
                    m.expectedModel(), MIN_REFERENCE_SPEEDUP));
        }
    }
}
