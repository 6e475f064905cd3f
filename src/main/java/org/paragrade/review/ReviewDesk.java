package org.paragrade.review;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.paragrade.account.Account;
import org.paragrade.audit.AuditAction;
import org.paragrade.audit.AuditTrail;
import org.paragrade.course.Course;
import org.paragrade.course.StaffScope;
import org.paragrade.course.UnknownCourse;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.UnknownExercise;
import org.paragrade.grading.report.ReportCodec;
import org.paragrade.submission.Submission;
import org.paragrade.submission.SubmissionAccess;
import org.paragrade.submission.SubmissionFile;

/**
 * The graders' desk, for both faces: the queue of submissions that need a human look, a grader closing
 * an item, a student asking for a look, and a submission's files as a zip.
 *
 * <p>A submission's grading counts for the queue when it is the newest submission of its student for its
 * exercise (in its course) and has finished: an older attempt is moot once a newer one exists. A student's
 * open request always counts. An item stays closed by a grader's decision until a later grading of the
 * submission raises reasons again. Whether a caller may see a submission at all is decided in one place,
 * {@link #maySee}.
 */
@ApplicationScoped
@Transactional
public class ReviewDesk {
    private static final Logger LOG = Logger.getLogger(ReviewDesk.class);
    static final int MAX_TEXT_CHARS = 2000;
    /** Open requests one student may hold at once, over all their submissions: the queue cannot be flooded. */
    static final int MAX_OPEN_REQUESTS = 5;
    /** The first key of the advisory lock that serialises one student's requests (uploads use positive keys). */
    private static final int REQUEST_LOCK = -1;

    private static final String GRADING_NEEDS_LOOK = """
            select s.id from submission s
            where s.id in (select distinct on (l.student_id, l.exercise_id, coalesce(l.course_id, 0)) l.id
                           from submission l
                           order by l.student_id, l.exercise_id, coalesce(l.course_id, 0), l.id desc)
              and s.status in ('GRADED', 'ERROR')
              and (s.verdict = 'INTERNAL_ERROR'
                   or (jsonb_typeof(s.report -> 'flags') = 'array' and jsonb_array_length(s.report -> 'flags') > 0)
                   or s.report -> 'performance' ->> 'stable' = 'false')
              and not exists (select 1 from review_decision d
                              where d.submission_id = s.id and d.graded_at >= s.graded_at)""";

    private final EntityManager em;

    private final SubmissionAccess access;

    private final AuditTrail audit;

    public ReviewDesk(EntityManager em, SubmissionAccess access, AuditTrail audit) {
        this.em = em;
        this.access = access;
        this.audit = audit;
    }

