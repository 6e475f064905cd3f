package org.paragrade.api;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paragrade.curriculum.BundleRefused;
import org.paragrade.curriculum.UnknownExercise;
import org.paragrade.submission.SubmissionClosed;
import org.paragrade.submission.UnknownSubmission;
import org.paragrade.submission.UploadRefused;

/** Each domain exception mapped once to its status and message; anything else is ours: logged, generic 500. */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response unknownExercise(UnknownExercise e) {
        return ApiError.of(404, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unknownSubmission(UnknownSubmission e) {
        return ApiError.of(404, e.getMessage());
    }

    @ServerExceptionMapper
    public Response refused(UploadRefused e) {
        return ApiError.of(e.tooLarge() ? 413 : 400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response closed(SubmissionClosed e) {
        return ApiError.of(409, e.getMessage());
    }

    @ServerExceptionMapper
    public Response bundle(BundleRefused e) {
        return ApiError.of(400, "The bundle is not valid: " + e.getMessage(), e.reasons());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ApiError.of(403, "Your role may not do this.");
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Response.status(401).header("WWW-Authenticate", "Basic realm=\"Paragrade\"")
                .type("application/json").entity(java.util.Map.of("error", "Log in first.")).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ApiError.of(404, "Not found.");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return ApiError.of(status, "Something went wrong on our side; it has been logged.");
        }
        return ApiError.of(status, e.getMessage() == null ? "Request refused." : e.getMessage());
    }

    @ServerExceptionMapper
    public Response ours(Exception e) {
        LOG.error("Unexpected error", e);
        return ApiError.of(500, "Something went wrong on our side; it has been logged.");
    }
}
