package org.paragrade.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.paragrade.account.Account;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.UnknownExercise;
import org.paragrade.queue.JobQueue;

/** Uploads (validated, stored and enqueued in one transaction), regrades and grade overrides. */
@ApplicationScoped
@Transactional
public class SubmissionService {
    private static final Logger LOG = Logger.getLogger(SubmissionService.class);

    private final JobQueue queue;

    public SubmissionService(JobQueue queue) {
        this.queue = queue;
    }

    /**
     * Stores the upload and its grading job in the same transaction: when this returns (and the
     * transaction commits) both exist; when it throws, nothing was stored.
     */
    public Submission upload(String slug, String username, String filename, byte[] bytes) {
        Exercise exercise = Exercise.findBySlug(slug).orElseThrow(() -> new UnknownExercise(slug));
        Account student = Account.findByUsername(username).orElseThrow();
        if (!exercise.published && !student.isStaff()) {
            throw new UnknownExercise(slug);
        }
        if (exercise.currentVersion == null) {
            throw new UnknownExercise(slug);
        }
        Map<String, byte[]> files = UploadValidator.validate(filename, bytes);
        Instant now = Instant.now();
        if (exercise.deadlinePassed(now)) {
            throw new SubmissionClosed("The deadline of '" + exercise.title + "' was " + exercise.deadline
                    + "; submissions are closed.");
        }
        // Serialise concurrent uploads of one student on one exercise so the attempt limit holds.
        Account.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(:a, :b)")
                .setParameter("a", student.id.intValue()).setParameter("b", exercise.id.intValue())
                .getSingleResult();
        long used = Submission.attemptsOf(student, exercise);
        if (exercise.maxAttempts != null && used >= exercise.maxAttempts) {
            throw new SubmissionClosed("You have used all " + exercise.maxAttempts + " attempts for '"
                    + exercise.title + "'.");
        }
        Submission s = new Submission();
        s.exercise = exercise;
        s.version = exercise.currentVersion;
        s.student = student;
        s.attempt = (int) used + 1;
        s.filename = filename == null ? "solution.py" : filename.substring(0, Math.min(255, filename.length()));
        s.status = Submission.QUEUED;
        s.progressPhase = "queued";
        s.persist();
        for (var e : files.entrySet()) {
            SubmissionFile f = new SubmissionFile();
            f.submissionId = s.id;
            f.path = e.getKey();
            f.content = e.getValue();
            f.size = e.getValue().length;
            f.sha256 = org.paragrade.Hashes.sha256Hex(e.getValue());
            f.persist();
        }
        queue.enqueue(s.id);
        LOG.infof("Submission %d by %s for %s stored and queued (%d files)", s.id, username, slug, files.size());
        return s;
    }

    /** Grades the submission again; the earlier automatic grades stay in the history. */
    public Submission regrade(long id) {
        Submission s = Submission.<Submission>findByIdOptional(id).orElseThrow(() -> new UnknownSubmission(id));
        s.status = Submission.QUEUED;
        s.progressPhase = "queued";
        s.progressDone = 0;
        s.progressTotal = 0;
        queue.enqueue(s.id);
        return s;
    }

    /** A grader's score, kept beside the automatic grade (which is not changed). */
    public Grade override(long id, double score, String comment, String graderName) {
        Submission s = Submission.<Submission>findByIdOptional(id).orElseThrow(() -> new UnknownSubmission(id));
        double max = s.maxScore != null ? s.maxScore : s.version.manifest().scoring().max();
        if (Double.isNaN(score) || score < 0 || score > max) {
            throw new UploadRefused("The score must be between 0 and " + fmt(max) + ".", false);
        }
        if (comment == null || comment.isBlank()) {
            throw new UploadRefused("Say why in a comment: the student will read it.", false);
        }
        Grade g = new Grade();
        g.submissionId = s.id;
        g.kind = Grade.OVERRIDE;
        g.score = score;
        g.maxScore = max;
        g.verdict = s.verdict;
        g.comment = comment.strip();
        g.author = Account.findByUsername(graderName).orElse(null);
        g.persist();
        return g;
    }

    public Optional<Submission> find(long id) {
        return Submission.findByIdOptional(id);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

}
