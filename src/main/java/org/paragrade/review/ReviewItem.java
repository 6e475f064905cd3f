package org.paragrade.review;

import java.time.Instant;
import java.util.List;

/**
 * One submission in the review queue ({@code GET /api/review}).
 *
 * @param id       the submission
 * @param course   the course it was made in (null outside any course)
 * @param since    when it started waiting: its grading, or the student's request if that came first
 * @param reasons  why a grader should look, in words
 */
public record ReviewItem(long id, String student, String exercise, String course, int attempt, Instant since,
                         List<String> reasons) {
}
