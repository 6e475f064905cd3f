package org.paragrade.portal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import io.vertx.ext.web.RoutingContext;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paragrade.course.StaffScope;
import org.paragrade.report.SubmissionView;
import org.paragrade.report.SubmissionViews;
import org.paragrade.report.ViewCache;
import org.paragrade.report.ViewTurns;
import org.paragrade.review.ReviewDesk;
import org.paragrade.review.ReviewState;
import org.paragrade.submission.Submission;
import org.paragrade.submission.SubmissionAccess;
import org.paragrade.submission.SubmissionService;
import org.paragrade.submission.UploadRefused;

/**
 * A submission's report: the student's own, or one of their courses' for its staff (site staff: any),
 * who also get the regrade and override forms ({@link SubmissionAccess}). Other students' submissions
 * are answered exactly like missing ones (404).
 */
@Path("/submissions")
@Produces(MediaType.TEXT_HTML)
@CsrfProtected
public class ReportResource {
    /** Kept by the browser only, and asked again each time (the ETag makes that cheap). */
    static final String PRIVATE = "private, no-cache";
    private static final MediaType HTML_UTF8 = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private final Viewer viewer;
    private final CsrfToken csrf;
    private final Reports reports;
    private final ViewTurns turns;
    private final SubmissionService submissions;
    private final SubmissionAccess access;
    private final ErrorPages errors;
    private final RenderedPages rendered;
    private final PageShortcut shortcut;

    public ReportResource(Viewer viewer, CsrfToken csrf, Reports reports, ViewTurns turns,
                          SubmissionService submissions, SubmissionAccess access, ErrorPages errors,
                          RenderedPages rendered, PageShortcut shortcut) {
        this.rendered = rendered;
        this.shortcut = shortcut;
        this.viewer = viewer;
        this.csrf = csrf;
        this.reports = reports;
        this.turns = turns;
        this.submissions = submissions;
        this.access = access;
        this.errors = errors;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(ReportView report, boolean staff, String notice, String problem,
                                              String scoreInput, String commentInput, ReviewSection review);
    }

    @GET
    @Path("{id}")
    public Response report(@PathParam("id") long id, @QueryParam("done") String done, @Context Request request,
                           RoutingContext routing) {
        String notice = switch (done == null ? "" : done) {
            case "regrade" -> "Queued for grading again. The earlier grade stays in the history.";
            case "override" -> "The grade override is saved; the automatic grade is kept beside it.";
            case "review-request" -> "Your request is sent: a grader will look at this submission.";
            case "accepted" -> "Accepted: the submission is out of the review queue.";
            default -> null;
        };
        ViewCache.Shown<Reports.Shown> shown = turns.take(() -> reports.view(id, viewer));
        // the page around the report is the viewer's: their navigation, their forms' token, the notice
        String viewersPage = ViewCache.digest(shown.etag(), viewer.name(), viewer.role(),
                Boolean.toString(viewer.mayGrade()), notice);
        EntityTag tag = new EntityTag(ViewCache.digest(viewersPage, csrf.token()));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        // a token drawn for this response alone never recurs: its page is not given back again
        boolean shortcutted = !csrf.fresh() && shortcut.keeps(routing);
        if (unchanged == null || shortcutted) {
            Reports.Shown r = shown.view();
            // rendered once for every session of this viewer, with a stand-in where the forms' token goes
            String token = csrf.token();
            String shell = rendered.get(viewersPage, () -> {
                csrf.use(RenderedPages.TOKEN_STAND_IN, csrf.fresh());
                try {
                    return Templates.report(r.report(), r.staff(), notice, null, "", "",
                            ReviewSection.of(r.review())).render();
                } finally {
                    csrf.use(token, csrf.fresh());
                }
            });
            String page = shell.replace(RenderedPages.TOKEN_STAND_IN, token);
            if (shortcutted) {
                shortcut.keep(routing, viewer.name(), r.report().student(), page, "\"" + tag.getValue() + "\"",
                        r.report().active(), shown.until());
            }
            if (unchanged == null) {
                unchanged = Response.ok(page, HTML_UTF8).tag(tag);
            }
        }
        return unchanged.header(HttpHeaders.CACHE_CONTROL, PRIVATE).build();
    }

