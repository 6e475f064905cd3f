package org.paragrade.report;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.paragrade.submission.SubmissionStatus;

/**
 * Which state of a submission a view of it shows, read in one query: the rows the report page and the
 * submission's JSON are made of. Any change to one of them — a grading or regrade (the submission row),
 * an override (a grade row), a review decision or request, a newer upload of the same student (which
 * moves the review queue's "newest counts" rule), the course's offer, the student's extension or the
 * exercise — gives another {@link #stamp}, on every instance sharing the database, so a view computed
 * for one stamp is never served for another.
 *
 * <p>PostgreSQL's {@code xmin} of a row is the transaction that wrote its current version: a new value
 * on every update, without a column kept up to date by hand.
 *
 * @param student  the user name of the student who made it
 * @param courseId the course it was made in (null: outside any course)
 */
public record ReportRevision(long submission, String student, Long courseId, SubmissionStatus status, String stamp) {

    private static final String QUERY = """
            select a.username, s.course_id, s.status,
                   concat_ws('/', s.xmin, x.xmin, o.xmin, e.xmin,
                       (select count(*) || '.' || coalesce(max(g.id), 0) from grade g where g.submission_id = s.id),
                       (select count(*) || '.' || coalesce(max(d.id), 0) from review_decision d
                         where d.submission_id = s.id),
                       (select count(*) || '.' || count(r.decision_id) || '.' || coalesce(max(r.id), 0)
                          from review_request r where r.submission_id = s.id),
                       (select max(l.id) from submission l where l.student_id = s.student_id
                          and l.exercise_id = s.exercise_id and coalesce(l.course_id, 0) = coalesce(s.course_id, 0)))
            from submission s
            join account a on a.id = s.student_id
            join exercise x on x.id = s.exercise_id
            left join offer o on o.course_id = s.course_id and o.exercise_id = s.exercise_id
            left join extension e on e.offer_id = o.id and e.account_id = s.student_id
            where s.id = :id""";

    /** The submission's revision, or empty when there is no such submission. */
    public static Optional<ReportRevision> of(EntityManager em, long id) {
        List<?> rows = em.createNativeQuery(QUERY).setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new ReportRevision(id, (String) r[0], r[1] == null ? null : ((Number) r[1]).longValue(),
                SubmissionStatus.valueOf((String) r[2]), (String) r[3]));
    }

    public boolean madeBy(String username) {
        return student.equals(username);
    }
}
