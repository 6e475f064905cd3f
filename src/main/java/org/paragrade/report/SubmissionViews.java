package org.paragrade.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.paragrade.course.CourseAccess;
import org.paragrade.course.StaffScope;
import org.paragrade.queue.JobQueue;
import org.paragrade.submission.Submission;
import org.paragrade.submission.SubmissionAccess;
import org.paragrade.submission.UnknownSubmission;

/**
 * A submission as its viewer may see it, for both faces, computed once per revision and audience
 * ({@link ViewCache}). A request costs the viewer's scope and one query for the submission's revision;
 * the report is read, parsed and concealed only when that revision (or the audience's deadline) is new.
 */
@ApplicationScoped
@Transactional
public class SubmissionViews {
    private final EntityManager em;
    private final CourseAccess courses;
    private final JobQueue queue;
    private final ViewCache<SubmissionView> cache = new ViewCache<>();

    public SubmissionViews(EntityManager em, CourseAccess courses, JobQueue queue) {
        this.em = em;
        this.courses = courses;
        this.queue = queue;
    }

    /** A submission someone may see: its revision now, and as whom they see it. */
    public record Looked(ReportRevision revision, ViewCache.Audience audience) {
    }

    /**
     * The rule of {@link SubmissionAccess} on the submission's revision.
     *
     * @throws UnknownSubmission when there is none, or it is neither theirs nor in a course they staff
     */
    public Looked look(long id, String username, StaffScope scope) {
        ReportRevision r = ReportRevision.of(em, id)
                .filter(rev -> SubmissionAccess.sees(rev.courseId(), rev.student(), scope, username))
                .orElseThrow(() -> new UnknownSubmission(id));
        return new Looked(r, new ViewCache.Audience(scope.covers(r.courseId()), r.madeBy(username)));
    }

    /** The API's view: whole for its staff, concealed for its student. */
    public ViewCache.Shown<SubmissionView> view(long id, String username) {
        Looked l = look(id, username, courses.scopeOf(username));
        return cache.get(l.revision(), l.audience(), Instant.now(), () -> compute(id, l.audience()));
    }

    /** Computes the view for an audience now (no cache), and until when it holds by itself. */
    public ViewCache.Computed<SubmissionView> compute(long id, ViewCache.Audience audience) {
        Submission s = Submission.<Submission>findByIdOptional(id).orElseThrow(() -> new UnknownSubmission(id));
        SubmissionView view = SubmissionView.of(s, Submission.QUEUED.equals(s.status) ? queue.waitOf(s.id) : null);
        if (audience.staff()) {
            return new ViewCache.Computed<>(view, null);
        }
        Concealment.Now concealed = Concealment.forStudentNow(s);
        return new ViewCache.Computed<>(view.forStudent(concealed.concealed()), concealed.until());
    }
}
