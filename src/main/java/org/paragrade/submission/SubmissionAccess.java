package org.paragrade.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.paragrade.account.Account;
import org.paragrade.course.CourseAccess;
import org.paragrade.course.NotCourseStaff;
import org.paragrade.course.StaffScope;
import org.paragrade.curriculum.Exercise;

/**
 * Who may see and grade a submission, for both faces: the student who made it sees their own (the
 * student's view); staff of the course it was made in see it whole, regrade it and override its grade
 * — site graders and instructors every submission, a course's graders and instructors those of their
 * courses (never one made outside any course). Anyone else is answered as if it did not exist (404),
 * so ids reveal nothing.
 */
@ApplicationScoped
@Transactional
public class SubmissionAccess {
    static final String NOT_STAFF = "Only the graders and instructors of the submission's course may do this.";

    /** A submission someone may see, and whether they see it as its staff (whole, with the grader's actions). */
    public record Seen(Submission submission, boolean asStaff) {
    }

    private final CourseAccess courses;

    public SubmissionAccess(CourseAccess courses) {
        this.courses = courses;
    }

    /** @throws UnknownSubmission when there is none, or it is neither theirs nor in a course they staff */
    public Seen see(long id, String username) {
        Submission s = Submission.<Submission>findByIdOptional(id).orElseThrow(() -> new UnknownSubmission(id));
        StaffScope scope = courses.scopeOf(username);
        if (!sees(s, scope, username)) {
            throw new UnknownSubmission(id);
        }
        return new Seen(s, scope.covers(s.course));
    }

    /** The rule itself, for a list already loaded: its student, or staff whose scope covers its course. */
    public static boolean sees(Submission s, StaffScope scope, String username) {
        return sees(s.course == null ? null : s.course.id, s.student.username, scope, username);
    }

    /** The same rule from a submission's course id and student's user name (its revision, not the entity). */
    public static boolean sees(Long courseId, String student, StaffScope scope, String username) {
        return scope.covers(courseId) || student.equals(username);
    }

    /**
     * @throws UnknownSubmission as {@link #see}
     * @throws NotCourseStaff    when it is their own but they are not staff of its course
     */
    public Submission requireGradable(long id, String username) {
        Seen seen = see(id, username);
        if (!seen.asStaff()) {
            throw new NotCourseStaff(NOT_STAFF);
        }
        return seen.submission();
    }

    /** @throws NotCourseStaff when {@code username} grades in no course at all (a student, and nothing else) */
    public StaffScope requireStaffSomewhere(String username) {
        StaffScope scope = courses.scopeOf(username);
        if (!scope.any()) {
            throw new NotCourseStaff("Only graders and instructors may do this.");
        }
        return scope;
    }

    /** Newest first, each with how its viewer sees it; {@code exercise} may be null (all of them). */
    public List<Seen> list(String username, Exercise exercise) {
        Account me = Account.findByUsername(username).orElseThrow();
        StaffScope scope = courses.scopeOf(me);
        return Submission.listedFor(me, scope, exercise).stream().map(s -> new Seen(s, scope.covers(s.course)))
                .toList();
    }
}
