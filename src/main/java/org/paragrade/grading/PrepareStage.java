package org.paragrade.grading;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.paragrade.curriculum.Bundle;
import org.paragrade.curriculum.ExerciseManifest;
import org.paragrade.curriculum.ExerciseVersion;
import org.paragrade.queue.Claim;
import org.paragrade.queue.GradingJob;
import org.paragrade.submission.Submission;
import org.paragrade.submission.SubmissionFile;

/**
 * Stage 1 of the pipeline: the submission's files and the exercise version it is graded against, read
 * in one short transaction (nothing is held open while the sandbox runs), then laid out in a fresh
 * workspace that the worker closes whatever happens.
 */
final class PrepareStage {
    private PrepareStage() {
    }

    /** What a grading needs from the database. */
    record Prepared(long versionId, ExerciseManifest manifest, Bundle bundle, Map<String, byte[]> files) {
        boolean hasChecker() {
            return bundle.files().containsKey("checker.py");
        }
    }

    /** The claimed submission's files and the version its job names (a regrade-all's), else the submission's own. */
    static Prepared load(Claim claim) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Submission s = Submission.findById(claim.submissionId());
            GradingJob job = GradingJob.findById(claim.jobId());
            ExerciseVersion version = job.versionId == null ? s.version : ExerciseVersion.findById(job.versionId);
            Map<String, byte[]> files = new HashMap<>();
            for (SubmissionFile f : SubmissionFile.of(s.id)) {
                files.put(f.path, f.content);
            }
            return new Prepared(version.id, version.manifest(), version.bundle(), files);
        });
    }

    static Workspace workspace(Path dataDir, String name, Prepared prepared) throws IOException {
        return Workspace.create(dataDir.toAbsolutePath().resolve("grading"), name, prepared.bundle(),
                prepared.files());
    }
}
