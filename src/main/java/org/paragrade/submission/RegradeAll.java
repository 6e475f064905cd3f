package org.paragrade.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.paragrade.account.Account;
import org.paragrade.account.Role;
import org.paragrade.audit.AuditAction;
import org.paragrade.audit.AuditTrail;
import org.paragrade.course.Course;
import org.paragrade.course.CourseAccess;
import org.paragrade.course.NotCourseStaff;
import org.paragrade.course.Offer;
import org.paragrade.course.UnknownCourse;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.UnknownExercise;
import org.paragrade.queue.GradingJob;
import org.paragrade.queue.JobQueue;

/**
 * Staff regrade-all: every student's kept submission of an exercise ({@link KeptSubmission}), in one
 * course or in all, graded again against the exercise's current version at batch priority, so every
 * waiting student upload is claimed first. The submission keeps its status and grade until its regrade
 * runs, so the grade book still shows it meanwhile; one already waiting for or in a grading is skipped.
 */
@ApplicationScoped
@Transactional
public class RegradeAll {
    private static final Logger LOG = Logger.getLogger(RegradeAll.class);

    private final JobQueue queue;
    private final CourseAccess access;
    private final AuditTrail audit;

    public RegradeAll(JobQueue queue, CourseAccess access, AuditTrail audit) {
        this.queue = queue;
        this.access = access;
        this.audit = audit;
    }

    /** Where a batch stands, with what it was. */
    public record State(RegradeBatch batch, JobQueue.BatchState jobs) {
    }

    /**
     * @throws UnknownExercise  no such exercise, or the named course does not offer it (404)
     * @throws UnknownCourse    no such course (404)
     * @throws SubmissionClosed the exercise has no version to grade against (409)
     * @throws NotCourseStaff   {@code username} is not staff of the course (of every course, without one) (403)
     */
    public RegradeBatch start(String slug, String courseCode, String username) {
        Exercise exercise = Exercise.findBySlug(slug).orElseThrow(() -> new UnknownExercise(slug));
        Course course = courseOf(exercise, courseCode, username);
        requireStaffOf(course, username);
        if (exercise.currentVersion == null) {
            throw new SubmissionClosed("'" + exercise.title + "' has no version to grade against yet.");
        }
        RegradeBatch batch = new RegradeBatch();
        batch.exercise = exercise;
        batch.course = course;
        batch.version = exercise.currentVersion;
        batch.requestedBy = Account.findByUsername(username).orElseThrow();
        batch.persist();
        var request = new JobQueue.Request(GradingJob.PRIORITY_BATCH, batch.version.id, batch.requestedBy.id, batch.id);
        java.util.Map<Long, Integer> queuedPerCourse = new java.util.TreeMap<>();
        for (Submission s : KeptSubmission.perStudent(exercise, course)) {
            if (GradingJob.count("submissionId = ?1 and state in (?2, ?3)", s.id, GradingJob.QUEUED,
                    GradingJob.RUNNING) == 0) {
                queue.enqueue(s.id, request);
                batch.queued++;
                if (s.course != null) {
                    queuedPerCourse.merge(s.course.id, 1, Integer::sum);
                }
            }
        }
        if (course == null) {
            // Every course at once: each course it touched shows it in its own trail too (its instructors may
            // not be site staff, and /api/audit is only theirs).
            queuedPerCourse.forEach((courseId, n) -> audit.record(username, courseId, AuditAction.REGRADE_ALL,
                    AuditTrail.Subject.exercise(slug), "Regrade-all of " + slug + " in every course: " + n
                            + " of this course's kept submission(s) queued against version " + batch.version.version
                            + " (batch " + batch.id + ")."));
        }
        audit.record(username, course == null ? null : course.id, AuditAction.REGRADE_ALL,
                AuditTrail.Subject.exercise(slug), "Regrade-all of " + slug + (course == null ? " in every course"
                        : " in " + course.code) + ": " + batch.queued + " kept submission(s) queued against version "
                        + batch.version.version + " (batch " + batch.id + ").");
        LOG.infof("Regrade-all %d of %s%s by %s: %d kept submissions queued against version %d", batch.id, slug,
                course == null ? "" : " in " + course.code, username, batch.queued, batch.version.version);
        return batch;
    }

    /** The newest batch of the exercise (in the course when named) and its jobs' states. */
    public State state(String slug, String courseCode, String username) {
        Exercise exercise = Exercise.findBySlug(slug).orElseThrow(() -> new UnknownExercise(slug));
        Course course = courseOf(exercise, courseCode, username);
        requireStaffOf(course, username);
        RegradeBatch batch = RegradeBatch.latest(exercise, course)
                .orElseThrow(() -> new NoRegradeBatch(slug, course == null ? null : course.code));
        return new State(batch, queue.batchState(batch.id));
    }

    /** A course's graders and instructors regrade in their course; every course at once is for site staff. */
    private void requireStaffOf(Course course, String username) {
        if (!access.scopeOf(username).covers(course)) {
            throw new NotCourseStaff(course == null
                    ? "Only site graders and instructors regrade every course at once: name your course (?course=)."
                    : "Only the graders and instructors of " + course.code + " may regrade its submissions.");
        }
    }

    /**
     * The named course, or null for none. To someone neither staff of it nor in it, it does not exist (404,
     * as every other course endpoint answers): a 403 would tell them the course is there and offers the
     * exercise.
     */
    private Course courseOf(Exercise exercise, String courseCode, String username) {
        if (courseCode == null || courseCode.isBlank()) {
            return null;
        }
        Course course = access.named(courseCode, username);
        if (Offer.of(course, exercise).isEmpty()) {
            throw new UnknownExercise(exercise.slug);
        }
        return course;
    }
}
