package org.paragrade.curriculum;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An instructor's bundle waiting for, or through, its validation on a grading worker. The bundle's bytes
 * never change after the upload: the worker validates them and, when they pass, stores exactly them as
 * the exercise's version.
 */
@Entity
@Table(name = "bundle_validation")
public class BundleValidation extends PanacheEntityBase {
    /** What the bundle is for: a new exercise, a new version of one, or the browser editor's change. */
    public enum Purpose {
        CREATE, REPLACE, EDIT;

        /** The version's {@code source} as the versions table shows it. */
        public String source() {
            return this == EDIT ? "edit" : "upload";
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String slug;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;
    @Column(nullable = false)
    @Basic(fetch = FetchType.LAZY)
    public byte[] bundle;
    @Column(name = "content_hash", nullable = false, columnDefinition = "bpchar")
    public String contentHash;
    @Column(name = "requested_by", nullable = false)
    public Long requestedBy;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ValidationStatus status = ValidationStatus.QUEUED;
    @Column(name = "progress_phase")
    public String progressPhase;
    @Column(name = "progress_done", nullable = false)
    public int progressDone;
    @Column(name = "progress_total", nullable = false)
    public int progressTotal;
    @JdbcTypeCode(SqlTypes.JSON)
    public String report;
    @Column(name = "version_id")
    public Long versionId;
    public Boolean created;
    @Column(name = "new_version")
    public Boolean newVersion;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();
    @Column(name = "finished_at")
    public Instant finishedAt;

    public Bundle bundle() {
        return Bundle.fromZip(bundle);
    }

    /** The latest validations of an exercise's bundles, newest first. */
    public static List<BundleValidation> latestFor(String slug, int max) {
        return find("slug = ?1 order by id desc", slug).page(0, max).list();
    }
}
