package org.paragrade.submission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paragrade.account.Role;
import org.paragrade.course.Course;
import org.paragrade.curriculum.Exercise;

/**
 * The grade book's kept rule, in one place: of a student's submissions, the one whose score counts —
 * the best or the latest scored, as the exercise's scoring says, a grader's override before the
 * automatic grade, the late penalty applied. Among equal best scores the newest is kept.
 */
public final class KeptSubmission {
    private KeptSubmission() {
    }

    /** @param newestFirst one student's submissions, newest first; {@code keep} is "best" or "latest" */
    public static Optional<Submission> of(List<Submission> newestFirst, String keep) {
        Submission chosen = null;
        Double chosenScore = null;
        for (Submission s : newestFirst) {
            Double score = effectiveScore(s);
            if (score == null) {
                continue;
            }
            if ("latest".equals(keep)) {
                return Optional.of(s);
            }
            if (chosen == null || score > chosenScore) {
                chosen = s;
                chosenScore = score;
            }
        }
        return Optional.ofNullable(chosen);
    }

    /** The score that counts for one submission: an override, else the graded score after the penalty. */
    public static Double effectiveScore(Submission s) {
        Grade override = Grade.currentOverride(s.id).orElse(null);
        if (override != null) {
            return override.score;
        }
        return Submission.GRADED.equals(s.status) ? s.keptScore(s.score) : null;
    }

    /** The keep rule of the exercise's current version ("best" when it has none). */
    public static String rule(Exercise exercise) {
        return exercise.currentVersion == null ? "best" : exercise.currentVersion.manifest().scoring().keep();
    }

    /** Each student's kept submission of {@code exercise}: in {@code course} when given, else among all of theirs. */
    public static List<Submission> perStudent(Exercise exercise, Course course) {
        List<Submission> all = course == null ? Submission.forExercise(exercise)
                : Submission.list("exercise = ?1 and course = ?2 order by id desc", exercise, course);
        Map<Long, List<Submission>> byStudent = new LinkedHashMap<>();
        for (Submission s : all) { // newest first
            if (Role.STUDENT.equals(s.student.role)) {
                byStudent.computeIfAbsent(s.student.id, k -> new ArrayList<>()).add(s);
            }
        }
        String keep = rule(exercise);
        List<Submission> kept = new ArrayList<>();
        byStudent.values().forEach(mine -> of(mine, keep).ifPresent(kept::add));
        return kept;
    }
}
