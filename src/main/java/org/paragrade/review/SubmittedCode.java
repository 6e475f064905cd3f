package org.paragrade.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paragrade.course.CourseAccess;
import org.paragrade.course.StaffScope;
import org.paragrade.submission.Submission;
import org.paragrade.submission.SubmissionAccess;
import org.paragrade.submission.SubmissionFile;

/**
 * The code beside the report: a submission's files as the code view shows them, and the diff between two
 * attempts of one student on one exercise. Who sees what is {@link SubmissionAccess}'s rule (the student
 * their own, the course's staff theirs, anyone else 404); the attempts offered for a diff are the same
 * student's on the same exercise that the viewer may see.
 */
@ApplicationScoped
@Transactional
public class SubmittedCode {
    private final SubmissionAccess access;
    private final CourseAccess courses;

    public SubmittedCode(SubmissionAccess access, CourseAccess courses) {
        this.access = access;
        this.courses = courses;
    }

    /** An attempt to compare with: its number and when it was made (never its score, which may be concealed). */
    public record Attempt(long id, int attempt, Instant createdAt, String status) {
        static Attempt of(Submission s) {
            return new Attempt(s.id, s.attempt, s.createdAt, s.status.name());
        }

        /** The one the selector had chosen. */
        public boolean chosen(String input) {
            return input != null && input.strip().replaceFirst("^#", "").equals(Long.toString(id));
        }
    }

    /**
     * A submission's code; {@code student} only for its staff, {@code others} the same student's other
     * attempts on the exercise that the viewer may see, newest first.
     */
    public record Code(long id, String exercise, String exerciseTitle, String student, int attempt, boolean staff,
                       List<SourceFile> files, List<Attempt> others) {
        /** The newest other attempt (the diff link's default), or null. */
        public Attempt latestOther() {
            return others.isEmpty() ? null : others.get(0);
        }
    }

    /** {@code code}'s changes since {@code against}. */
    public record Compared(Code code, Attempt against, List<CodeDiff.FileDiff> files) {
        public int added() {
            return files.stream().mapToInt(CodeDiff.FileDiff::added).sum();
        }

        public int removed() {
            return files.stream().mapToInt(CodeDiff.FileDiff::removed).sum();
        }

        public boolean same() {
            return files.stream().allMatch(f -> f.change() == CodeDiff.Change.UNCHANGED);
        }
    }

    /** @throws org.paragrade.submission.UnknownSubmission when the viewer may not see it */
    public Code code(long id, String username) {
        SubmissionAccess.Seen seen = access.see(id, username);
        Submission s = seen.submission();
        List<SourceFile> files = new ArrayList<>();
        for (var f : files(s).entrySet()) {
            files.add(SourceFile.of(f.getKey(), f.getValue()));
        }
        return code(seen, files, username);
    }

    /**
     * @throws org.paragrade.submission.UnknownSubmission when the viewer may not see either
     * @throws ReviewRefused (400) when they are the same, or not the same student's attempts on one exercise
     */
    public Compared diff(long id, long against, String username) {
        SubmissionAccess.Seen seen = access.see(id, username);
        Submission s = seen.submission();
        Submission other = access.see(against, username).submission();
        if (other.id.equals(s.id)) {
            throw ReviewRefused.badRequest("That is this same submission: pick another attempt to compare with.");
        }
        if (!other.student.id.equals(s.student.id) || !other.exercise.id.equals(s.exercise.id)) {
            throw ReviewRefused.badRequest("Submission " + other.id + " is not an attempt of the same student on "
                    + "the same exercise, so there is nothing to compare: pick one of the attempts listed.");
        }
        return new Compared(code(seen, List.of(), username), Attempt.of(other), CodeDiff.between(files(other), files(s)));
    }

    /** The same as {@link #code}, without the files: for the diff page's selector after a refused comparison. */
    public Code attempts(long id, String username) {
        return code(access.see(id, username), List.of(), username);
    }

    private Code code(SubmissionAccess.Seen seen, List<SourceFile> files, String username) {
        Submission s = seen.submission();
        StaffScope scope = courses.scopeOf(username);
        List<Attempt> others = Submission.forStudent(s.student, s.exercise).stream()
                .filter(o -> !o.id.equals(s.id) && SubmissionAccess.sees(o, scope, username))
                .map(Attempt::of).toList();
        return new Code(s.id, s.exercise.slug, s.exercise.title, seen.asStaff() ? s.student.username : null,
                s.attempt, seen.asStaff(), files, others);
    }

    /** The files as graded, {@code solution.py} first, then by path. */
    private static Map<String, byte[]> files(Submission s) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<SubmissionFile> stored = new ArrayList<>(SubmissionFile.of(s.id));
        stored.sort((a, b) -> CodeDiff.solutionFirst(a.path, b.path));
        for (SubmissionFile f : stored) {
            files.put(f.path, f.content);
        }
        return files;
    }
}
