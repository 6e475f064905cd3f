package org.paragrade.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.Optional;

/** A student's request that a grader look at one of their submissions; open until a decision closes it. */
@Entity
@Table(name = "review_request")
public class ReviewRequest extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "submission_id", nullable = false)
    public Long submissionId;
    @Column(nullable = false)
    public String message;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();
    /** The decision that closed it; null while open. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decision_id")
    public ReviewDecision decision;

    public boolean open() {
        return decision == null;
    }

    public static Optional<ReviewRequest> openFor(long submissionId) {
        return find("submissionId = ?1 and decision is null", submissionId).firstResultOptional();
    }

    /** The newest request on the submission, open or closed. */
    public static Optional<ReviewRequest> latest(long submissionId) {
        return find("submissionId = ?1 order by createdAt desc, id desc", submissionId).firstResultOptional();
    }

    /** Open requests on any of the student's submissions (the flood bound counts them). */
    public static long openOfStudent(long accountId) {
        return count("decision is null and submissionId in (select s.id from Submission s where s.student.id = ?1)",
                accountId);
    }
}
