package org.paragrade.grading;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import org.paragrade.queue.Claim;
import org.paragrade.queue.GradingJob;
import org.paragrade.submission.Submission;

/**
 * Who and what a claimed job grades, for the log's fields and the metrics: the exercise's slug, the
 * student's user name, what kind of job it is and how long it waited in the queue (enqueued → claimed).
 */
record GradingSubject(String exercise, String student, Kind kind, Duration waited) {

    /** The three ways a job reaches the queue; their waits differ by design (batches yield to uploads). */
    enum Kind {
        UPLOAD, REGRADE, BATCH;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Read in its own short transaction, before the grading starts. */
    static GradingSubject of(Claim claim) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Submission s = Submission.findById(claim.submissionId());
            GradingJob job = GradingJob.findById(claim.jobId());
            Kind kind = job.batchId != null ? Kind.BATCH : job.requestedBy != null ? Kind.REGRADE : Kind.UPLOAD;
            Duration waited = job.startedAt == null ? Duration.ZERO : Duration.between(job.createdAt, job.startedAt);
            return new GradingSubject(s.exercise.slug, s.student.username, kind,
                    waited.isNegative() ? Duration.ZERO : waited);
        });
    }
}
