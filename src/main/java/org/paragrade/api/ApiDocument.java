package org.paragrade.api;

import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The OpenAPI document's frame (served at {@code /q/openapi}): title and the error answers the
 * operations share, each an {@link ApiError}. The HTTP Basic scheme and each operation's security
 * requirement (its roles, from {@code @RolesAllowed}) are added by the extension (application.properties);
 * the roles are also named in each operation's description. (An {@code Application} with no
 * classes of its own, so every resource is still found: it is where the extension reads the frame.)
 */
@OpenAPIDefinition(
        info = @Info(title = "Paragrade API", version = "1", description = "Automated grading for a course on "
                + "concurrency in Python. JSON over HTTP Basic; every error is {\"error\": \"...\"}."),
        components = @Components(
                responses = {
                        @APIResponse(name = ApiDocument.UNAUTHORIZED, description = "Not logged in (HTTP Basic).",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(implementation = ApiError.class))),
                        @APIResponse(name = ApiDocument.FORBIDDEN, description = "Your role may not do this.",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(implementation = ApiError.class))),
                        @APIResponse(name = ApiDocument.NOT_FOUND, description = "No such thing, or not yours "
                                + "to see.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = ApiError.class))),
                        @APIResponse(name = ApiDocument.BAD_REQUEST, description = "The request cannot be used; "
                                + "the message says why.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = ApiError.class)))}))
public class ApiDocument extends Application {
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String BAD_REQUEST = "BadRequest";

    static final String REF_401 = "#/components/responses/" + UNAUTHORIZED;
    static final String REF_403 = "#/components/responses/" + FORBIDDEN;
    static final String REF_404 = "#/components/responses/" + NOT_FOUND;
    static final String REF_400 = "#/components/responses/" + BAD_REQUEST;
}
