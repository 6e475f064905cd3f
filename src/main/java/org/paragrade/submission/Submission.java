package org.paragrade.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.paragrade.account.Account;
import org.paragrade.course.Course;
import org.paragrade.course.LatePolicy;
import org.paragrade.course.StaffScope;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.ExerciseVersion;

@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {
    public static final SubmissionStatus QUEUED = SubmissionStatus.QUEUED;
    public static final SubmissionStatus RUNNING = SubmissionStatus.RUNNING;
    public static final SubmissionStatus GRADED = SubmissionStatus.GRADED;
    public static final SubmissionStatus ERROR = SubmissionStatus.ERROR;
    public static final SubmissionStatus SUPERSEDED = SubmissionStatus.SUPERSEDED;

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
    /** The course it was made in; null when made outside any course (site staff, or before courses). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "course_id")
    public Course course;
    @Column(nullable = false)
    public int attempt;
    /** Started days after the deadline (0: on time); the kept score loses latePenaltyPerDay per day. */
    @Column(name = "late_days", nullable = false)
    public int lateDays;
    @Column(name = "late_penalty_per_day", nullable = false)
    public double latePenaltyPerDay;
    @Column(nullable = false)
    public String filename;
    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public SubmissionStatus status;
    @Enumerated(EnumType.STRING)
    public Verdict verdict;
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
    /** The same student's newer upload that replaced this one before it was graded. */
    @Column(name = "superseded_by")
    public Long supersededBy;

    public static List<Submission> forExercise(Exercise exercise) {
        return list("exercise = ?1 order by id desc", exercise);
    }

    /** Newest first: the submissions of {@code exercise} that {@code scope} covers (made in its courses). */
    public static List<Submission> forExercise(Exercise exercise, StaffScope scope) {
        if (scope.site()) {
            return forExercise(exercise);
        }
        if (scope.courses().isEmpty()) {
            return List.of();
        }
        return list("exercise = ?1 and course.id in ?2 order by id desc", exercise, scope.courses());
    }

    /** How many submissions of an exercise a scope covers, by how many students, how many still waiting. */
    public record Tally(long submissions, long students, long waiting) {
    }

    public static Tally tally(Exercise exercise, StaffScope scope) {
        if (!scope.site() && scope.courses().isEmpty()) {
            return new Tally(0, 0, 0);
        }
        var query = getEntityManager().createQuery("select count(s), count(distinct s.student), coalesce(sum(case "
                + "when s.status in (:waiting) then 1 else 0 end), 0) from Submission s where s.exercise = :exercise"
                + (scope.site() ? "" : " and s.course.id in (:courses)"), Object[].class)
                .setParameter("waiting", List.of(QUEUED, RUNNING)).setParameter("exercise", exercise);
        if (!scope.site()) {
            query.setParameter("courses", scope.courses());
        }
        Object[] row = query.getSingleResult();
        return new Tally(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }

    /**
     * Newest first: what {@code me} may list — everything for site staff, else their own and those made
     * in the courses {@code scope} covers; only {@code exercise}'s when it is not null.
     */
    public static List<Submission> listedFor(Account me, StaffScope scope, Exercise exercise) {
        if (scope.site()) {
            return exercise == null ? list("order by id desc") : forExercise(exercise);
        }
        if (scope.courses().isEmpty()) {
            return exercise == null ? forStudent(me) : forStudent(me, exercise);
        }
        String where = "(student = ?1 or course.id in ?2)" + (exercise == null ? "" : " and exercise = ?3");
        return exercise == null ? list(where + " order by id desc", me, scope.courses())
                : list(where + " order by id desc", me, scope.courses(), exercise);
    }

    public static List<Submission> forStudent(Account student, Exercise exercise) {
        return list("student = ?1 and exercise = ?2 order by id desc", student, exercise);
    }

    public static List<Submission> forStudent(Account student) {
        return list("student = ?1 order by id desc", student);
    }

    /** Attempts used: our own failures (INTERNAL_ERROR) and superseded uploads never count. */
    public static long attemptsOf(Account student, Exercise exercise, Course course) {
        String counted = "student = ?1 and exercise = ?2 and (verdict is null or verdict <> ?3) and status <> ?4";
        return course == null
                ? count(counted + " and course is null", student, exercise, Verdict.INTERNAL_ERROR, SUPERSEDED)
                : count(counted + " and course = ?5", student, exercise, Verdict.INTERNAL_ERROR, SUPERSEDED, course);
    }

    /**
     * The number the student's next upload of this exercise gets: one more than any before, in any course
     * and whatever its verdict (the count that the attempt limit uses, {@link #attemptsOf}, skips some).
     */
    public static int nextAttemptNumber(Account student, Exercise exercise) {
        Number max = (Number) getEntityManager().createQuery(
                        "select max(s.attempt) from Submission s where s.student = ?1 and s.exercise = ?2")
                .setParameter(1, student).setParameter(2, exercise).getSingleResult();
        return max == null ? 1 : max.intValue() + 1;
    }

    /** The score after the late penalty (null while not graded). */
    public Double keptScore(Double raw) {
        return raw == null ? null : LatePolicy.penalised(raw, lateDays, latePenaltyPerDay);
    }

    /**
     * The same student's earlier uploads of this exercise in the same course (or both outside any) that
     * still wait for their first grading: what a newer upload supersedes.
     */
    public static List<Submission> waitingBefore(Submission newer) {
        String waiting = "student = ?1 and exercise = ?2 and status = ?3 and gradedAt is null and id < ?4";
        return newer.course == null
                ? list(waiting + " and course is null order by id", newer.student, newer.exercise, QUEUED, newer.id)
                : list(waiting + " and course = ?5 order by id", newer.student, newer.exercise, QUEUED, newer.id,
                newer.course);
    }

    public boolean finished() {
        return GRADED.equals(status) || ERROR.equals(status) || SUPERSEDED.equals(status);
    }
}
