package org.paragrade.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paragrade.account.Account;
import org.paragrade.course.CourseAccess;
import org.paragrade.course.StaffScope;
import org.paragrade.curriculum.Exercise;
import org.paragrade.submission.Grade;
import org.paragrade.submission.KeptSubmission;
import org.paragrade.submission.Submission;

/**
 * One row per student of an exercise: the best or latest grade, as the exercise says, overrides first;
 * for a course's staff only their courses' students and the submissions made in those courses.
 */
@ApplicationScoped
@Transactional
public class GradeBook {
    private final CourseAccess access;

    public GradeBook(CourseAccess access) {
        this.access = access;
    }

    public record Row(String student, int attempts, Long submissionId, String verdict, Double score, Double maxScore,
                      boolean overridden, String comment, Double studentSpeedup, String gradedAt) {
    }

    public List<Row> rows(Exercise exercise, StaffScope scope) {
        String keep = KeptSubmission.rule(exercise);
        Map<Account, List<Submission>> byStudent = new LinkedHashMap<>();
        for (Submission s : Submission.forExercise(exercise, scope)) {
            byStudent.computeIfAbsent(s.student, k -> new ArrayList<>()).add(s);
        }
        List<Row> rows = new ArrayList<>();
        for (Account student : access.studentsOf(exercise, scope)) {
            List<Submission> subs = byStudent.getOrDefault(student, List.of());
            Submission chosen = KeptSubmission.of(subs, keep).orElse(null);
            Double chosenScore = chosen == null ? null : effectiveScore(chosen);
            if (chosen == null) {
                rows.add(new Row(student.username, subs.size(), null, null, null, null, false, null, null, null));
                continue;
            }
            Grade override = Grade.currentOverride(chosen.id).orElse(null);
            var perf = org.paragrade.grading.report.ReportCodec.read(chosen.report).performance();
            rows.add(new Row(student.username, subs.size(), chosen.id, chosen.verdict == null ? null : chosen.verdict.name(), chosenScore, chosen.maxScore,
                    override != null, override == null ? null : override.comment,
                    perf == null ? null : perf.studentSpeedup(),
                    chosen.gradedAt == null ? null : chosen.gradedAt.toString()));
        }
        rows.sort(Comparator.comparing(Row::student));
        return rows;
    }

    static Double effectiveScore(Submission s) {
        return KeptSubmission.effectiveScore(s);
    }

    public String csv(Exercise exercise, StaffScope scope) {
        StringBuilder out = new StringBuilder(
                "student,exercise,attempts,submission,verdict,score,max_score,overridden,comment,student_speedup,graded_at\n");
        for (Row r : rows(exercise, scope)) {
            out.append(cell(r.student())).append(',').append(cell(exercise.slug)).append(',')
                    .append(r.attempts()).append(',')
                    .append(r.submissionId() == null ? "" : r.submissionId()).append(',')
                    .append(cell(r.verdict())).append(',')
                    .append(r.score() == null ? "" : round(r.score())).append(',')
                    .append(r.maxScore() == null ? "" : round(r.maxScore())).append(',')
                    .append(r.overridden()).append(',')
                    .append(cell(r.comment())).append(',')
                    .append(r.studentSpeedup() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", r.studentSpeedup()))
                    .append(',').append(cell(r.gradedAt())).append('\n');
        }
        return out.toString();
    }

    private static String round(double d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d);
    }

    /** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
