package org.paragrade.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paragrade.course.Offer;
import org.paragrade.course.Offers;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.curriculum.Visibility;
import org.paragrade.grading.report.CaseResult;
import org.paragrade.grading.report.CorrectnessReport;
import org.paragrade.grading.score.ScoreBreakdown;
import org.paragrade.submission.Submission;
import org.paragrade.submission.Verdict;

/**
 * What a student's view of a report leaves out: a hidden case (an after-deadline one before their
 * deadline) becomes "Hidden case N: passed/failed" — no name, params, output, message, traceback or
 * stress rows; the expected model when the exercise keeps it to itself; the scores while the course
 * releases them only after the deadline. Staff views are never concealed.
 *
 * @param hidden     case name → its number (1-based, as listed in exercise.yaml)
 * @param hideModel  the exercise says {@code revealModel: false}
 * @param hideScores the offer releases grades after the deadline, which has not passed
 */
public record Concealment(Map<String, Integer> hidden, boolean hideModel, boolean hideScores) {
    public static final Concealment NONE = new Concealment(Map.of(), false, false);

    public static Concealment of(ExerciseManifest m, boolean deadlinePassed, boolean scoresAfterDeadline) {
        Map<String, Integer> hidden = new LinkedHashMap<>();
        for (int i = 0; i < m.cases().size(); i++) {
            Visibility v = m.cases().get(i).shown();
            if (v == Visibility.HIDDEN || (v == Visibility.AFTER_DEADLINE && !deadlinePassed)) {
                hidden.put(m.cases().get(i).name(), i + 1);
            }
        }
        return new Concealment(hidden, !m.revealsModel(), scoresAfterDeadline && !deadlinePassed);
    }

    /** What the student who made {@code s} may not see of it now (their course's offer, their extension). */
    public static Concealment forStudent(Submission s) {
        return forStudentNow(s).concealed();
    }

    /**
     * What is concealed now, and until when: the student's deadline while it is still ahead (their view
     * changes by itself then), else null (it changes only with the rows it is made of).
     */
    public record Now(Concealment concealed, Instant until) {
    }

    public static Now forStudentNow(Submission s) {
        Offer offer = s.course == null ? null : Offer.of(s.course, s.exercise).orElse(null);
        Offers.Terms terms = Offers.terms(offer, s.exercise, s.student);
        boolean passed = terms.deadlinePassed();
        return new Now(of(s.version.manifest(), passed, offer != null && Offer.AFTER_DEADLINE.equals(offer.release)),
                passed ? null : terms.deadline());
    }

    /**
     * While an exercise has hidden cases, a student's progress through the correctness and stress runs shows the
     * phase but not the count: polling it would time each hidden case (how long its input takes to compute).
     */
    SubmissionView.Progress progress(SubmissionView.Progress p) {
        if (p == null || hidden.isEmpty() || !("correctness".equals(p.phase()) || "stress".equals(p.phase()))) {
            return p;
        }
        return new SubmissionView.Progress(p.phase(), 0, 0, p.position(), p.etaSeconds());
    }

    /** The hidden case a run belongs to (its plain run or a stress repeat), or null. */
    String hiddenCaseOf(String runName) {
        if (runName == null) {
            return null;
        }
        for (String name : hidden.keySet()) {
            if (runName.equals(name) || runName.startsWith(name + " (stress")) {
                return name;
            }
        }
        return null;
    }

    public static String label(int number) {
        return "Hidden case " + number;
    }

    CorrectnessReport correctness(CorrectnessReport c) {
        if (c == null || hidden.isEmpty()) {
            return c;
        }
        Map<String, Boolean> passed = new LinkedHashMap<>();
        for (CaseResult r : c.cases()) {
            String name = hiddenCaseOf(r.name());
            if (name != null) {
                passed.merge(name, r.verdict() == Verdict.ACCEPTED, Boolean::logicalAnd);
            }
        }
        List<CaseResult> shown = new ArrayList<>();
        for (CaseResult r : c.cases()) {
            String name = hiddenCaseOf(r.name());
            if (name == null) {
                shown.add(r);
            } else if (!r.stress()) {
                String label = label(hidden.get(name));
                shown.add(new CaseResult(label, null, 0, label + ": " + (passed.get(name) ? "passed" : "failed"),
                        false));
            }
        }
        int hiddenRuns = (int) c.cases().stream().filter(r -> hiddenCaseOf(r.name()) != null).count();
        int hiddenPassedRuns = (int) c.cases().stream()
                .filter(r -> hiddenCaseOf(r.name()) != null && r.verdict() == Verdict.ACCEPTED).count();
        return new CorrectnessReport(c.passed(), c.total(), c.runs() - hiddenRuns + passed.size(),
                c.runsPassed() - hiddenPassedRuns + (int) passed.values().stream().filter(b -> b).count(), shown);
    }

    /**
     * Feedback lines that name a hidden case ("Case 'name': ...") are left out; while scores are withheld,
     * so are the scorer's notes ("... 28.9 of 35 performance points"), which would give the score away.
     */
    List<String> feedback(List<String> feedback, ScoreBreakdown score) {
        if (feedback == null) {
            return null;
        }
        List<String> scoreNotes = hideScores && score != null && score.notes() != null ? score.notes() : List.of();
        return feedback.stream()
                .filter(line -> hidden.keySet().stream().noneMatch(name -> line.startsWith("Case '" + name)))
                .filter(line -> !scoreNotes.contains(line) && !(hideScores && mentionsPoints(line)))
                .toList();
    }

    /** "12.5 of 35 points", "no performance points": a line about points, whoever wrote it. */
    private static boolean mentionsPoints(String line) {
        return line.matches("(?is).*\\bpoints?\\b.*");
    }

    /** Whether the first failing run (whose output and traceback the report carries) is a hidden case's. */
    boolean firstFailureHidden(CorrectnessReport c) {
        if (c == null || hidden.isEmpty()) {
            return false;
        }
        return c.cases().stream().filter(r -> r.verdict() != Verdict.ACCEPTED).findFirst()
                .map(r -> hiddenCaseOf(r.name()) != null).orElse(false);
    }
}
