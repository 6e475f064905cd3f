package org.paragrade.portal;

import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.paragrade.account.Account;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.curriculum.UnknownExercise;
import org.paragrade.submission.Submission;

/** What the student pages show, assembled inside one transaction from the curriculum and the submissions. */
@ApplicationScoped
@Transactional
public class ExerciseViews {

    /** One exercise in the curriculum, with where this student stands. */
    public record ExerciseRow(String slug, String title, String kind, boolean published, Instant deadline,
                              boolean closed, Integer maxAttempts, int attempts, Double best, Double maxScore,
                              String state) {
    }

    public record ExercisePage(String slug, String title, String kind, boolean published, int version,
                               RawString statement, ExerciseManifest.Entry entry, String expectedModel,
                               ExerciseManifest.Limits limits, List<Integer> workers, int cases,
                               Instant deadline, Integer maxAttempts, int attempts, boolean mayUpload,
                               String closedReason, List<SubmissionRow> submissions) {
    }

    public List<ExerciseRow> curriculum(String username, boolean staff) {
        Account me = Account.findByUsername(username).orElseThrow();
        List<ExerciseRow> rows = new ArrayList<>();
        Instant now = Instant.now();
        for (Exercise e : staff ? Exercise.listAllOrdered() : Exercise.listPublished()) {
            if (e.currentVersion == null) {
                continue;
            }
            List<Submission> mine = Submission.forStudent(me, e);
            Double best = null;
            boolean grading = false;
            for (Submission s : mine) {
                SubmissionRow row = SubmissionRow.of(s);
                grading |= row.active();
                if (row.score() != null && Submission.GRADED.equals(s.status) && (best == null || row.score() > best)) {
                    best = row.score();
                }
            }
            String state = mine.isEmpty() ? "not started" : grading ? "grading" : best != null ? "graded" : "attempted";
            rows.add(new ExerciseRow(e.slug, e.title, e.kind, e.published, e.deadline, e.deadlinePassed(now),
                    e.maxAttempts, mine.size(), best, e.currentVersion.manifest().scoring().max(), state));
        }
        return rows;
    }

    public ExercisePage page(String slug, String username, boolean staff, boolean mayUpload) {
        Exercise e = Exercise.findBySlug(slug).orElseThrow(() -> new UnknownExercise(slug));
        if (e.currentVersion == null || (!e.published && !staff)) {
            throw new UnknownExercise(slug);
        }
        Account me = Account.findByUsername(username).orElseThrow();
        ExerciseManifest m = e.currentVersion.manifest();
        List<SubmissionRow> mine = Submission.forStudent(me, e).stream().map(SubmissionRow::of).toList();
        String closed = null;
        if (e.deadlinePassed(Instant.now())) {
            closed = "The deadline has passed; submissions are closed.";
        } else if (e.maxAttempts != null && mine.size() >= e.maxAttempts) {
            closed = "You have used all " + e.maxAttempts + " attempts.";
        }
        return new ExercisePage(e.slug, e.title, e.kind, e.published, e.currentVersion.version,
                Statement.html(e.currentVersion.statement, e.title), m.entry(), m.expectedModel(), m.limits(),
                m.benchmark() == null ? List.of() : m.benchmark().workers(), m.cases().size(), e.deadline,
                e.maxAttempts, mine.size(), mayUpload && closed == null, closed, mine);
    }

    public String starter(String slug, boolean staff) {
        Exercise e = Exercise.findBySlug(slug).orElseThrow(() -> new UnknownExercise(slug));
        if (e.currentVersion == null || (!e.published && !staff)) {
            throw new UnknownExercise(slug);
        }
        return e.currentVersion.bundle().text("starter/solution.py");
    }
}
