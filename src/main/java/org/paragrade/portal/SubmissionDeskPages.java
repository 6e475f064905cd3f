package org.paragrade.portal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paragrade.review.ReviewDesk;
import org.paragrade.review.ReviewRefused;
import org.paragrade.review.SubmittedFiles;

/**
 * The desk's part of a submission's pages: the student's review request form and the files' download
 * ({@code /submissions/{id}/files.zip}, the portal's twin of {@code /api/submissions/{id}/files}). Same class
 * path as {@link ReportResource}, so the two share one route prefix; other people's submissions are 404.
 */
@Path("/submissions")
@CsrfProtected
public class SubmissionDeskPages {
    private final Viewer viewer;
    private final ReviewDesk desk;
    private final ReportResource.Reports reports;
    private final ErrorPages errors;

    public SubmissionDeskPages(Viewer viewer, ReviewDesk desk, ReportResource.Reports reports, ErrorPages errors) {
        this.viewer = viewer;
        this.desk = desk;
        this.reports = reports;
        this.errors = errors;
    }

    @POST
    @Path("{id}/review-request")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response ask(@PathParam("id") long id, @RestForm("message") String message) {
        try {
            desk.ask(id, message, ReviewPages.who(viewer));
        } catch (ReviewRefused e) {
            ReviewSection section = ReviewSection.refused(desk, id, viewer, e.getMessage(), message);
            ReportResource.Reports.Shown shown = reports.view(id, viewer).view();
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE).entity(ReportResource.Templates.report(
                    shown.report(), shown.staff(), null, null, "", "", section)).build();
        }
        return Response.seeOther(URI.create("/submissions/" + id + "?done=review-request")).build();
    }

    @GET
    @Path("{id}/files.zip")
    @Produces("application/zip")
    public Response files(@PathParam("id") long id) {
        SubmittedFiles files = desk.files(id, ReviewPages.who(viewer));
        return Response.ok(files.zip(), "application/zip")
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", "attachment; filename=\"" + files.filename() + "\"").build();
    }

    @ServerExceptionMapper
    public Response error(Exception e) {
        return errors.of(e);
    }

}
