package org.paragrade.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.logging.Logger;
import org.paragrade.course.NotCourseStaff;
import org.paragrade.course.UnknownCourse;
import org.paragrade.curriculum.UnknownExercise;
import org.paragrade.authoring.UnknownValidation;
import org.paragrade.audit.AuditRefused;
import org.paragrade.submission.NoRegradeBatch;
import org.paragrade.submission.SubmissionClosed;
import org.paragrade.submission.UnknownSubmission;

/**
 * The friendly error pages. Every portal resource has one class-local exception mapper that
 * calls {@link #of(Throwable)}; errors we caused are logged and shown as a generic 500 page.
 */
@ApplicationScoped
public class ErrorPages {
    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String heading, String explanation);
    }

    public Response of(Throwable e) {
        if (e instanceof PageNotFound || e instanceof UnknownExercise || e instanceof UnknownValidation
                || e instanceof UnknownSubmission
                || e instanceof UnknownCourse || e instanceof NotFoundException) {
            return notFound();
        }
        if (e instanceof PageForbidden || e instanceof ForbiddenException || e instanceof NotCourseStaff) {
            return forbidden();
        }
        if (e instanceof NoRegradeBatch n) {
            return page(404, "No regrade-all yet", n.getMessage());
        }
        if (e instanceof SubmissionClosed c) {
            return page(409, "That cannot be done now", c.getMessage());
        }
        if (e instanceof AuditRefused a) {
            return page(400, "The filter was not understood", a.getMessage());
        }
        if (e instanceof UnauthorizedException) {
            return Response.seeOther(URI.create("/login")).build();
        }
        if (e instanceof NotAllowedException) {
            return page(405, "That is not how this page is used",
                    "This address does not accept that kind of request. Go back and use the page's own buttons.");
        }
        if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            int status = w.getResponse().getStatus();
            return page(status, "The request was not understood",
                    "Something in the request was not right (HTTP " + status + "). Go back and try again.");
        }
        LOG.error("Portal page failed", e);
        return page(500, "Something went wrong on our side",
                "The error has been logged. Your work is safe: try again in a moment, and tell the course staff "
                        + "if it keeps happening.");
    }

    public Response notFound() {
        return page(404, "Page not found",
                "There is nothing here, or it is not yours to see. Check the address, or start again from your home page.");
    }

    public Response forbidden() {
        return page(403, "Not for your role",
                "This page belongs to another role of the course. Your own pages are linked at the top.");
    }

    public Response csrfRefused() {
        return page(403, "The form had expired",
                "The form was sent without its security token, or from another site. Reload the page and send it again.");
    }

    private Response page(int status, String heading, String explanation) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, heading, explanation)).build();
    }
}
