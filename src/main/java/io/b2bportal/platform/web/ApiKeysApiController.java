package io.b2bportal.platform.web;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.security.ApiKeys;
import io.b2bportal.platform.security.ApiKeys.ApiKeyView;
import io.b2bportal.platform.security.ApiKeys.IssuedApiKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "Account", description = "Who the caller is")
class ApiKeysApiController {

    private final ApiKeys apiKeys;

    ApiKeysApiController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    record CreateApiKey(@NotBlank @Size(max = 100) String name) {
    }

    @PostMapping
    @Operation(summary = "Create an API key for the caller; the token is in this response only")
    ResponseEntity<IssuedApiKey> create(@AuthenticationPrincipal PortalUser user,
            @Valid @RequestBody CreateApiKey request) {
        IssuedApiKey issued = apiKeys.issue(user.id(), request.name());
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + issued.key().id())).body(issued);
    }

    @GetMapping
    @Operation(summary = "The caller's API keys, active first (tokens are never shown again)")
    List<ApiKeyView> list(@AuthenticationPrincipal PortalUser user) {
        return apiKeys.list(user.id());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of the caller's API keys; it stops working at once")
    ApiKeyView revoke(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        return apiKeys.revoke(user.id(), id);
    }
}
