package io.b2bportal.crm.onbehalf;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of ordering on a client's behalf: the confirmation (which legal entity, Start), starting (the client
 * card's button posts {@code legalEntityId} here), stopping (the banner's button) and what was done on the client's
 * behalf (a page, or its table alone for htmx, e.g. on the client card).
 */
@Controller
class OnBehalfPageController {

    private final OnBehalf onBehalf;

    OnBehalfPageController(OnBehalf onBehalf) {
        this.onBehalf = onBehalf;
    }

    @GetMapping("/admin/crm/clients/{companyId}/on-behalf")
    String confirm(@AuthenticationPrincipal PortalUser staff, @PathVariable long companyId, Model model) {
        fill(staff, companyId, null, model);
        return "crm/onbehalf/confirm";
    }

    @PostMapping("/admin/crm/clients/{companyId}/on-behalf")
    String start(@AuthenticationPrincipal PortalUser staff, @PathVariable long companyId,
            @RequestParam(required = false) Long legalEntityId, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            onBehalf.start(staff, companyId, legalEntityId, request);
        } catch (DomainException e) {
            if (e.status() == 404 || e.status() == 403) {
                throw e;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            fill(staff, companyId, e, model);
            return "crm/onbehalf/confirm";
        }
        return "redirect:/catalog";
    }

    @PostMapping("/admin/crm/on-behalf/stop")
    String stop(@AuthenticationPrincipal PortalUser staff, HttpServletRequest request) {
        return onBehalf.stop(staff, request).map(company -> "redirect:/admin/crm/clients/" + company)
                .orElse("redirect:/admin/crm");
    }

    @GetMapping("/admin/crm/clients/{companyId}/on-behalf/audit")
    String audit(@AuthenticationPrincipal PortalUser staff, @PathVariable long companyId,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("entries", onBehalf.audit(staff, companyId));
        if (htmx != null) {
            return "crm/onbehalf/audit :: entries";
        }
        model.addAttribute("client", onBehalf.client(staff, companyId));
        return "crm/onbehalf/audit";
    }

    private void fill(PortalUser staff, long companyId, DomainException error, Model model) {
        model.addAttribute("client", onBehalf.requireManaged(staff, companyId));
        model.addAttribute("error", error);
        model.addAttribute("entries", onBehalf.audit(staff, companyId).stream().limit(10).toList());
    }
}
