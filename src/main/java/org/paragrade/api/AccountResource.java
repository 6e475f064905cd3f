package org.paragrade.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.paragrade.account.PasswordRefused;
import org.paragrade.account.Passwords;

@Path("/api/account")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Account")
@APIResponse(responseCode = "401", ref = ApiDocument.REF_401)
public class AccountResource {
    private final SecurityIdentity identity;
    private final Passwords passwords;

    public AccountResource(SecurityIdentity identity, Passwords passwords) {
        this.identity = identity;
        this.passwords = passwords;
    }

    @Schema(name = "PasswordChange")
    public record PasswordChange(
            @Schema(required = true, description = "the password in use now (an initial one too)") String current,
            @JsonProperty("new") @Schema(name = "new", required = true, minLength = Passwords.MINIMUM_LENGTH,
                    description = "at least 10 characters, not containing the user name") String next) {
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change your own password", description = "Roles: any; also the one call an account "
            + "still on its initial password may make.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PasswordChange.class)))
    @APIResponse(responseCode = "204", description = "Changed; the old password no longer works.")
    @APIResponse(responseCode = "400", description = "The current password is wrong, or the new one is too weak.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response change(PasswordChange body) {
        if (body == null) {
            throw new PasswordRefused("Send {\"current\": \"...\", \"new\": \"...\"}.");
        }
        passwords.change(identity.getPrincipal().getName(), body.current(), body.next());
        return Response.noContent().build();
    }
}
