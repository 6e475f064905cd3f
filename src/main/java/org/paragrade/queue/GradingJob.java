package org.paragrade.queue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.List;

/** One grading of one submission, or one validation of a bundle, claimed by a worker under a lease. */
@Entity
@Table(name = "grading_job")
public class GradingJob extends PanacheEntityBase {
    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String DEAD = "DEAD";
    /** Withdrawn while waiting: the student uploaded a newer solution before this one was claimed. */
    public static final String SUPERSEDED = "SUPERSEDED";
    /** Claimed first: a student's upload, or one staff regrade. */
    public static final int PRIORITY_STUDENT = 0;
    /**
     * Claimed after every waiting student upload, before any regrade-all batch: an instructor's bundle. A
     * student waiting for a grade keeps the worker first (a validation holds it for a minute or more); an
     * instructor waiting for a validation is not made to wait behind a batch of hundreds of regrades.
     */
    public static final int PRIORITY_VALIDATION = 1;
    /** Claimed after every waiting student upload and bundle validation: a staff regrade-all batch. */
    public static final int PRIORITY_BATCH = 2;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** The submission to grade; null for a bundle validation. */
    @Column(name = "submission_id")
    public Long submissionId;
    /** The bundle to validate ({@code bundle_validation}); null for a grading. */
    @Column(name = "validation_id")
    public Long validationId;
    @Column(nullable = false)
    public String state;
    @Column(nullable = false)
    public int attempt;
    @Column(name = "max_attempts", nullable = false)
    public int maxAttempts;
    @Column(name = "lease_owner")
    public String leaseOwner;
    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;
    @Column(name = "run_after", nullable = false)
    public Instant runAfter = Instant.now();
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(nullable = false)
    public int priority = PRIORITY_STUDENT;
    /** The exercise version to grade against; null: the submission's own. */
    @Column(name = "version_id")
    public Long versionId;
    /** The staff account that asked for this grading; null: the student's own upload. */
    @Column(name = "requested_by")
    public Long requestedBy;
    @Column(name = "batch_id")
    public Long batchId;

    public static List<GradingJob> forSubmission(long submissionId) {
        return list("submissionId = ?1 order by id", submissionId);
    }

    public static List<GradingJob> forValidation(long validationId) {
        return list("validationId = ?1 order by id", validationId);
    }

    public static long countWaiting() {
        return count("state = ?1", QUEUED);
    }
}
