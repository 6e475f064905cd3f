package org.paragrade.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.paragrade.account.Role;
import org.paragrade.curriculum.CurriculumService;
import org.paragrade.submission.Submission;
import org.paragrade.submission.SubmissionService;
import org.paragrade.submission.UploadRefused;
import org.paragrade.submission.UploadValidator;

/** Upload of a solution: stored and enqueued in one transaction, answered 202 only after commit. */
@Path("/api/exercises/{slug}/submissions")
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {
    private final SecurityIdentity identity;
    private final SubmissionService submissions;
    private final CurriculumService curriculum;

    public UploadResource(SecurityIdentity identity, SubmissionService submissions, CurriculumService curriculum) {
        this.identity = identity;
        this.submissions = submissions;
        this.curriculum = curriculum;
    }

    @POST
    @RolesAllowed({Role.STUDENT, Role.INSTRUCTOR})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("slug") String slug, @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            curriculum.require(slug);
            throw new UploadRefused("Send your solution in the multipart field 'file' (a .py file or a .zip).", false);
        }
        byte[] bytes;
        try {
            if (Files.size(file.uploadedFile()) > UploadValidator.MAX_UPLOAD_BYTES) {
                throw new UploadRefused("The file is larger than " + UploadValidator.MAX_UPLOAD_BYTES / 1024
                        + " KB; upload only your solution's source.", true);
            }
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UploadRefused("The upload could not be read; try again.", false);
        }
        Submission s = submissions.upload(slug, identity.getPrincipal().getName(), file.fileName(), bytes);
        return Response.accepted(Map.of("id", s.id, "status", s.status))
                .header("Location", "/api/submissions/" + s.id).build();
    }

}
