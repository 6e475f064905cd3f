package org.paragrade.report;

import java.time.Instant;
import java.util.List;
import org.paragrade.grading.report.CorrectnessReport;
import org.paragrade.grading.report.GradingReport;
import org.paragrade.grading.report.PerformanceReport;
import org.paragrade.grading.report.ReportCodec;
import org.paragrade.grading.score.ScoreBreakdown;
import org.paragrade.queue.JobQueue;
import org.paragrade.submission.Grade;
import org.paragrade.submission.Submission;
import org.paragrade.submission.SubmissionStatus;

/**
 * A submission and its report as the API and the portal show it (the JSON fields of the design): the
 * engine's {@link GradingReport}, read back from the submission, with the identity, status, progress
 * and any grader override around it.
 *
 * @param score          the grade that counts: a grader's override, else the automatic one after any late penalty
 * @param automaticScore the engine's grade after any late penalty
 * @param rawScore       the engine's grade before the late penalty
 * @param lateDays       started days after the deadline (0: on time)
 * @param supersededBy   the same student's newer upload that replaced this one before it was graded
 */
public record SubmissionView(long id, String exercise, String exerciseTitle, int version, String student, int attempt,
                             String course, int lateDays, Double rawScore,
                             String filename, String status, String verdict, Double score, Double automaticScore,
                             Double maxScore, Override override, Progress progress, String message,
                             CorrectnessReport correctness, PerformanceReport performance, List<String> feedback,
                             List<org.paragrade.measure.Flag> flags, GradingReport.Output output, String traceback,
                             String stacks, ScoreBreakdown scoreBreakdown, List<GradeLine> grades, Instant createdAt,
                             Instant gradedAt, Long supersededBy) {

    /** A grader's grade, kept beside the automatic one. */
    public record Override(double score, String comment, String by, Instant at) {
        static Override of(Grade g) {
            return g == null ? null : new Override(g.score, g.comment, g.author == null ? null : g.author.username,
                    g.createdAt);
        }
    }

    /**
     * Where the grading is: its phase and runs done of runs planned.
     *
     * @param position   jobs that will be claimed before it in the fair order, counting it (absent once it runs)
     * @param etaSeconds about when it is graded (absent while no recent grading or no worker tells)
     */
    public record Progress(String phase, int done, int total, Long position, Long etaSeconds) {
        public int percent() {
            return total <= 0 ? 0 : Math.min(100, Math.round(done * 100f / total));
        }
    }

    /**
     * One grade in the submission's history (automatic or an override).
     *
     * @param version     the exercise version an automatic grade was computed against (absent for older grades)
     * @param requestedBy the staff member who asked for that grading (absent: the student's upload)
     */
    public record GradeLine(String kind, double score, Double maxScore, String verdict, String comment, String by,
                            Instant at, Integer version, String requestedBy) {
    }

    /** The view; {@code wait} is the queue's answer while it waits (null otherwise). */
    public static SubmissionView of(Submission s, JobQueue.Wait wait) {
        Grade override = Grade.currentOverride(s.id).orElse(null);
        GradingReport r = ReportCodec.read(s.report);
        boolean waiting = Submission.QUEUED.equals(s.status) && wait != null && wait.position() > 0;
        Progress progress = new Progress(s.progressPhase, s.progressDone, s.progressTotal,
                waiting ? wait.position() : null, waiting ? wait.etaSeconds() : null);
        List<GradeLine> grades = Grade.history(s.id).stream().map(g -> new GradeLine(g.kind, g.score, g.maxScore,
                name(g.verdict), g.comment, g.author == null ? null : g.author.username, g.createdAt,
                g.version == null ? null : g.version.version,
                g.requestedBy == null ? null : g.requestedBy.username)).toList();
        Double kept = s.keptScore(s.score);
        return new SubmissionView(s.id, s.exercise.slug, s.exercise.title, s.version.version, s.student.username,
                s.attempt, s.course == null ? null : s.course.code, s.lateDays, s.score, s.filename, s.status.name(),
                name(s.verdict), override != null ? Double.valueOf(override.score) : kept, kept, s.maxScore != null ? s.maxScore : s.version.manifest().scoring().max(), Override.of(override),
                progress, r.message(), r.correctness(), r.performance(), r.feedback(), r.flags(), r.output(),
                r.traceback(), r.stacks(), r.scoreBreakdown(), grades, s.createdAt, s.gradedAt, s.supersededBy);
    }

    public boolean active() {
        return SubmissionStatus.valueOf(status).active();
    }

    /**
     * The view a student gets: the benchmark's drawn workload stays with the staff, so that no table of
     * workloads and answers can be built from one's own reports; and whatever {@code concealed} says.
     */
    public SubmissionView forStudent(Concealment concealed) {
        var p = performance;
        PerformanceReport shownPerf = p == null ? null : new PerformanceReport(p.cores(), p.stable(), p.rounds(),
                p.studentSpeedup(), p.referenceSpeedup(), p.largestWorkers(), p.scoredAtWorkers(),
                concealed.hideModel() ? null : p.expectedModel(), p.behaviour(), p.behaviourLabel(),
                concealed.hideModel() ? null : p.matchesExpected(), p.explanation(), p.accounting(), p.runs(),
                p.studentSpeedupInterval(), p.referenceSpeedupInterval(), p.contention(), p.evidence(), null, p.batchSize(),
                p.interpreter(), p.interpreters(), p.comparison());
        boolean hiddenFailure = concealed.firstFailureHidden(correctness);
        GradingReport.Output shownOutput = output != null && concealed.hiddenCaseOf(output.caseName()) != null
                ? null : output;
        boolean noScores = concealed.hideScores();
        return new SubmissionView(id, exercise, exerciseTitle, version, student, attempt, course, lateDays,
                noScores ? null : rawScore, filename, status, verdict, noScores ? null : score,
                noScores ? null : automaticScore, maxScore, noScores ? null : override, concealed.progress(progress),
                message,
                concealed.correctness(correctness), shownPerf, concealed.feedback(feedback, scoreBreakdown), flags, shownOutput,
                hiddenFailure ? null : traceback, hiddenFailure ? null : stacks, noScores ? null : scoreBreakdown,
                noScores ? List.of() : grades, createdAt, gradedAt, supersededBy);
    }

    static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    /** The short form used in lists. */
    public record Summary(long id, String exercise, String student, int attempt, String status, String verdict,
                          Double score, Double maxScore, Double studentSpeedup, boolean overridden, Instant createdAt,
                          Instant gradedAt) {

        public static Summary of(Submission s) {
            Grade override = Grade.currentOverride(s.id).orElse(null);
            PerformanceReport perf = ReportCodec.read(s.report).performance();
            return new Summary(s.id, s.exercise.slug, s.student.username, s.attempt, s.status.name(), name(s.verdict),
                    override != null ? Double.valueOf(override.score) : s.keptScore(s.score),
                    s.maxScore != null ? s.maxScore : s.version.manifest().scoring().max(),
                    perf == null ? null : perf.studentSpeedup(), override != null, s.createdAt, s.gradedAt);
        }

        public boolean active() {
            return SubmissionStatus.valueOf(status).active();
        }

        /** A student's list: no scores while their course releases them only after the deadline. */
        public Summary forStudent(Concealment concealed) {
            return concealed.hideScores() ? new Summary(id, exercise, student, attempt, status, verdict, null, maxScore,
                    studentSpeedup, false, createdAt, gradedAt) : this;
        }
    }
}
