package org.paragrade.curriculum;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.paragrade.ParagradeConfig;

/**
 * At start, imports every bundle under {@code paragrade.exercises-dir} whose content changed
 * as a new version. An invalid bundle is logged with its reasons and skipped, never half-imported
 * (each bundle is stored in its own transaction).
 */
@ApplicationScoped
public class CurriculumImporter {
    private static final Logger LOG = Logger.getLogger(CurriculumImporter.class);

    private final ParagradeConfig config;
    private final CurriculumService curriculum;

    public CurriculumImporter(ParagradeConfig config, CurriculumService curriculum) {
        this.config = config;
        this.curriculum = curriculum;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        importAll(Path.of(config.exercisesDir()));
    }

    public record ImportResult(List<String> imported, List<String> unchanged, List<String> refused) {
    }

    public ImportResult importAll(Path dir) {
        List<String> imported = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            LOG.warnf("Exercises folder %s does not exist; no curriculum imported", dir.toAbsolutePath());
            return new ImportResult(imported, unchanged, refused);
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(dir)) {
            folders = list.filter(p -> Files.isRegularFile(p.resolve("exercise.yaml"))).sorted().toList();
        } catch (IOException e) {
            LOG.errorf(e, "Cannot list %s", dir);
            return new ImportResult(imported, unchanged, refused);
        }
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            try {
                Bundle bundle = Bundle.fromDirectory(folder);
                if (!bundle.manifest().slug().equals(name)) {
                    throw new BundleRefused("slug '" + bundle.manifest().slug() + "' differs from the folder name");
                }
                var stored = curriculum.store(bundle, "import", "exercises/", null, null);
                (stored.newVersion() ? imported : unchanged).add(name);
            } catch (BundleRefused e) {
                refused.add(name);
                LOG.errorf("Exercise bundle %s skipped: %s", folder, String.join("; ", e.reasons()));
            } catch (Exception e) {
                refused.add(name);
                LOG.errorf(e, "Exercise bundle %s skipped", folder);
            }
        }
        LOG.infof("Curriculum from %s: %d imported, %d unchanged, %d refused %s", dir.toAbsolutePath(),
                imported.size(), unchanged.size(), refused.size(), refused.isEmpty() ? "" : refused);
        return new ImportResult(imported, unchanged, refused);
    }
}
