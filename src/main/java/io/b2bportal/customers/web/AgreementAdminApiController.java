package io.b2bportal.customers.web;

import io.b2bportal.customers.agreement.AcceptanceChain.Verification;
import io.b2bportal.customers.agreement.AcceptanceLog;
import io.b2bportal.customers.agreement.AcceptanceLog.Acceptance;
import io.b2bportal.customers.agreement.AgreementDocuments.AgreementDocument;
import io.b2bportal.customers.agreement.AgreementTemplates;
import io.b2bportal.customers.agreement.AgreementTemplates.AgreementTemplate;
import io.b2bportal.customers.agreement.AgreementTemplates.TemplateRow;
import io.b2bportal.customers.agreement.Agreements;
import io.b2bportal.customers.agreement.Agreements.AgreementStatus;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supply agreement in the back office's API: a customer's contract and acceptance history (staff who see the
 * customer), the versions, publishing one and checking the acceptance log (administrators).
 */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Admin: supply agreement", description = "Agreement versions, acceptances and the acceptance log")
class AgreementAdminApiController {

    private final Agreements agreements;
    private final AgreementTemplates templates;
    private final AcceptanceLog acceptances;
    private final CustomerAccess access;

    AgreementAdminApiController(Agreements agreements, AgreementTemplates templates, AcceptanceLog acceptances,
            CustomerAccess access) {
        this.agreements = agreements;
        this.templates = templates;
        this.acceptances = acceptances;
        this.access = access;
    }

    /** A legal entity's contract: where it stands, every rendered version and every acceptance, newest first. */
    record EntityAgreement(AgreementStatus status, List<AgreementDocument> documents, List<Acceptance> acceptances) {
    }

    @GetMapping("/customers/legal-entities/{id}/agreement")
    @Operation(summary = "A legal entity's supply contract: status, rendered versions, acceptance history")
    EntityAgreement entity(@AuthenticationPrincipal PortalUser staff, @PathVariable long id) {
        access.requireEntityVisible(staff, id);
        return new EntityAgreement(agreements.status(id), agreements.documents(id), agreements.history(id));
    }

    @GetMapping("/customers/legal-entities/{id}/agreement/pdf")
    @Operation(summary = "A legal entity's contract PDF: the current version, or an earlier one it has")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @RequestParam(required = false) Integer version) {
        access.requireEntityVisible(staff, id);
        return AgreementPdfResponse.of(agreements.pdf(id, version), id);
    }

    @GetMapping("/agreements")
    @Operation(summary = "Agreement versions, newest (current) first, with their acceptances (administrators)")
    List<TemplateRow> versions(@AuthenticationPrincipal PortalUser staff) {
        agreements.requireTemplateAdmin(staff);
        return templates.list();
    }

    @GetMapping("/agreements/{version}")
    @Operation(summary = "One agreement version with its XHTML body (administrators)")
    AgreementTemplate version(@AuthenticationPrincipal PortalUser staff, @PathVariable int version) {
        agreements.requireTemplateAdmin(staff);
        return templates.find(version).orElseThrow(() -> DomainException.notFound("agreement-version", version));
    }

    @PostMapping("/agreements")
    @Operation(summary = "Publish a new agreement version (administrators): every legal entity has to accept it")
    ResponseEntity<AgreementTemplate> publish(@AuthenticationPrincipal PortalUser staff,
            @Valid @RequestBody AgreementTemplateForm form) throws BindException {
        agreements.requireTemplateAdmin(staff);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        form.validate(errors);
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        int version = agreements.publish(staff, form.title().strip(), form.body());
        return ResponseEntity.created(URI.create("/api/v1/admin/agreements/" + version))
                .body(templates.find(version).orElseThrow());
    }

    @GetMapping("/agreements/verification")
    @Operation(summary = "Re-hash the whole acceptance log: intact, or the first entry that does not fit "
            + "(administrators)")
    Verification verification(@AuthenticationPrincipal PortalUser staff) {
        agreements.requireTemplateAdmin(staff);
        return acceptances.verify();
    }
}
