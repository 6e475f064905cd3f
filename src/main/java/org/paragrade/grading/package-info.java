/**
 * Grading a submission: a worker claims a job from the queue and runs it through a pipeline of stages,
 * each a class with one job, taking and returning typed values:
 * <pre>
 *   PrepareStage      the submission's files and exercise version from the database → a fresh Workspace
 *   CorrectnessStage  every case, then the stress repeats, each run compared with the sequential reference
 *   BenchmarkStage    interleaved rounds of the student and the references (only for a correct solution)
 *   JudgeStage        behaviour, score and the typed {@link org.paragrade.grading.report.GradingReport}
 *   RecordStage       the grade, the runs and the job's completion in one fenced transaction
 * </pre>
 * {@link org.paragrade.grading.Grader} runs correctness → benchmark → judge; {@link
 * org.paragrade.grading.GradingWorker} prepares before it and records after it. A limit in a stage is a
 * result (a verdict); our own failure ({@link org.paragrade.grading.InfrastructureFailure}) ends the
 * pipeline and is retried a bounded number of times; the workspace is closed whatever happens.
 * {@link org.paragrade.grading.BundleValidator} runs the same correctness and benchmark stages on a
 * bundle's references and starter before it can be published.
 */
package org.paragrade.grading;
