package org.paragrade.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.paragrade.account.Account;
import org.paragrade.curriculum.Exercise;

/**
 * A course offering an exercise, with its own deadline, late window, penalty, attempt limit and grade
 * release. An offer that leaves its deadline or attempt limit empty takes the exercise's own (the
 * instructor's exercise settings), so an exercise-wide deadline still closes every course.
 */
@Entity
@Table(name = "offer")
public class Offer extends PanacheEntityBase {
    public static final String IMMEDIATE = "immediate";
    public static final String AFTER_DEADLINE = "after-deadline";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    public Course course;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exercise_id")
    public Exercise exercise;
    public Instant deadline;
    @Column(name = "late_until")
    public Instant lateUntil;
    @Column(name = "late_penalty_per_day", nullable = false)
    public double latePenaltyPerDay;
    @Column(name = "max_attempts")
    public Integer maxAttempts;
    @Column(nullable = false)
    public String release = IMMEDIATE;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt = Instant.now();

    public static Optional<Offer> of(Course course, Exercise exercise) {
        return find("course = ?1 and exercise = ?2", course, exercise).firstResultOptional();
    }

    public static List<Offer> ofCourse(Course course) {
        return list("course = ?1 order by exercise.slug", course);
    }

    /** The offers of {@code exercise} in the courses where {@code student} is a student. */
    public static List<Offer> toStudent(Account student, Exercise exercise) {
        return list("exercise = ?1 and course in (select m.course from Membership m where m.account = ?2 "
                + "and m.role = 'student') order by course.code", exercise, student);
    }

    /** Whether any course where {@code student} is a student offers {@code exercise}. */
    public static boolean offeredTo(Account student, Exercise exercise) {
        return !toStudent(student, exercise).isEmpty();
    }

    public Instant effectiveDeadline() {
        return deadline != null ? deadline : exercise.deadline;
    }

    public Integer effectiveMaxAttempts() {
        return maxAttempts != null ? maxAttempts : exercise.maxAttempts;
    }
}