    @POST
    @Path("{id}/regrade")
    public Response regrade(@PathParam("id") long id) {
        submissions.regrade(id, viewer.name());
        return Response.seeOther(URI.create("/submissions/" + id + "?done=regrade")).build();
    }

    @POST
    @Path("{id}/grade")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response override(@PathParam("id") long id, @RestForm("score") String score,
                             @RestForm("comment") String comment) {
        access.requireGradable(id, viewer.name()); // before reading the form: 404 not theirs, 403 their own
        try {
            double value;
            try {
                value = Double.parseDouble(score == null ? "" : score.trim().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new UploadRefused("The score must be a number, like 42 or 42.5.", false);
            }
            submissions.override(id, value, comment, viewer.name());
            return Response.seeOther(URI.create("/submissions/" + id + "?done=override")).build();
        } catch (UploadRefused e) {
            Reports.Shown shown = reports.view(id, viewer).view();
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(Templates.report(shown.report(),
                    shown.staff(), null, e.getMessage(), score == null ? "" : score, comment == null ? "" : comment,
                    ReviewSection.of(shown.review()))).build();
        }
    }

    @ServerExceptionMapper
    public Response error(Exception e) {
        return errors.of(e);
    }

    /**
     * The report page's part that depends on the submission and its audience only, computed once per revision
     * ({@link SubmissionViews}): the report with its charts and the desk's section.
     */
    @ApplicationScoped
    public static class Reports {
        private final SubmissionViews views;
        private final ReviewDesk desk;
        private final RecentReads recent;
        private final ViewCache<Shown> cache = new ViewCache<>();

        public Reports(SubmissionViews views, ReviewDesk desk, RecentReads recent) {
            this.views = views;
            this.desk = desk;
            this.recent = recent;
        }

        /** The report as its viewer may see it; {@code staff}: with the student's name and the grader's forms. */
        public record Shown(ReportView report, boolean staff, ReviewState review) {
        }

        /** What {@link #view} looked up for a viewer (the rule of access on the submission's revision). */
        private record Look(long submission, String username, StaffScope scope) {
        }

        /**
         * The view for {@code viewer}: their access decided on a read at most {@link RecentReads#FRESH} old (and
         * none since a write here), the view computed once per revision and audience. A transaction only for
         * what is read anew.
         */
        public ViewCache.Shown<Shown> view(long id, Viewer viewer) {
            String name = viewer.name();
            StaffScope scope = viewer.scope();
            RecentReads.Kept<SubmissionViews.Looked> kept = recent.kept(new Look(id, name, scope),
                    () -> QuarkusTransaction.joiningExisting().call(() -> views.look(id, name, scope)));
            SubmissionViews.Looked looked = kept.value();
            ViewCache.Audience audience = looked.audience();
            ViewCache.Shown<Shown> shown = cache.get(looked.revision(), audience, Instant.now(),
                    () -> QuarkusTransaction.joiningExisting()
                    .call(() -> {
                        ViewCache.Computed<SubmissionView> v = views.compute(id, audience);
                        Long newerId = v.view().supersededBy();
                        Submission newer = newerId == null ? null : Submission.findById(newerId);
                        ReportView report = ReportView.of(v.view(),
                                newer == null ? null : new ReportView.Superseded(newer.id, newer.attempt));
                        return new ViewCache.Computed<>(new Shown(report, audience.staff(),
                                desk.state(id, ReviewPages.who(viewer))), v.until());
                    }));
            if (!looked.revision().status().active()) {
                return shown;
            }
            // a queued or running page's progress moves without a request here: what the read shows holds no
            // longer than the read is kept, so a page kept from it is never older than a second in all
            Instant until = kept.until();
            return shown.until() != null && shown.until().isBefore(until) ? shown
                    : new ViewCache.Shown<>(shown.view(), shown.etag(), until);
        }
    }
}
