package org.paragrade.portal;

import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paragrade.account.Account;
import org.paragrade.course.CourseAccess;
import org.paragrade.course.Offer;
import org.paragrade.course.StaffScope;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.UnknownExercise;
import org.paragrade.grading.report.ReportCodec;
import org.paragrade.report.charts.SpeedupHistogram;
import org.paragrade.submission.RegradeAll;
import org.paragrade.submission.RegradeBatch;
import org.paragrade.submission.Submission;

/** The grader's overview of exercises and of one exercise's students. */
@ApplicationScoped
@Transactional
public class GraderViews {

    public record ExerciseLine(String slug, String title, String kind, boolean published, long submissions,
                               long students, long waiting) {
    }

    /** One student of an exercise: their best graded submission and their latest one. */
    public record StudentLine(String student, int attempts, SubmissionRow best, SubmissionRow latest) {
        public Double bestScore() {
            return best == null ? null : best.score();
        }

        public Double speedup() {
            return best == null ? null : best.speedup();
        }
    }

    public record ExerciseBoard(String slug, String title, String keep, String sort, List<StudentLine> students,
                                RawString histogram, Double referenceSpeedup, int workers, int graded) {
    }

    public static final List<String> SORTS = List.of("student", "best", "latest", "speedup", "attempts");

    /**
     * Where the viewer may regrade every kept submission of the exercise: the courses of their scope that
     * offer it, and (site staff only) every course at once.
     */
    public record RegradeChoices(List<String> courses, boolean everyCourse) {
        public boolean any() {
            return everyCourse || !courses.isEmpty();
        }
    }

    /** A regrade-all as it goes; the page refreshes itself until nothing waits or runs. */
    public record RegradeProgress(String slug, String title, String course, int version, String requestedBy,
                                  java.time.Instant requestedAt, int total, long queued, long running, long done) {
        public boolean finished() {
            return queued == 0 && running == 0;
        }
    }

    private final CourseAccess access;
    private final RegradeAll regradeAll;

    public GraderViews(CourseAccess access, RegradeAll regradeAll) {
        this.access = access;
        this.regradeAll = regradeAll;
    }

    public RegradeChoices regradeChoices(String slug, StaffScope scope) {
        Exercise e = exercise(slug, scope);
        List<String> courses = Offer.<Offer>list("exercise = ?1 order by course.code", e).stream()
                .filter(o -> scope.covers(o.course)).map(o -> o.course.code).toList();
        return new RegradeChoices(courses, scope.site());
    }

    /** Starts a regrade-all as {@code username} (blank course: every course); the course it covers, or null. */
    public String startRegradeAll(String slug, String course, String username) {
        RegradeBatch b = regradeAll.start(slug, course, username);
        return b.course == null ? null : b.course.code;
    }

    public RegradeProgress regradeProgress(String slug, String course, String username) {
        RegradeAll.State st = regradeAll.state(slug, course, username);
        RegradeBatch b = st.batch();
        return new RegradeProgress(b.exercise.slug, b.exercise.title, b.course == null ? null : b.course.code,
                b.version.version, b.requestedBy.username, b.createdAt, b.queued, st.jobs().queued(),
                st.jobs().running(), st.jobs().done());
    }

    /** The exercises {@code scope} covers, each with the counts of the submissions it covers. */
    public List<ExerciseLine> overview(StaffScope scope) {
        List<ExerciseLine> lines = new ArrayList<>();
        for (Exercise e : access.exercises(scope)) {
            Submission.Tally t = Submission.tally(e, scope);
            lines.add(new ExerciseLine(e.slug, e.title, e.kind, e.published, t.submissions(), t.students(),
                    t.waiting()));
        }
        return lines;
    }

    /** @throws UnknownExercise when there is no such exercise or {@code scope} does not cover it */
    public Exercise exercise(String slug, StaffScope scope) {
        Exercise e = Exercise.findBySlug(slug).orElseThrow(() -> new UnknownExercise(slug));
        if (!access.covers(scope, e)) {
            throw new UnknownExercise(slug);
        }
        return e;
    }

    public ExerciseBoard board(String slug, String sort, StaffScope scope) {
        Exercise e = exercise(slug, scope);
        String by = sort != null && SORTS.contains(sort) ? sort : "student";
        Map<Account, List<Submission>> byStudent = new LinkedHashMap<>();
        for (Account a : access.studentsOf(e, scope)) {
            byStudent.put(a, new ArrayList<>());
        }
        for (Submission s : Submission.forExercise(e, scope)) { // newest first
            byStudent.computeIfAbsent(s.student, k -> new ArrayList<>()).add(s);
        }
        List<StudentLine> lines = new ArrayList<>();
        List<Double> speedups = new ArrayList<>();
        List<Double> references = new ArrayList<>();
        for (var entry : byStudent.entrySet()) {
            List<Submission> subs = entry.getValue();
            SubmissionRow latest = subs.isEmpty() ? null : SubmissionRow.of(subs.get(0));
            SubmissionRow best = null;
            Submission bestSubmission = null;
            for (Submission s : subs) {
                SubmissionRow row = SubmissionRow.of(s);
                if (row.score() != null && (Submission.GRADED.equals(s.status) || row.overridden())
                        && (best == null || row.score() > best.score())) {
                    best = row;
                    bestSubmission = s;
                }
            }
            if (best != null && best.speedup() != null) {
                speedups.add(best.speedup());
                var perf = ReportCodec.read(bestSubmission.report).performance();
                if (perf != null && perf.referenceSpeedup() != null) {
                    references.add(perf.referenceSpeedup());
                }
            }
            lines.add(new StudentLine(entry.getKey().username, subs.size(), best, latest));
        }
        Comparator<StudentLine> order = switch (by) {
            case "best" -> Comparator.comparing(StudentLine::bestScore, Comparator.nullsLast(Comparator.reverseOrder()));
            case "speedup" -> Comparator.comparing(StudentLine::speedup, Comparator.nullsLast(Comparator.reverseOrder()));
            case "attempts" -> Comparator.comparingInt(StudentLine::attempts).reversed();
            case "latest" -> Comparator.comparing((StudentLine l) -> l.latest() == null ? null : l.latest().createdAt(),
                    Comparator.nullsLast(Comparator.reverseOrder()));
            default -> Comparator.comparing(StudentLine::student);
        };
        lines.sort(order.thenComparing(StudentLine::student));
        Double reference = median(references);
        int workers = e.currentVersion == null || e.currentVersion.manifest().benchmark() == null ? 0
                : e.currentVersion.manifest().benchmark().maxWorkers();
        String keep = e.currentVersion == null ? "best" : e.currentVersion.manifest().scoring().keep();
        return new ExerciseBoard(e.slug, e.title, keep, by, lines,
                new RawString(SpeedupHistogram.render("speedups-" + e.slug, speedups, reference, workers)),
                reference, workers, speedups.size());
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
