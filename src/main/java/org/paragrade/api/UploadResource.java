package org.paragrade.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.paragrade.account.Role;
import org.paragrade.portal.PageShortcut;
import org.paragrade.submission.SolutionUpload;
import org.paragrade.submission.Submission;

/** Upload of a solution: stored and enqueued in one transaction, answered 202 only after commit. */
@Path("/api/exercises/{slug}/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Submissions")
@APIResponse(responseCode = "401", ref = ApiDocument.REF_401)
public class UploadResource {
    private final SecurityIdentity identity;
    private final SolutionUpload uploads;
    private final PageShortcut shortcut;

    public UploadResource(SecurityIdentity identity, SolutionUpload uploads, PageShortcut shortcut) {
        this.identity = identity;
        this.uploads = uploads;
        this.shortcut = shortcut;
    }

    /** The multipart body of an upload, as the document shows it. */
    @Schema(name = "SolutionUpload")
    public record SolutionFile(@Schema(required = true, type = SchemaType.STRING, format = "binary",
            description = "solution.py, or a .zip with solution.py at its top; at most 512 KB") String file,
            @Schema(description = "the course's code; needed only when several of your courses offer the "
                    + "exercise") String course) {
    }

    @POST
    @RolesAllowed({Role.STUDENT, Role.INSTRUCTOR})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Submit a solution", description = "Roles: student, instructor. The files and the "
            + "grading job are stored in one transaction; the answer comes after commit.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = SolutionFile.class)))
    @APIResponse(responseCode = "202", description = "Queued for grading.", headers = @Header(name = "Location",
            description = "the submission: /api/submissions/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmissionAccepted.class)))
    @APIResponse(responseCode = "400", description = "Not a usable solution: no file, wrong type, not UTF-8, an "
            + "unsafe zip, no solution.py; or several of your courses offer it and no course was named.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", ref = ApiDocument.REF_403)
    @APIResponse(responseCode = "404", ref = ApiDocument.REF_404)
    @APIResponse(responseCode = "409", description = "The deadline (and any late window) has passed, or every attempt is used.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "413", description = "Over 512 KB, or a zip that unpacks too large.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response upload(@PathParam("slug") String slug, @RestForm("file") FileUpload file,
                           @RestForm("course") String course, RoutingContext routing) {
        String student = identity.getPrincipal().getName();
        Submission s = uploads.upload(slug, student, course,
                file == null ? null : file.fileName(),
                file == null ? null : file.uploadedFile());
        shortcut.confine(routing, student); // committed: it changed the pages of the uploader's submissions only
        return Response.accepted(SubmissionAccepted.of(s)).header("Location", "/api/submissions/" + s.id).build();
    }
}
