package org.paragrade.api;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paragrade.account.PasswordRefused;
import org.paragrade.authoring.BundleFailedValidation;
import org.paragrade.authoring.BundleTooLarge;
import org.paragrade.authoring.ExerciseExists;
import org.paragrade.authoring.UnknownValidation;
import org.paragrade.curriculum.BundleRefused;
import org.paragrade.curriculum.SettingsRefused;
import org.paragrade.course.CourseRefused;
import org.paragrade.course.NotCourseStaff;
import org.paragrade.course.UnknownCourse;
import org.paragrade.curriculum.UnknownExercise;
import org.paragrade.review.ReviewRefused;
import org.paragrade.similarity.SimilarityRefused;
import org.paragrade.similarity.UnknownPair;
import org.paragrade.submission.NoRegradeBatch;
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
    public Response noRegradeBatch(NoRegradeBatch e) {
        return ApiError.of(404, e.getMessage());
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
    public Response failedValidation(BundleFailedValidation e) {
        return ApiError.of(400, new ApiError(e.getMessage(), e.problems(), e.report()));
    }

    @ServerExceptionMapper
    public Response unknownValidation(UnknownValidation e) {
        return ApiError.of(404, e.getMessage());
    }

    @ServerExceptionMapper
    public Response bundleTooLarge(BundleTooLarge e) {
        return ApiError.of(413, e.getMessage());
    }

    @ServerExceptionMapper
    public Response exists(ExerciseExists e) {
        return ApiError.of(409, e.getMessage());
    }

    @ServerExceptionMapper
    public Response settings(SettingsRefused e) {
        return ApiError.of(400, e.getMessage(), e.problems());
    }

    @ServerExceptionMapper
    public Response unknownCourse(UnknownCourse e) {
        return ApiError.of(404, e.getMessage());
    }

    @ServerExceptionMapper
    public Response courseRefused(CourseRefused e) {
        List<ApiError.LineError> lines = e.lines().isEmpty() ? null
                : e.lines().stream().map(l -> new ApiError.LineError(l.line(), l.error())).toList();
        return ApiError.of(400, new ApiError(e.getMessage(), null, null, lines));
    }

    @ServerExceptionMapper
    public Response auditRefused(org.paragrade.audit.AuditRefused e) {
        return ApiError.of(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notCourseStaff(NotCourseStaff e) {
        return ApiError.of(403, e.getMessage());
    }

    @ServerExceptionMapper
    public Response review(ReviewRefused e) {
        return ApiError.of(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response similarity(SimilarityRefused e) {
        return ApiError.of(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unknownPair(UnknownPair e) {
        return ApiError.of(404, e.getMessage());
    }

    @ServerExceptionMapper
    public Response password(PasswordRefused e) {
        return ApiError.of(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ApiError.of(403, "Your role may not do this.");
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Response.status(401).header("WWW-Authenticate", "Basic realm=\"Paragrade\"")
                .type("application/json").entity(new ApiError("Log in first.", null, null)).build();
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
