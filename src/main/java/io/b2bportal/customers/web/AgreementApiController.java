package io.b2bportal.customers.web;

import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.customers.agreement.AcceptanceLog.Acceptance;
import io.b2bportal.customers.agreement.Agreements;
import io.b2bportal.customers.agreement.Agreements.AgreementStatus;
import io.b2bportal.platform.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The acting legal entity's supply contract over the API: where it stands, the PDF, accepting it. */
@RestController
@Tag(name = "Supply agreement", description = "The supply contract of the acting legal entity (X-Legal-Entity)")
class AgreementApiController {

    private final Agreements agreements;
    private final LegalEntityContext context;

    AgreementApiController(Agreements agreements, LegalEntityContext context) {
        this.agreements = agreements;
        this.context = context;
    }

    @GetMapping("/api/v1/agreement")
    @Operation(summary = "Where the acting legal entity stands with the current contract version: its PDF's SHA-256 "
            + "and its acceptance, if any")
    AgreementStatus status() {
        return agreements.status(context.require().id());
    }

    @GetMapping("/api/v1/agreement/pdf")
    @Operation(summary = "The contract PDF of the acting legal entity: the current version, or an earlier one it has")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) Integer version) {
        long entity = context.require().id();
        return AgreementPdfResponse.of(agreements.pdf(entity, version), entity);
    }

    /** The SHA-256 of the PDF the caller read: a contract that changed since is not accepted blindly. */
    record AcceptRequest(@NotNull @Pattern(regexp = "^[0-9a-f]{64}$") String pdfSha256) {
    }

    @PostMapping("/api/v1/agreement/accept")
    @Operation(summary = "Accept the current contract of the acting legal entity (company administrators). Name the "
            + "SHA-256 of the PDF you read; 409 if the contract has changed. Accepting again returns the first "
            + "acceptance.")
    Acceptance accept(@AuthenticationPrincipal PortalUser user, @Valid @RequestBody AcceptRequest body,
            HttpServletRequest request) {
        return agreements.accept(user, context.require().id(), body.pdfSha256(), request.getRemoteAddr(),
                request.getHeader("User-Agent"));
    }
}
