package org.paragrade.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The one shape of every API error: {@code {"error": "..."}} (plus {@code reasons} for bundles). */
public final class ApiError {
    private ApiError() {
    }

    public static Response of(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }

    public static Response of(int status, String message, List<String> reasons) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message, "reasons", reasons)).build();
    }
}
