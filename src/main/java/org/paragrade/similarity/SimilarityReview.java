package org.paragrade.similarity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.paragrade.account.Account;

/** A grader looked at a pair of submissions; kept by the pair (smaller id first), so it outlives re-runs. */
@Entity
@Table(name = "similarity_review")
public class SimilarityReview extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "submission_a", nullable = false)
    public long submissionA;
    @Column(name = "submission_b", nullable = false)
    public long submissionB;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reviewed_by_id")
    public Account reviewedBy;
    @Column(name = "reviewed_at", nullable = false)
    public Instant reviewedAt = Instant.now();

    public static Optional<SimilarityReview> of(long x, long y) {
        return find("submissionA = ?1 and submissionB = ?2", Math.min(x, y), Math.max(x, y)).firstResultOptional();
    }

    /** The marks among these submissions. */
    public static List<SimilarityReview> among(Collection<Long> submissions) {
        return submissions.isEmpty() ? List.of()
                : list("submissionA in ?1 and submissionB in ?1", submissions);
    }
}
