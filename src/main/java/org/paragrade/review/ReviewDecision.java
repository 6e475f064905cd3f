package org.paragrade.review;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import java.io.IOException;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.paragrade.account.Account;

/**
 * A grader's decision that closes a submission's review item. It covers the grading the submission had
 * then ({@link #gradedAt}): a later grading that raises reasons again puts the submission back in the queue.
 */
@Entity
@Table(name = "review_decision")
public class ReviewDecision extends PanacheEntityBase {
    public static final String ACCEPT = "accept";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "submission_id", nullable = false)
    public Long submissionId;
    @Column(nullable = false)
    public String action;
    public String comment;
    /** The reasons the queue showed when the grader closed the item: a JSON list of strings ({@link #reasons()}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reasons", nullable = false)
    public String reasonsJson;
    @Column(name = "graded_at")
    public Instant gradedAt;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    public Account author;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    public List<String> reasons() {
        try {
            return JSON.readValue(reasonsJson, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            return List.of();
        }
    }

    public void reasons(List<String> reasons) {
        try {
            reasonsJson = JSON.writeValueAsString(reasons);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<ReviewDecision> of(long submissionId) {
        return list("submissionId = ?1 order by createdAt, id", submissionId);
    }

    public static Optional<ReviewDecision> latest(long submissionId) {
        return find("submissionId = ?1 order by createdAt desc, id desc", submissionId).firstResultOptional();
    }
}
