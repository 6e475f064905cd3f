package org.paragrade.curriculum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Exercises and their versions: creating and versioning by content hash (settings: {@link ExerciseSettings}). */
@ApplicationScoped
@Transactional
public class CurriculumService {
    private static final Logger LOG = Logger.getLogger(CurriculumService.class);

    private final Event<ExerciseCreated> createdEvent;

    public CurriculumService(Event<ExerciseCreated> createdEvent) {
        this.createdEvent = createdEvent;
    }

    /** What storing a bundle did. */
    public record Stored(Exercise exercise, ExerciseVersion version, boolean created, boolean newVersion) {
    }

    /**
     * Stores the bundle as the exercise's new current version unless the current version has
     * the same content. Exercise-level settings (published, deadline, attempts) come from the
     * manifest only when the exercise is created; later they are the instructor's to change.
     */
    public Stored store(Bundle bundle, String source, String createdBy, String validationJson, Boolean valid) {
        ExerciseManifest m = bundle.manifest();
        String hash = bundle.contentHash();
        Exercise exercise = Exercise.findBySlug(m.slug()).orElse(null);
        boolean created = false;
        if (exercise == null) {
            exercise = new Exercise();
            exercise.slug = m.slug();
            exercise.published = m.published();
            exercise.deadline = m.deadline();
            exercise.maxAttempts = m.maxAttempts();
            created = true;
        }
        exercise.title = m.title();
        exercise.kind = m.kind().word();
        exercise.updatedAt = Instant.now();
        if (created) {
            exercise.persist();
        }
        ExerciseVersion latest = created ? null : ExerciseVersion.latestFor(exercise).orElse(null);
        if (latest != null && latest.contentHash.equals(hash)) {
            if (validationJson != null) {
                latest.validation = validationJson;
                latest.valid = valid;
            }
            return new Stored(exercise, latest, false, false);
        }
        ExerciseVersion v = new ExerciseVersion();
        v.exercise = exercise;
        v.version = latest == null ? 1 : latest.version + 1;
        v.contentHash = hash;
        v.bundle = bundle.toZip();
        v.manifest = ManifestParser.toJson(m);
        v.statement = bundle.statement();
        v.source = source;
        v.createdBy = createdBy;
        v.validation = validationJson;
        v.valid = valid;
        v.persist();
        exercise.currentVersion = v;
        if (created) {
            createdEvent.fire(new ExerciseCreated(exercise));
        }
        LOG.infof("Exercise %s: version %d stored (%s)", m.slug(), v.version, source);
        return new Stored(exercise, v, created, true);
    }

    public boolean exists(String slug) {
        return Exercise.findBySlug(slug).isPresent();
    }

    /** The bundle of the exercise's current version, the start of a browser edit. */
    public Bundle currentBundle(String slug) {
        Exercise e = require(slug);
        if (e.currentVersion == null) {
            throw new UnknownExercise(slug);
        }
        return e.currentVersion.bundle();
    }

    public Exercise require(String slug) {
        return Exercise.findBySlug(slug).orElseThrow(() -> new UnknownExercise(slug));
    }
}