    /** The queue, oldest first; {@code courseCode} and {@code slug} narrow it (blank: every one). */
    public List<ReviewItem> queue(String courseCode, String slug, Who who) {
        requireStaff(who);
        Course course = blank(courseCode) ? null
                : Course.findByCode(courseCode.strip()).orElseThrow(() -> new UnknownCourse(courseCode.strip()));
        Exercise exercise = blank(slug) ? null
                : Exercise.findBySlug(slug.strip()).orElseThrow(() -> new UnknownExercise(slug.strip()));
        Set<Long> grading = gradingNeedsLook(null);
        Map<Long, ReviewRequest> open = ReviewRequest.<ReviewRequest>list("decision is null").stream()
                .collect(Collectors.toMap(r -> r.submissionId, Function.identity()));
        Set<Long> ids = new HashSet<>(grading);
        ids.addAll(open.keySet());
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Submission> candidates = Submission.list("from Submission s join fetch s.student join fetch s.exercise "
                + "left join fetch s.course where s.id in ?1", ids);
        return candidates.stream()
                .filter(s -> course == null || s.course != null && s.course.id.equals(course.id))
                .filter(s -> exercise == null || s.exercise.id.equals(exercise.id))
                .filter(s -> maySee(s, who))
                .map(s -> item(s, grading.contains(s.id), open.get(s.id)))
                .filter(i -> !i.reasons().isEmpty())
                .sorted(Comparator.comparing(ReviewItem::since, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingLong(ReviewItem::id))
                .toList();
    }

    /** What the queue may be narrowed to: course codes and exercise slugs, in order. */
    public record Choices(List<String> courses, List<String> exercises) {
    }

    public Choices choices(Who who) {
        requireStaff(who);
        return new Choices(Course.<Course>list("order by code").stream().filter(c -> who.scope().covers(c))
                .map(c -> c.code).toList(),
                Exercise.listAllOrdered().stream().map(e -> e.slug).toList());
    }

    /** A grader closes the submission's item; its open request (if any) is closed with it. */
    public ReviewDecisionView accept(long id, String action, String comment, Who who) {
        requireStaff(who);
        Submission s = seen(id, who);
        if (!asStaff(s, who)) {
            throw new ForbiddenException("Only the graders and instructors of the submission's course may accept it.");
        }
        if (!ReviewDecision.ACCEPT.equals(action == null ? null : action.strip())) {
            throw ReviewRefused.badRequest("Send {\"action\": \"accept\", \"comment\": \"...\"}: \"accept\" is the "
                    + "only action; it takes the submission out of the review queue.");
        }
        String why = text(comment, "The comment", false);
        List<String> reasons = reasonsOf(s);
        if (reasons.isEmpty()) {
            throw ReviewRefused.conflict("Submission " + id + " is not waiting for review.");
        }
        ReviewDecision d = new ReviewDecision();
        d.submissionId = s.id;
        d.action = ReviewDecision.ACCEPT;
        d.comment = why;
        d.reasons(reasons);
        d.gradedAt = s.gradedAt;
        d.author = Account.findByUsername(who.username()).orElse(null);
        d.persist();
        ReviewRequest.openFor(s.id).ifPresent(r -> r.decision = d);
        audit.record(who.username(), s.course == null ? null : s.course.id, AuditAction.REVIEW_ACCEPT,
                new AuditTrail.Subject(s.id, s.exercise.slug, s.student.username), "Review of " + s.student.username
                        + "'s submission #" + s.id + " (" + s.exercise.slug + ") accepted; it was waiting for: "
                        + String.join("; ", reasons) + "." + (why == null ? "" : " Comment: " + why));
        LOG.infof("Review of submission %d accepted by %s (%d reasons)", s.id, who.username(), reasons.size());
        return ReviewDecisionView.of(d);
    }

    /** The submission's student asks a grader to look at it. */
    public ReviewRequestState ask(long id, String message, Who who) {
        Submission s = seen(id, who);
        if (!owner(s, who)) {
            throw new ForbiddenException("Only the student who made the submission may ask for its review.");
        }
        String m = text(message, "Your message", true);
        em.createNativeQuery("select pg_advisory_xact_lock(:a, :b)").setParameter("a", REQUEST_LOCK)
                .setParameter("b", s.student.id.intValue()).getSingleResult();
        if (ReviewRequest.openFor(s.id).isPresent()) {
            throw ReviewRefused.conflict("You already asked for a review of this submission; a grader has not "
                    + "answered it yet.");
        }
        if (ReviewRequest.openOfStudent(s.student.id) >= MAX_OPEN_REQUESTS) {
            throw ReviewRefused.conflict("You have " + MAX_OPEN_REQUESTS + " review requests waiting already; ask "
                    + "again once a grader has answered one of them.");
        }
        ReviewRequest r = new ReviewRequest();
        r.submissionId = s.id;
        r.message = m;
        r.persist();
        LOG.infof("Review of submission %d requested by %s", s.id, who.username());
        return requestState(s, who);
    }

    /** The newest request on the submission and whether the caller may ask now. */
    public ReviewRequestState request(long id, Who who) {
        return requestState(seen(id, who), who);
    }

    /** The desk's part of the report page. */
    public ReviewState state(long id, Who who) {
        Submission s = seen(id, who);
        if (!asStaff(s, who)) {
            return new ReviewState(s.id, List.of(), List.of(), requestState(s, who));
        }
        return new ReviewState(s.id, reasonsOf(s),
                ReviewDecision.<ReviewDecision>of(s.id).stream().map(ReviewDecisionView::of).toList(),
                requestState(s, who));
    }

    /** The submitted files, as graded. */
    public SubmittedFiles files(long id, Who who) {
        Submission s = seen(id, who);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (SubmissionFile f : SubmissionFile.of(s.id)) {
            files.put(f.path, f.content);
        }
        return SubmittedFiles.of(s.id, files);
    }

    /**
     * Who may see a submission at the desk: its student, and the staff of its course ({@link StaffScope}: site
     * staff everything, a course's graders and instructors that course's submissions).
     */
    static boolean maySee(Submission s, Who who) {
        return SubmissionAccess.sees(s, who.scope(), who.username());
    }

    /** The caller sees the submission as its staff: its reasons, decisions, and the accept action. */
    static boolean asStaff(Submission s, Who who) {
        return who.scope().covers(s.course);
    }

    /** The submission, if the caller may see it; otherwise answered as if it did not exist. */
    private Submission seen(long id, Who who) {
        return access.see(id, who.username()).submission();
    }

    private static boolean owner(Submission s, Who who) {
        return s.student.username.equals(who.username());
    }

    private static void requireStaff(Who who) {
        if (!who.staff()) {
            throw new ForbiddenException("The review queue is for graders and instructors.");
        }
    }

    private static ReviewRequestState requestState(Submission s, Who who) {
        ReviewRequest r = ReviewRequest.latest(s.id).orElse(null);
        boolean mayAsk = owner(s, who) && (r == null || !r.open());
        if (r == null) {
            return new ReviewRequestState(s.id, ReviewRequestState.NONE, null, null, null, null, mayAsk);
        }
        if (r.open()) {
            return new ReviewRequestState(s.id, ReviewRequestState.OPEN, r.message, r.createdAt, null, null, false);
        }
        return new ReviewRequestState(s.id, ReviewRequestState.CLOSED, r.message, r.createdAt, r.decision.createdAt,
                r.decision.author == null ? null : r.decision.author.username, mayAsk);
    }

    private List<String> reasonsOf(Submission s) {
        return item(s, !gradingNeedsLook(s.id).isEmpty(), ReviewRequest.openFor(s.id).orElse(null)).reasons();
    }

    private static ReviewItem item(Submission s, boolean gradingCounts, ReviewRequest open) {
        List<String> grading = gradingCounts ? ReviewReasons.ofGrading(s.verdict, ReportCodec.read(s.report))
                : List.of();
        Instant since = grading.isEmpty() ? null : s.gradedAt;
        if (open != null && (since == null || open.createdAt.isBefore(since))) {
            since = open.createdAt;
        }
        return new ReviewItem(s.id, s.student.username, s.exercise.slug, s.course == null ? null : s.course.code,
                s.attempt, since, ReviewReasons.all(grading, open == null ? null : open.message));
    }

    /** Submissions whose current grading needs a look and no decision covers it (only {@code id}, if given). */
    private Set<Long> gradingNeedsLook(Long id) {
        var q = em.createNativeQuery(id == null ? GRADING_NEEDS_LOOK : GRADING_NEEDS_LOOK + " and s.id = :id");
        if (id != null) {
            q.setParameter("id", id);
        }
        Set<Long> ids = new HashSet<>();
        for (Object o : q.getResultList()) {
            ids.add(((Number) o).longValue());
        }
        return ids;
    }

    /** A message or comment: stripped, at most {@link #MAX_TEXT_CHARS} characters, no control characters. */
    static String text(String raw, String what, boolean required) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty()) {
            if (required) {
                throw ReviewRefused.badRequest(what + " is empty: say in a few words what a grader should look at "
                        + "(1 to " + MAX_TEXT_CHARS + " characters).");
            }
            return null;
        }
        if (t.codePointCount(0, t.length()) > MAX_TEXT_CHARS) {
            throw ReviewRefused.badRequest(what + " is too long: at most " + MAX_TEXT_CHARS + " characters.");
        }
        if (t.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw ReviewRefused.badRequest(what + " contains control characters; send plain text.");
        }
        return t;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
