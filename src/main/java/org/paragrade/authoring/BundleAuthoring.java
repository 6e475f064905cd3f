package org.paragrade.authoring;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paragrade.account.Account;
import org.paragrade.archive.ArchiveRefused;
import org.paragrade.curriculum.Bundle;
import org.paragrade.curriculum.BundleRefused;
import org.paragrade.curriculum.BundleValidation;
import org.paragrade.curriculum.BundleValidation.Purpose;
import org.paragrade.curriculum.CurriculumService;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.curriculum.ExerciseSettings;
import org.paragrade.curriculum.ExerciseVersion;
import org.paragrade.curriculum.ValidationStatus;
import org.paragrade.grading.GradingWorker;
import org.paragrade.grading.ValidationReport;
import org.paragrade.queue.JobQueue;

/**
 * Creates, replaces and edits exercises from bundles, for the API and the portal alike. The cheap checks
 * (size cap, safe archive, schema, slug) answer at once; a bundle that passes them is stored as it is with a
 * validation job in the grading queue, in one short transaction, and a grading worker runs the references in
 * its sandbox ({@code grading.BundleValidations}). This process never runs any of the bundle's code. Only a
 * bundle that passed becomes a version; the caller polls {@link #find} or waits for it ({@link #awaitStored}).
 */
@ApplicationScoped
public class BundleAuthoring {
    public static final long MAX_BUNDLE_BYTES = 16L * 1024 * 1024;
    static final String CHOOSE = "Choose a bundle (.zip) and send it as the form field 'bundle'.";
    /** Between two looks at a validation being waited for: one indexed row, a blink beside a validation's minute. */
    private static final Duration LOOK_EVERY = Duration.ofMillis(250);

    private final CurriculumService curriculum;
    private final JobQueue queue;
    private final GradingWorker worker;
    private final AuthoringConfig config;

    public BundleAuthoring(CurriculumService curriculum, JobQueue queue, GradingWorker worker, AuthoringConfig config) {
        this.curriculum = curriculum;
        this.queue = queue;
        this.worker = worker;
        this.config = config;
    }

    /** What storing a validated bundle did. {@code newVersion} is false when it equals the current version. */
    public record Authored(String slug, int version, boolean created, boolean newVersion, boolean published,
                           ValidationReport validation) {
    }

    /** A bundle stored for validation, its job in the queue. */
    public record Queued(long id, String slug, ValidationStatus status) {
        /** Where its validation is polled on the API. */
        public String location() {
            return "/api/exercises/" + slug + "/validations/" + id;
        }
    }

    /**
     * A validation as the instructor follows it: where it is, and once it ended its report; when it passed, the
     * version it is ({@code version}, {@code created}, {@code newVersion}: as {@link Authored} says them).
     */
    public record Validation(long id, String slug, Purpose purpose, ValidationStatus status, String phase, int done,
                             int total, Long position, String requestedBy, Instant createdAt, Instant finishedAt,
                             Integer version, Boolean created, Boolean newVersion, Boolean published,
                             ValidationReport report) {
    }

    /** A new exercise from an uploaded zip (null or empty: nothing was chosen); a taken slug is refused. */
    public Queued create(Path zip, String author) {
        Bundle bundle = read(zip);
        String slug = bundle.manifest().slug();
        if (curriculum.exists(slug)) {
            throw new ExerciseExists(slug);
        }
        return enqueue(bundle, Purpose.CREATE, author);
    }

    /** A new version of an existing exercise; the bundle must carry the same slug. */
    public Queued replace(String slug, Path zip, String author) {
        curriculum.require(slug);
        Bundle bundle = read(zip);
        if (!bundle.manifest().slug().equals(slug)) {
            throw new BundleRefused("The bundle's slug '" + bundle.manifest().slug() + "' is not '" + slug + "'.");
        }
        return enqueue(bundle, Purpose.REPLACE, author);
    }

