package org.paragrade.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.Optional;
import org.paragrade.account.Account;
import org.paragrade.course.Course;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.ExerciseVersion;

/** A staff request to regrade every student's kept submission of an exercise against one version. */
@Entity
@Table(name = "regrade_batch")
public class RegradeBatch extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exercise_id")
    public Exercise exercise;
    /** The course whose submissions it covers; null: every student's, in any course or none. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "course_id")
    public Course course;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id")
    public ExerciseVersion version;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "requested_by")
    public Account requestedBy;
    @Column(nullable = false)
    public int queued;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    /** The newest batch of this exercise for this course (null: the batches over every course). */
    public static Optional<RegradeBatch> latest(Exercise exercise, Course course) {
        return course == null
                ? find("exercise = ?1 and course is null order by id desc", exercise).firstResultOptional()
                : find("exercise = ?1 and course = ?2 order by id desc", exercise, course).firstResultOptional();
    }
}
