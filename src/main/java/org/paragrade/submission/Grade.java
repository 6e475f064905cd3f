package org.paragrade.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.paragrade.account.Account;

/** An automatic grade (one per grading; regrades keep the history) or a grader's override. */
@Entity
@Table(name = "grade")
public class Grade extends PanacheEntityBase {
    public static final String AUTO = "AUTO";
    public static final String OVERRIDE = "OVERRIDE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "submission_id", nullable = false)
    public Long submissionId;
    @Column(nullable = false)
    public String kind;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Verdict verdict;
    @Column(nullable = false)
    public double score;
    @Column(name = "max_score", nullable = false)
    public double maxScore;
    public String comment;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    public Account author;
    @Column(name = "job_id")
    public Long jobId;
    /** The exercise version an automatic grade was computed against (null: graded before this was kept). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "version_id")
    public org.paragrade.curriculum.ExerciseVersion version;
    /** The staff account that asked for this grading (null: the student's own upload). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "requested_by")
    public Account requestedBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    public static List<Grade> history(long submissionId) {
        return list("submissionId = ?1 order by createdAt, id", submissionId);
    }

    public static Optional<Grade> currentOverride(long submissionId) {
        return find("submissionId = ?1 and kind = ?2 order by createdAt desc, id desc", submissionId, OVERRIDE)
                .firstResultOptional();
    }
}
