package org.paragrade.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.paragrade.grading.ValidationReport;

/** The one shape of every API error: {@code {"error": "..."}}, plus the reasons (and report) for bundles and settings. */
@Schema(name = "ApiError", description = "Every error answer: a message a student or instructor can act on.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(
        @Schema(required = true, description = "What went wrong, in plain words.") String error,
        @Schema(description = "Every problem found, when there are several (bundles, settings).") List<String> reasons,
        @Schema(description = "The validation report of a bundle that did not pass.") ValidationReport validation,
        @Schema(description = "Every line of a roster that needs fixing, by line number.") List<LineError> lines) {

    public ApiError(String error, List<String> reasons, ValidationReport validation) {
        this(error, reasons, validation, null);
    }

    /** One line of an upload that needs fixing (line 0: the file as a whole). */
    @Schema(name = "LineError")
    public record LineError(@Schema(required = true) int line, @Schema(required = true) String error) {
    }

    public static Response of(int status, String message) {
        return of(status, new ApiError(message, null, null));
    }

    public static Response of(int status, String message, List<String> reasons) {
        return of(status, new ApiError(message, reasons, null));
    }

    public static Response of(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
