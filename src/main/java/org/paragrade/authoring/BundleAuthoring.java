package org.paragrade.authoring;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paragrade.archive.ArchiveRefused;
import org.paragrade.curriculum.Bundle;
import org.paragrade.curriculum.BundleRefused;
import org.paragrade.curriculum.CurriculumService;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.curriculum.ExerciseSettings;
import org.paragrade.grading.BundleValidator;
import org.paragrade.grading.ValidationReport;

/**
 * Creates, replaces and edits exercises from bundles, for the API and the portal alike. Validation
 * runs the references in the sandbox (seconds to minutes), so it runs outside any transaction; the
 * bundle is stored, in one short transaction, only when it passed.
 */
@ApplicationScoped
public class BundleAuthoring {
    public static final long MAX_BUNDLE_BYTES = 16L * 1024 * 1024;
    static final String CHOOSE = "Choose a bundle (.zip) and send it as the form field 'bundle'.";

    private final CurriculumService curriculum;
    private final BundleValidator validator;

    public BundleAuthoring(CurriculumService curriculum, BundleValidator validator) {
        this.curriculum = curriculum;
        this.validator = validator;
    }

    /** What storing a validated bundle did. {@code newVersion} is false when it equals the current version. */
    public record Authored(String slug, int version, boolean created, boolean newVersion, boolean published,
                           ValidationReport validation) {
    }

    /** A new exercise from an uploaded zip (null or empty: nothing was chosen); a taken slug is refused. */
    public Authored create(Path zip, String author) {
        Bundle bundle = read(zip);
        String slug = bundle.manifest().slug();
        if (curriculum.exists(slug)) {
            throw new ExerciseExists(slug);
        }
        return validateAndStore(bundle, "upload", author);
    }

    /** A new version of an existing exercise; the bundle must carry the same slug. */
    public Authored replace(String slug, Path zip, String author) {
        curriculum.require(slug);
        Bundle bundle = read(zip);
        if (!bundle.manifest().slug().equals(slug)) {
            throw new BundleRefused("The bundle's slug '" + bundle.manifest().slug() + "' is not '" + slug + "'.");
        }
        return validateAndStore(bundle, "upload", author);
    }

    /**
     * The browser editor: the current bundle with a new statement and new limits (the five values
     * as {@link ExerciseSettings#limits} reads them), validated like any upload.
     */
    public Authored edit(String slug, String statement, Map<String, ?> limitValues, String author) {
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
        return validateAndStore(edited, "edit", author);
    }

    private Authored validateAndStore(Bundle bundle, String source, String author) {
        ValidationReport report = validator.validate(bundle);
        if (!report.valid()) {
            throw new BundleFailedValidation(report);
        }
        var stored = curriculum.store(bundle, source, author, report.toJson(), true);
        return new Authored(stored.exercise().slug, stored.version().version, stored.created(), stored.newVersion(),
                stored.exercise().published, report);
    }

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
