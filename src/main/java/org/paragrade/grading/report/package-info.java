/**
 * The grading report as one set of typed records: written by the engine ({@code grading/JudgeStage}),
 * stored as jsonb on the submission through {@link org.paragrade.grading.report.ReportCodec}, and read back
 * into the same records by the API, the portal and the grade book. The JSON field names are the design's
 * contract (shared DESIGN, "A submission's JSON"); a field is added here, never renamed.
 */
package org.paragrade.grading.report;