    /**
     * The browser editor: the current bundle with a new statement and new limits (the five values
     * as {@link ExerciseSettings#limits} reads them), validated like any upload.
     */
    public Queued edit(String slug, String statement, Map<String, ?> limitValues, String author) {
        Bundle current = curriculum.currentBundle(slug);
        List<String> problems = new ArrayList<>();
        ExerciseManifest.Limits limits = ExerciseSettings.limits(limitValues, problems);
        if (statement == null || statement.isBlank()) {
            problems.add("The statement must not be empty.");
        }
        if (!problems.isEmpty()) {
            throw new BundleRefused(problems);
        }
        String yaml = LimitsEditor.withLimits(current.text("exercise.yaml"), asNumbers(limits));
        Bundle edited = current.with(Map.of(
                "statement.md", statement.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8),
                "exercise.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        return enqueue(edited, Purpose.EDIT, author);
    }

    /** This instance has grading workers of its own, so waiting for a validation within a request is worth it. */
    public boolean validatesHere() {
        return worker.claimsHere();
    }

    /**
     * Waits (at most {@code paragrade.validation.wait}, or {@code atMost} when shorter) for a queued bundle's
     * validation when this instance validates: the stored version when it passed, {@link BundleFailedValidation}
     * when it did not; empty when it is still waiting or running (the caller answers that it was accepted) or
     * nothing here validates.
     */
    public Optional<Authored> awaitStored(Queued queued, Duration atMost) {
        if (!validatesHere()) {
            return Optional.empty();
        }
        Duration wait = atMost == null || atMost.compareTo(config.answerWithin()) > 0 ? config.answerWithin() : atMost;
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Validation v = find(queued.slug(), queued.id());
            if (v.status() == ValidationStatus.PASSED) {
                return Optional.of(new Authored(v.slug(), v.version(), v.created(), v.newVersion(), v.published(),
                        v.report()));
            }
            if (v.status() == ValidationStatus.FAILED) {
                throw new BundleFailedValidation(v.report());
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(LOOK_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** One validation of a bundle for {@code slug}; another exercise's id is unknown here. */
    public Validation find(String slug, long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BundleValidation v = BundleValidation.findById(id);
            if (v == null || !v.slug.equals(slug)) {
                throw new UnknownValidation(slug, id);
            }
            return view(v);
        });
    }

    /** The latest validations of an exercise's bundles, newest first (its page lists them). */
    public List<Validation> latest(String slug, int max) {
        return QuarkusTransaction.requiringNew().call(() -> BundleValidation.latestFor(slug, max).stream()
                .map(this::view).toList());
    }

    private Validation view(BundleValidation v) {
        Account by = Account.findById(v.requestedBy);
        Integer version = null;
        Boolean published = null;
        if (v.versionId != null) {
            ExerciseVersion stored = ExerciseVersion.findById(v.versionId);
            version = stored.version;
            published = Exercise.findBySlug(v.slug).map(e -> e.published).orElse(false);
        }
        Long position = v.status == ValidationStatus.QUEUED ? queue.positionOfValidation(v.id) : null;
        return new Validation(v.id, v.slug, v.purpose, v.status, v.progressPhase, v.progressDone, v.progressTotal,
                position, by == null ? null : by.username, v.createdAt, v.finishedAt, version, v.created, v.newVersion,
                published, report(v.report));
    }

    /** The bundle and its validation job, in one transaction: both exist, or neither. */
    private Queued enqueue(Bundle bundle, Purpose purpose, String author) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BundleValidation v = new BundleValidation();
            v.slug = bundle.manifest().slug();
            v.purpose = purpose;
            v.bundle = bundle.toZip();
            v.contentHash = bundle.contentHash();
            v.requestedBy = Account.findByUsername(author).orElseThrow().id;
            v.persist();
            queue.enqueueValidation(v.id);
            return new Queued(v.id, v.slug, v.status);
        });
    }

    /** A stored report that cannot be read is shown as none. */
    private static ValidationReport report(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(json, ValidationReport.class);
        } catch (Exception e) {
            return null;
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind
            .ObjectMapper().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                    false);

    private static Bundle read(Path zip) {
        byte[] bytes;
        try {
            if (zip == null || Files.size(zip) == 0) {
                throw new BundleRefused(CHOOSE);
            }
            if (Files.size(zip) > MAX_BUNDLE_BYTES) {
                throw new BundleTooLarge("Bundles may be at most " + MAX_BUNDLE_BYTES / (1024 * 1024) + " MB.");
            }
            bytes = Files.readAllBytes(zip);
        } catch (IOException e) {
            throw new BundleRefused("The bundle could not be read; try again.");
        }
        try {
            return Bundle.fromZip(bytes);
        } catch (ArchiveRefused e) {
            throw e.tooLarge() ? new BundleTooLarge(e.getMessage()) : new BundleRefused(e.getMessage());
        }
    }

    private static Map<String, Number> asNumbers(ExerciseManifest.Limits l) {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("cpuSeconds", l.cpuSeconds());
        m.put("wallSeconds", l.wallSeconds());
        m.put("memoryMb", l.memoryMb());
        m.put("maxProcesses", l.maxProcesses());
        m.put("outputKb", l.outputKb());
        return m;
    }
}
