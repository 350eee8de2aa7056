package io.b2bportal.customers.web;

import io.b2bportal.customers.agreement.Agreements;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buyer's supply contract of one legal entity: its status, the PDF, and the accept button, which only the
 * company administrator gets. Everyone who may see the entity sees the status and the history.
 */
@Controller
class AgreementPageController {

    private final Agreements agreements;
    private final CustomerAccess access;
    private final LegalEntities legalEntities;

    AgreementPageController(Agreements agreements, CustomerAccess access, LegalEntities legalEntities) {
        this.agreements = agreements;
        this.access = access;
        this.legalEntities = legalEntities;
    }

    @GetMapping("/company/entities/{id}/agreement")
    String agreement(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
        requireBuyerSees(user, id);
        model.addAttribute("entity", legalEntities.view(id).orElseThrow());
        model.addAttribute("agreement", agreements.status(id));
        model.addAttribute("history", agreements.history(id));
        model.addAttribute("canAccept", user.has(Role.CUSTOMER_ADMIN));
        return "customers/agreement";
    }

    @GetMapping("/company/entities/{id}/agreement.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version) {
        requireBuyerSees(user, id);
        return AgreementPdfResponse.of(agreements.pdf(id, version), id);
    }

    @PostMapping("/company/entities/{id}/agreement/accept")
    String accept(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestParam String pdfSha256,
            @RequestParam(defaultValue = "false") boolean consent, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        requireBuyerSees(user, id);
        if (!consent) {
            // the same checks as accepting, so the error is never shown to someone who could not accept anyway
            if (!user.has(Role.CUSTOMER_ADMIN)) {
                throw new DomainException(403, "forbidden", "customers.agreement.admin-only");
            }
            model.addAttribute("consentMissing", true);
            return agreement(user, id, model);
        }
        try {
            var acceptance = agreements.accept(user, id, pdfSha256, request.getRemoteAddr(),
                    request.getHeader("User-Agent"));
            redirect.addFlashAttribute("accepted", acceptance.templateVersion());
        } catch (DomainException e) {
            if (!"agreement-changed".equals(e.code())) {
                throw e;
            }
            redirect.addFlashAttribute("changed", true);
        }
        return "redirect:/company/entities/" + id + "/agreement";
    }

    private void requireBuyerSees(PortalUser user, long id) {
        if (user.isStaff()) {
            throw DomainException.notFound("legal-entity", id);
        }
        access.requireEntityVisible(user, id);
    }
}
