package org.paragrade.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.paragrade.submission.Submission;

/** The 202 answer to an upload or a regrade: the submission is queued for grading. */
@Schema(name = "SubmissionAccepted")
public record SubmissionAccepted(
        @Schema(required = true) long id,
        @Schema(required = true, description = "QUEUED") String status) {

    static SubmissionAccepted of(Submission s) {
        return new SubmissionAccepted(s.id, s.status.name());
    }
}
