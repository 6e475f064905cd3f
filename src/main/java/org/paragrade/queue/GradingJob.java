package org.paragrade.queue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.List;

/** One grading of one submission, claimed by a worker under a lease. */
@Entity
@Table(name = "grading_job")
public class GradingJob extends PanacheEntityBase {
    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String DEAD = "DEAD";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "submission_id", nullable = false)
    public Long submissionId;
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

    public static List<GradingJob> forSubmission(long submissionId) {
        return list("submissionId = ?1 order by id", submissionId);
    }

    public static long countWaiting() {
        return count("state = ?1", QUEUED);
    }
}
