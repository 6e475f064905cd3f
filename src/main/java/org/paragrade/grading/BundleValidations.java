package org.paragrade.grading;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paragrade.account.Account;
import org.paragrade.audit.AuditAction;
import org.paragrade.audit.AuditTrail;
import org.paragrade.curriculum.Bundle;
import org.paragrade.curriculum.BundleValidation;
import org.paragrade.curriculum.CurriculumService;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.curriculum.ExerciseVersion;
import org.paragrade.curriculum.ValidationStatus;
import org.paragrade.queue.Claim;
import org.paragrade.queue.JobQueue;

/**
 * The worker's side of a bundle validation: reads the stored bundle, says how far it got, and records the
 * report with the job's completion in one fenced transaction. Only a report that passed stores the bundle as
 * the exercise's version (exactly as {@code BundleAuthoring} did in the request before); a late result of a
 * lost lease keeps nothing, so every validation ends with exactly one outcome. A stored bundle is an entry of the
 * audit trail in the same transaction, under the name of the instructor who uploaded or edited it; a failed one
 * changed nothing (no version, no publish state, no grade) and is no entry: its report and who asked for it stay on
 * the validation, which the exercise's page lists.
 */
@ApplicationScoped
public class BundleValidations {
    private static final int MAX_WHY = 2000;

    private final EntityManager em;
    private final JobQueue queue;
    private final CurriculumService curriculum;
    private final AuditTrail audit;

    public BundleValidations(EntityManager em, JobQueue queue, CurriculumService curriculum, AuditTrail audit) {
        this.em = em;
        this.queue = queue;
        this.curriculum = curriculum;
        this.audit = audit;
    }

