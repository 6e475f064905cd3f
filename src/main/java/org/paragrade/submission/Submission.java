package org.paragrade.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.paragrade.account.Account;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.ExerciseVersion;

@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {
    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String GRADED = "GRADED";
    public static final String ERROR = "ERROR";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exercise_id")
    public Exercise exercise;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id")
    public ExerciseVersion version;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id")
    public Account student;
    @Column(nullable = false)
    public int attempt;
    @Column(nullable = false)
    public String filename;
    @Column(nullable = false)
    public String status;
    public String verdict;
    public Double score;
    @Column(name = "max_score")
    public Double maxScore;
    @Column(name = "progress_phase")
    public String progressPhase;
    @Column(name = "progress_done", nullable = false)
    public int progressDone;
    @Column(name = "progress_total", nullable = false)
    public int progressTotal;
    @JdbcTypeCode(SqlTypes.JSON)
    public String report;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();
    @Column(name = "graded_at")
    public Instant gradedAt;

    public static List<Submission> forExercise(Exercise exercise) {
        return list("exercise = ?1 order by id desc", exercise);
    }

    public static List<Submission> forStudent(Account student, Exercise exercise) {
        return list("student = ?1 and exercise = ?2 order by id desc", student, exercise);
    }

    public static List<Submission> forStudent(Account student) {
        return list("student = ?1 order by id desc", student);
    }

    public static long attemptsOf(Account student, Exercise exercise) {
        return count("student = ?1 and exercise = ?2", student, exercise);
    }

    public boolean finished() {
        return GRADED.equals(status) || ERROR.equals(status);
    }
}
