package org.paragrade.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.paragrade.Hashes;
import org.paragrade.account.Account;
import org.paragrade.course.Course;
import org.paragrade.course.LatePolicy;
import org.paragrade.course.Offer;
import org.paragrade.course.Offers;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.UnknownExercise;
import org.paragrade.queue.JobQueue;

/**
 * A student's solution upload, for the API and the portal alike: the exercise must be open to the
 * student, the file passes {@link UploadValidator}, the deadline and the attempt limit hold; then
 * the files and the grading job are stored in one transaction. Refusals: {@link UnknownExercise}
 * (404), {@link UploadRefused} (400, or 413 when too large), {@link SubmissionClosed} (409).
 */
@ApplicationScoped
@Transactional
public class SolutionUpload {
    private static final Logger LOG = Logger.getLogger(SolutionUpload.class);
    static final String CHOOSE = "Choose your solution.py (or a .zip containing it) and send it as the form field 'file'.";

    private final JobQueue queue;
    private final Offers offers;

    public SolutionUpload(JobQueue queue, Offers offers) {
        this.queue = queue;
        this.offers = offers;
    }

    /**
     * The upload as a face received it: a temporary file ({@code null} when the form had none),
     * whose size is checked before it is read; {@code course} may be null (the one course offering it).
     */
    public Submission upload(String slug, String username, String course, String filename, Path file) {
        Account student = Account.findByUsername(username).orElseThrow();
        Exercise exercise = openTo(slug, student);
        Offer offer = offers.resolve(exercise, student, course);
        if (file == null) {
            throw new UploadRefused(CHOOSE, false);
        }
        byte[] bytes;
        try {
            UploadValidator.checkSize(Files.size(file));
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UploadRefused("The upload could not be read; try again.", false);
        }
        return store(exercise, offer, student, filename, bytes);
    }

    /**
     * Stores the upload and its grading job in the same transaction: when this returns (and the
     * transaction commits) both exist; when it throws, nothing was stored.
     */
    public Submission upload(String slug, String username, String filename, byte[] bytes) {
        Account student = Account.findByUsername(username).orElseThrow();
        Exercise exercise = openTo(slug, student);
        return store(exercise, offers.resolve(exercise, student, null), student, filename, bytes);
    }

    private Exercise openTo(String slug, Account student) {
        Exercise exercise = Exercise.findBySlug(slug).orElseThrow(() -> new UnknownExercise(slug));
        if (!offers.openTo(exercise, student)) {
            throw new UnknownExercise(slug);
        }
        return exercise;
    }

    private Submission store(Exercise exercise, Offer offer, Account student, String filename, byte[] bytes) {
        Map<String, byte[]> files = UploadValidator.validate(filename, bytes);
        LatePolicy policy = offer == null ? new LatePolicy(exercise.deadline, null, 0) : Offers.policy(offer, student);
        LatePolicy.Standing standing = policy.at(Instant.now());
        if (!standing.open()) {
            throw new SubmissionClosed("The deadline of '" + exercise.title + "' was " + policy.deadline()
                    + (policy.lateUntil() == null ? "" : " and late submissions closed at " + policy.lateUntil())
                    + "; submissions are closed.");
        }
        // Serialise concurrent uploads of one student on one exercise so the attempt limit holds.
        Account.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(:a, :b)")
                .setParameter("a", student.id.intValue()).setParameter("b", exercise.id.intValue())
                .getSingleResult();
        Course course = offer == null ? null : offer.course;
        Integer limit = offer == null ? exercise.maxAttempts : offer.effectiveMaxAttempts();
        long used = Submission.attemptsOf(student, exercise, course);
        if (limit != null && used >= limit) {
            throw new SubmissionClosed("You have used all " + limit + " attempts for '" + exercise.title + "'.");
        }
        Submission s = newSubmission(exercise, course, student, filename, Submission.nextAttemptNumber(student, exercise));
        s.lateDays = standing.lateDays();
        s.latePenaltyPerDay = standing.lateDays() > 0 ? policy.penaltyPerDay() : 0;
        s.persist();
        storeFiles(s, files);
        queue.enqueue(s.id);
        int superseded = supersedeWaiting(s);
        LOG.infof("Submission %d by %s for %s%s stored and queued (%d files%s%s)", s.id, student.username,
                exercise.slug, course == null ? "" : " in " + course.code, files.size(),
                s.lateDays > 0 ? ", " + s.lateDays + " day(s) late" : "",
                superseded > 0 ? ", superseding " + superseded + " waiting" : "");
        return s;
    }

    /**
     * The student's earlier uploads still waiting for their first grading are replaced by this one: not
     * graded, no longer an attempt. Runs after the attempt limit was checked with them counted, so a student
     * at the limit cannot free attempts this way; one a worker has claimed is left to finish.
     */
    private int supersedeWaiting(Submission newer) {
        List<Submission> waiting = Submission.waitingBefore(newer);
        Set<Long> withdrawn = Set.copyOf(queue.supersede(waiting.stream().map(w -> w.id).toList()));
        for (Submission w : waiting) {
            if (withdrawn.contains(w.id)) {
                w.status = Submission.SUPERSEDED;
                w.supersededBy = newer.id;
                w.progressPhase = "superseded";
            }
        }
        return withdrawn.size();
    }

    private static void storeFiles(Submission s, Map<String, byte[]> files) {
        for (var e : files.entrySet()) {
            SubmissionFile f = new SubmissionFile();
            f.submissionId = s.id;
            f.path = e.getKey();
            f.content = e.getValue();
            f.size = e.getValue().length;
            f.sha256 = Hashes.sha256Hex(e.getValue());
            f.persist();
        }
    }

    private static Submission newSubmission(Exercise exercise, Course course, Account student, String filename,
                                            int attempt) {
        Submission s = new Submission();
        s.exercise = exercise;
        s.version = exercise.currentVersion;
        s.course = course;
        s.student = student;
        s.attempt = attempt;
        s.filename = filename == null ? "solution.py" : filename.substring(0, Math.min(255, filename.length()));
        s.status = Submission.QUEUED;
        s.progressPhase = "queued";
        return s;
    }
}