    /** The claimed validation's bundle, read in a short transaction of its own. */
    Bundle load(Claim claim) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BundleValidation v = BundleValidation.findById(claim.validationId());
            return v.bundle();
        });
    }

    /** The validation shows RUNNING while this claim holds its job. */
    @Transactional
    public void markRunning(Claim claim) {
        progress(claim, "starting", 0, 0);
    }

    /** Progress is written only while the claim still holds the job; false when it no longer does. */
    @Transactional
    public boolean progress(Claim claim, String phase, int done, int total) {
        return em.createNativeQuery("""
                        update bundle_validation v set status = 'RUNNING', progress_phase = :phase,
                               progress_done = :done, progress_total = :total
                        from grading_job j
                        where v.id = :vid and j.id = :jid and j.validation_id = v.id and j.lease_owner = :owner
                          and j.attempt = :attempt and j.state = 'RUNNING' and v.status in ('QUEUED', 'RUNNING')""")
                .setParameter("phase", phase).setParameter("done", done).setParameter("total", total)
                .setParameter("vid", claim.validationId()).setParameter("jid", claim.jobId())
                .setParameter("owner", claim.owner()).setParameter("attempt", claim.attempt())
                .executeUpdate() == 1;
    }

    /**
     * The report and the job's completion, in one transaction: PASSED stores the bundle as the exercise's
     * version (a new exercise's slug taken meanwhile fails instead), FAILED keeps the current version as it is.
     * Throws {@link org.paragrade.queue.LeaseLost} (and keeps nothing) when the claim no longer holds the job.
     */
    @Transactional
    public ValidationStatus record(Claim claim, ValidationReport report) {
        queue.complete(claim);
        BundleValidation v = BundleValidation.findById(claim.validationId());
        if (report.valid() && v.purpose == BundleValidation.Purpose.CREATE && curriculum.exists(v.slug)) {
            List<String> problems = new ArrayList<>(report.problems());
            // another upload created it while this one waited (authoring refuses a taken slug before queueing)
            problems.add("An exercise called '" + v.slug + "' was created while this bundle waited; upload it as a"
                    + " new version of '" + v.slug + "' instead.");
            report = new ValidationReport(false, problems, report.references(), report.accounting(), report.checkedAt());
        }
        v.report = report.toJson();
        v.finishedAt = Instant.now();
        v.progressPhase = "done";
        v.progressDone = v.progressTotal;
        if (!report.valid()) {
            v.status = ValidationStatus.FAILED;
            return v.status;
        }
        Account author = Account.findById(v.requestedBy);
        ExerciseVersion before = Exercise.findBySlug(v.slug).map(e -> e.currentVersion).orElse(null);
        Bundle bundle = v.bundle();
        var stored = curriculum.store(bundle, v.purpose.source(), author == null ? null : author.username,
                v.report, true);
        v.status = ValidationStatus.PASSED;
        v.versionId = stored.version().id;
        v.created = stored.created();
        v.newVersion = stored.newVersion();
        String actor = author == null ? "account #" + v.requestedBy : author.username;
        audit.record(actor, null, v.purpose == BundleValidation.Purpose.EDIT ? AuditAction.LIMITS_EDIT
                : AuditAction.BUNDLE_UPLOAD, AuditTrail.Subject.exercise(v.slug), summary(v, before, bundle, stored));
        return v.status;
    }

    /** What storing the bundle did, in the instructor's words: created, a new version (limits before → after). */
    static String summary(BundleValidation v, ExerciseVersion before, Bundle bundle, CurriculumService.Stored stored) {
        String from = v.purpose == BundleValidation.Purpose.EDIT ? "from the browser editor" : "from an uploaded bundle";
        String passed = " (validation #" + v.id + " passed).";
        int version = stored.version().version;
        if (stored.created()) {
            return v.slug + " created as version " + version + " " + from + passed;
        }
        if (!stored.newVersion()) {
            return v.slug + ": the bundle " + from + " is the same as version " + version + "; nothing new was stored"
                    + passed;
        }
        ExerciseManifest.Limits was = before == null ? null : before.manifest().limits();
        ExerciseManifest.Limits now = bundle.manifest().limits();
        String limits = was == null ? "limits " + limits(now)
                : was.equals(now) ? "limits unchanged (" + limits(now) + ")"
                : "limits " + limits(was) + " → " + limits(now);
        String statement = before == null ? "" : "; statement "
                + (bundle.statement().equals(before.statement) ? "unchanged" : "changed");
        return v.slug + " replaced: version " + (before == null ? "none" : before.version) + " → " + version + " "
                + from + "; " + limits + statement + passed;
    }

    /** The five limits as the editor names them. */
    static String limits(ExerciseManifest.Limits l) {
        return "CPU time " + num(l.cpuSeconds()) + " s, wall time " + num(l.wallSeconds()) + " s, memory "
                + l.memoryMb() + " MB, processes + threads " + l.maxProcesses() + ", output " + l.outputKb() + " KB";
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
    }

    /** Our own failure that used up the job's attempts (or its worker died on each): FAILED, saying so. */
    @Transactional
    public void recordFailure(long validationId, String why) {
        BundleValidation v = BundleValidation.findById(validationId);
        if (v == null || v.status.finished()) {
            return;
        }
        String text = "validation could not run on our side (" + (why.length() > MAX_WHY ? why.substring(0, MAX_WHY)
                : why) + "); upload the bundle again, or ask the operators if it keeps failing";
        v.report = new ValidationReport(false, List.of(text), List.of(), null, Instant.now().toString()).toJson();
        v.status = ValidationStatus.FAILED;
        v.progressPhase = "failed";
        v.finishedAt = Instant.now();
    }

    /** Our own failure, to be tried again after the backoff: back to QUEUED. */
    @Transactional
    public void markRetrying(long validationId) {
        em.createNativeQuery("""
                        update bundle_validation set status = 'QUEUED', progress_phase = 'retrying'
                        where id = :id and status in ('QUEUED', 'RUNNING')""")
                .setParameter("id", validationId).executeUpdate();
    }
}
