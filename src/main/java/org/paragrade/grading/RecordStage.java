package org.paragrade.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.paragrade.grading.report.GradingReport;
import org.paragrade.grading.report.ReportCodec;
import org.paragrade.measure.Sample;
import org.paragrade.account.Account;
import org.paragrade.curriculum.ExerciseVersion;
import org.paragrade.queue.Claim;
import org.paragrade.queue.GradingJob;
import org.paragrade.queue.JobQueue;
import org.paragrade.submission.Grade;
import org.paragrade.submission.Submission;
import org.paragrade.submission.Verdict;

/**
 * The last stage of the pipeline: writes a grading's result and the job's completion in one fenced
 * transaction. If the lease was lost, {@link JobQueue#complete} throws and nothing of the late result
 * is kept.
 */
@ApplicationScoped
public class RecordStage {
    private final EntityManager em;
    private final JobQueue queue;

    public RecordStage(EntityManager em, JobQueue queue) {
        this.em = em;
        this.queue = queue;
    }

    @Transactional
    public void record(Claim claim, GradingOutcome outcome) {
        queue.complete(claim);
        Submission s = Submission.findById(claim.submissionId());
        GradingJob job = GradingJob.findById(claim.jobId());
        if (job.versionId != null) {
            s.version = ExerciseVersion.findById(job.versionId); // a regrade-all: now graded against this one
        }
        Grade g = new Grade();
        g.version = s.version;
        g.requestedBy = job.requestedBy == null ? null : Account.findById(job.requestedBy);
        g.submissionId = s.id;
        g.kind = Grade.AUTO;
        g.verdict = outcome.verdict();
        g.score = outcome.score();
        g.maxScore = outcome.maxScore();
        g.jobId = claim.jobId();
        g.persist();
        for (var ran : outcome.samplesByInterpreter().entrySet()) {
            String interpreter = ran.getKey().isEmpty() ? null : ran.getKey();
            for (Sample x : ran.getValue()) {
                em.createNativeQuery("""
                                insert into run_measurement (grade_id, variant, workers, round, wall_ms, cpu_ms,
                                    max_threads, max_processes, peak_memory_mb, interpreter)
                                values (:g, :v, :w, :r, :wall, :cpu, :t, :p, :m, :i)""")
                        .setParameter("g", g.id).setParameter("v", x.variant().word()).setParameter("w", x.workers())
                        .setParameter("r", x.round()).setParameter("wall", x.wallMs()).setParameter("cpu", x.cpuMs())
                        .setParameter("t", x.maxThreads()).setParameter("p", x.maxProcesses())
                        .setParameter("m", x.peakMemoryMb()).setParameter("i", interpreter).executeUpdate();
            }
        }
        s.status = Submission.GRADED;
        s.verdict = outcome.verdict();
        s.score = outcome.score();
        s.maxScore = outcome.maxScore();
        s.report = ReportCodec.write(outcome.report());
        s.progressPhase = "done";
        s.progressDone = s.progressTotal;
        s.gradedAt = Instant.now();
    }

    /** Our own failure that used up its attempts: an INTERNAL_ERROR the graders can see, not the student's fault. */
    @Transactional
    public void recordInternalError(long submissionId, String why) {
        Submission s = Submission.findById(submissionId);
        if (s == null) {
            return;
        }
        s.status = Submission.ERROR;
        s.verdict = Verdict.INTERNAL_ERROR;
        s.progressPhase = "failed";
        s.report = ReportCodec.write(GradingReport.internalError(why.length() > 2000 ? why.substring(0, 2000) : why));
        s.gradedAt = Instant.now();
    }

    @Transactional
    public void markRunning(Claim claim) {
        em.createNativeQuery("update submission set status = 'RUNNING', progress_phase = 'starting' where id = :id")
                .setParameter("id", claim.submissionId()).executeUpdate();
    }

    @Transactional
    public void markRetrying(long submissionId) {
        em.createNativeQuery("update submission set status = 'QUEUED', progress_phase = 'retrying' where id = :id")
                .setParameter("id", submissionId).executeUpdate();
    }

    /** Progress is written only while the claim still holds the job. */
    @Transactional
    public boolean progress(Claim claim, String phase, int done, int total) {
        return em.createNativeQuery("""
                        update submission s set progress_phase = :phase, progress_done = :done, progress_total = :total
                        from grading_job j
                        where s.id = :sid and j.id = :jid and j.lease_owner = :owner and j.attempt = :attempt
                          and j.state = 'RUNNING'""")
                .setParameter("phase", phase).setParameter("done", done).setParameter("total", total)
                .setParameter("sid", claim.submissionId()).setParameter("jid", claim.jobId())
                .setParameter("owner", claim.owner()).setParameter("attempt", claim.attempt())
                .executeUpdate() == 1;
    }
}
