/**
 * Similarity for the graders' desk: which students' kept submissions of an exercise look alike.
 * {@link org.paragrade.similarity.Jplag} is the engine (JPlag 4.3.0 and its Python 3 grammar, in this JVM,
 * the starter as base code, hostile sources screened one by one); {@link org.paragrade.similarity.SimilarityDesk}
 * is the one service both faces call: the course scope, runs kept with their pairs and matched regions, stale
 * when the kept submissions change, one run at a time off the request thread, and the reviewed marks. Reads
 * submissions (the kept rule of {@link org.paragrade.submission.KeptSubmission}); never grades.
 */
package org.paragrade.similarity;
