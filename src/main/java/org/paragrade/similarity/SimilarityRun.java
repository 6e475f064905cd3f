package org.paragrade.similarity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.paragrade.account.Account;
import org.paragrade.course.Course;
import org.paragrade.curriculum.Exercise;

/** One JPlag run over the kept submissions of an exercise, in one course or (course null) in all. */
@Entity
@Table(name = "similarity_run")
public class SimilarityRun extends PanacheEntityBase {
    public enum State { RUNNING, DONE, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exercise_id")
    public Exercise exercise;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "course_id")
    public Course course;
    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public State state;
    /** The compared kept submissions' ids, sorted, comma-separated: a different set now makes the run stale. */
    @Column(name = "input_key", nullable = false)
    public String inputKey;
    @Column(nullable = false)
    public int submissions;
    @Column(name = "left_out", nullable = false)
    public int leftOut;
    /** [{submission, student, reason}]: kept submissions JPlag could not compare. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String skipped = "[]";
    @Column(name = "pairs_total", nullable = false)
    public int pairsTotal;
    public String message;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "requested_by_id")
    public Account requestedBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();
    @Column(name = "finished_at")
    public Instant finishedAt;
    public Long millis;

    /** The newest run of this exercise for this course (null: the runs over every course). */
    public static Optional<SimilarityRun> latest(Exercise exercise, Course course) {
        return course == null
                ? find("exercise = ?1 and course is null order by id desc", exercise).firstResultOptional()
                : find("exercise = ?1 and course = ?2 order by id desc", exercise, course).firstResultOptional();
    }
}
