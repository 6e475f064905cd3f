package org.paragrade.portal;

import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.paragrade.account.Account;
import org.paragrade.course.CourseAccess;
import org.paragrade.course.LatePolicy;
import org.paragrade.course.Offer;
import org.paragrade.course.Offers;
import org.paragrade.course.StaffScope;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.curriculum.UnknownExercise;
import org.paragrade.submission.Submission;

/** What the student pages show, assembled inside one transaction from the curriculum and the submissions. */
@ApplicationScoped
@Transactional
public class ExerciseViews {
    private final Offers offers;
    private final CourseAccess access;

    public ExerciseViews(Offers offers, CourseAccess access) {
        this.offers = offers;
        this.access = access;
    }

    /** One exercise in the curriculum, with where this student stands. */
    public record ExerciseRow(String slug, String title, String kind, boolean published, Instant deadline,
                              boolean closed, Integer maxAttempts, int attempts, Double best, Double maxScore,
                              String state) {
    }

    public record ExercisePage(String slug, String title, String kind, boolean published, int version,
                               RawString statement, ExerciseManifest.Entry entry, String expectedModel,
                               ExerciseManifest.Limits limits, List<Integer> workers, int cases,
                               Instant deadline, Integer maxAttempts, int attempts, boolean mayUpload,
                               String closedReason, List<SubmissionRow> submissions, Instant lateUntil,
                               List<String> courses) {
    }

    /** The deadline rules that apply to the viewer: their one course's offer, else the exercise's own. */
    private record Rules(LatePolicy policy, Integer maxAttempts, long attempts, List<String> courses) {
        static Rules of(Exercise e, Account me) {
            List<Offer> offers = Offer.toStudent(me, e);
            if (offers.size() == 1) {
                Offer o = offers.get(0);
                return new Rules(Offers.policy(o, me), o.effectiveMaxAttempts(),
                        Submission.attemptsOf(me, e, o.course), List.of());
            }
            return new Rules(new LatePolicy(e.deadline, null, 0), e.maxAttempts,
                    offers.isEmpty() ? Submission.attemptsOf(me, e, null) : 0,
                    offers.stream().map(o -> o.course.code).toList());
        }
    }

    public List<ExerciseRow> curriculum(String username) {
        Account me = Account.findByUsername(username).orElseThrow();
        StaffScope scope = access.scopeOf(me);
        List<ExerciseRow> rows = new ArrayList<>();
        Instant now = Instant.now();
        for (Exercise e : offers.visibleExercises(me)) {
            if (e.currentVersion == null) {
                continue;
            }
            List<Submission> mine = Submission.forStudent(me, e);
            Double best = null;
            boolean grading = false;
            for (Submission s : mine) {
                SubmissionRow row = scope.covers(s.course) ? SubmissionRow.of(s) : SubmissionRow.ofStudent(s);
                grading |= row.active();
                if (row.score() != null && Submission.GRADED.equals(s.status) && (best == null || row.score() > best)) {
                    best = row.score();
                }
            }
            String state = mine.isEmpty() ? "not started" : grading ? "grading" : best != null ? "graded" : "attempted";
            Rules rules = Rules.of(e, me);
            rows.add(new ExerciseRow(e.slug, e.title, e.kind, e.published, rules.policy().deadline(),
                    !rules.policy().at(now).open(), rules.maxAttempts(), mine.size(), best,
                    e.currentVersion.manifest().scoring().max(), state));
        }
        return rows;
    }

    /** {@code mayUpload}: the viewer's site role uploads; the exercise must also be open to them. */
    public ExercisePage page(String slug, String username, boolean mayUpload) {
        Account me = Account.findByUsername(username).orElseThrow();
        Exercise e = visible(slug, me);
        ExerciseManifest m = e.currentVersion.manifest();
        StaffScope scope = access.scopeOf(me);
        boolean staff = access.covers(scope, e);
        List<SubmissionRow> mine = Submission.forStudent(me, e).stream()
                .map(s -> scope.covers(s.course) ? SubmissionRow.of(s) : SubmissionRow.ofStudent(s)).toList();
        Rules rules = Rules.of(e, me);
        String closed = null;
        if (!rules.policy().at(Instant.now()).open()) {
            closed = "The deadline has passed; submissions are closed.";
        } else if (rules.maxAttempts() != null && rules.attempts() >= rules.maxAttempts()) {
            closed = "You have used all " + rules.maxAttempts() + " attempts.";
        }
        return new ExercisePage(e.slug, e.title, e.kind, e.published, e.currentVersion.version,
                Statement.html(e.currentVersion.statement, e.title), m.entry(),
                staff || m.revealsModel() ? m.expectedModel().word() : null, m.limits(),
                m.benchmark() == null ? List.of() : m.benchmark().workers(), m.cases().size(),
                rules.policy().deadline(), rules.maxAttempts(), (int) rules.attempts(),
                mayUpload && closed == null && offers.openTo(e, me),
                closed, mine, rules.policy().lateUntil(), rules.courses());
    }

    public String starter(String slug, String username) {
        Exercise e = visible(slug, Account.findByUsername(username).orElseThrow());
        return e.currentVersion.bundle().text("starter/solution.py");
    }

    private Exercise visible(String slug, Account me) {
        Exercise e = Exercise.findBySlug(slug).orElseThrow(() -> new UnknownExercise(slug));
        if (!offers.visible(e, me)) {
            throw new UnknownExercise(slug);
        }
        return e;
    }
}
