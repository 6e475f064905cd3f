package org.paragrade.curriculum;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One immutable version of an exercise: the bundle exactly as validated. */
@Entity
@Table(name = "exercise_version")
public class ExerciseVersion extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exercise_id")
    public Exercise exercise;
    @Column(nullable = false)
    public int version;
    @Column(name = "content_hash", nullable = false, columnDefinition = "bpchar")
    public String contentHash;
    @Column(nullable = false)
    @Basic(fetch = FetchType.LAZY)
    public byte[] bundle;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String manifest;
    @Column(nullable = false)
    public String statement;
    @Column(nullable = false)
    public String source;
    @JdbcTypeCode(SqlTypes.JSON)
    public String validation;
    public Boolean valid;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    @Transient
    private ExerciseManifest parsed;

    public ExerciseManifest manifest() {
        if (parsed == null) {
            parsed = ManifestParser.fromJson(manifest);
        }
        return parsed;
    }

    public Bundle bundle() {
        return Bundle.fromZip(bundle);
    }

    public static List<ExerciseVersion> listFor(Exercise exercise) {
        return list("exercise = ?1 order by version desc", exercise);
    }

    public static Optional<ExerciseVersion> latestFor(Exercise exercise) {
        return find("exercise = ?1 order by version desc", exercise).firstResultOptional();
    }
}
