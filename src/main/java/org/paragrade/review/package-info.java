/**
 * The graders' desk: which submissions need a human look and why ({@link org.paragrade.review.ReviewReasons},
 * pure), a grader's decision closing an item, a student's request for a look, and the submitted files as a
 * zip ({@link org.paragrade.review.ReviewDesk}, the one service both faces call); the code beside the report
 * ({@link org.paragrade.review.SubmittedCode}: each file as text or why not, {@link org.paragrade.review.SourceFile},
 * and the diff of two attempts, {@link org.paragrade.review.CodeDiff}, both pure). Reads submissions and their
 * stored reports; never grades.
 */
package org.paragrade.review;
