package org.paragrade.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paragrade.course.Course;
import org.paragrade.course.CourseRefused;
import org.paragrade.course.CourseService;
import org.paragrade.course.OfferSettings;
import org.paragrade.course.RosterCsv;
import org.paragrade.course.RosterImport;
import org.paragrade.portal.CourseViews.AuditPage;
import org.paragrade.portal.CourseViews.CoursePage;
import org.paragrade.portal.CourseViews.CourseRow;
import org.paragrade.report.CourseGradeBook;

/**
 * The course pages: one's courses (and a site instructor's form for a new one), a course's offered
 * exercises, and for its staff the members, the roster import, offers, extensions and the grade
 * book; the same services as the API's, with the same messages.
 */
@Path("/courses")
@Produces(MediaType.TEXT_HTML)
@CsrfProtected
public class CoursePages {
    private final Viewer viewer;
    private final CourseViews views;
    private final CourseService courses;
    private final RosterImport roster;
    private final OfferSettings offers;
    private final CourseGradeBook gradeBook;
    private final ErrorPages errors;

    public CoursePages(Viewer viewer, CourseViews views, CourseService courses, RosterImport roster,
                       OfferSettings offers, CourseGradeBook gradeBook, ErrorPages errors) {
        this.viewer = viewer;
        this.views = views;
        this.courses = courses;
        this.roster = roster;
        this.offers = offers;
        this.gradeBook = gradeBook;
        this.errors = errors;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<CourseRow> courses, boolean mayCreate, String problem);

        static native TemplateInstance course(CoursePage course, String notice, String problem,
                                              List<RosterCsv.LineError> lines, RosterImport.Imported imported,
                                              String passwordsCsv);

        static native TemplateInstance audit(AuditPage trail);
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(views.mine(viewer.name()), viewer.instructor(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm("code") String code, @RestForm("title") String title,
                           @RestForm("timeZone") String timeZone) {
        if (!viewer.instructor()) {
            throw new PageForbidden();
        }
        try {
            Course c = courses.create(code, title, timeZone, viewer.name());
            return Response.seeOther(URI.create("/courses/" + c.code)).build();
        } catch (CourseRefused e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.list(views.mine(viewer.name()), true, e.getMessage())).build();
        }
    }

    @GET
    @Path("{code}")
    public TemplateInstance course(@PathParam("code") String code, @jakarta.ws.rs.QueryParam("notice") String notice) {
        return Templates.course(views.page(code, viewer.name()), notice, null, List.of(), null, null);
    }

    /** The course's audit trail, for its instructors and site staff; ?action= narrows it, ?before= pages it. */
    @GET
    @Path("{code}/audit")
    public TemplateInstance audit(@PathParam("code") String code, @jakarta.ws.rs.QueryParam("action") String action,
                                  @jakarta.ws.rs.QueryParam("before") String before) {
        return Templates.audit(views.audit(code, viewer.name(), action, before));
    }

    /** The initial passwords are shown once, on this answer only, with a CSV of them to download. */
    @POST
    @Path("{code}/roster")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importRoster(@PathParam("code") String code, @RestForm("file") FileUpload file) {
        try {
            RosterImport.Imported imported = roster.importRoster(code, viewer.name(), file == null ? null : file.uploadedFile());
            StringBuilder csv = new StringBuilder("username,initialPassword\n");
            imported.accounts().forEach(a -> csv.append(a.username()).append(',').append(a.initialPassword()).append('\n'));
            String href = "data:text/csv;charset=utf-8," + URLEncoder.encode(csv.toString(), StandardCharsets.UTF_8)
                    .replace("+", "%20");
            return Response.ok(Templates.course(views.page(code, viewer.name()), null, null, List.of(), imported,
                    href)).header("Cache-Control", "no-store").build();
        } catch (CourseRefused e) {
            return refused(code, e);
        }
    }

    @POST
    @Path("{code}/offers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response offer(@PathParam("code") String code, @RestForm("exercise") String exercise,
                          @RestForm("deadline") String deadline, @RestForm("lateUntil") String lateUntil,
                          @RestForm("latePenaltyPerDay") String penalty, @RestForm("maxAttempts") String attempts,
                          @RestForm("release") String release) {
        try {
            offers.put(code, exercise == null ? "" : exercise, viewer.name(),
                    new OfferSettings.OfferChange(deadline, lateUntil, penalty, attempts, release));
            return done(code, "The offer of " + exercise + " is saved.");
        } catch (CourseRefused e) {
            return refused(code, e);
        }
    }

    @POST
    @Path("{code}/extensions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response extend(@PathParam("code") String code, @RestForm("username") String username,
                           @RestForm("exercise") String exercise, @RestForm("deadline") String deadline,
                           @RestForm("lateUntil") String lateUntil) {
        try {
            offers.extend(code, viewer.name(), new OfferSettings.ExtensionChange(username, exercise, deadline, lateUntil));
            return done(code, "The extension for " + username + " is saved.");
        } catch (CourseRefused e) {
            return refused(code, e);
        }
    }

    @GET
    @Path("{code}/grades.csv")
    @Produces("text/csv")
    public Response grades(@PathParam("code") String code) {
        return Response.ok(gradeBook.csv(courses.requireStaff(code, viewer.name())))
                .header("Content-Disposition", "attachment; filename=\"" + code + "-grades.csv\"").build();
    }

    private Response done(String code, String notice) {
        return Response.seeOther(URI.create("/courses/" + code + "?notice="
                + URLEncoder.encode(notice, StandardCharsets.UTF_8).replace("+", "%20"))).build();
    }

    private Response refused(String code, CourseRefused e) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(Templates.course(
                views.page(code, viewer.name()), null, e.getMessage(), e.lines(), null, null)).build();
    }

    @ServerExceptionMapper
    public Response error(Exception e) {
        return errors.of(e);
    }
}
