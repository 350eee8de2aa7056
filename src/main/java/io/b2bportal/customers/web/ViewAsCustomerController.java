package io.b2bportal.customers.web;

import io.b2bportal.customers.entity.Companies;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.platform.AuditLog;
import io.b2bportal.platform.CustomerView;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "View as customer": a staff member who may see a customer opens the portal as that customer sees it, for one of
 * its legal entities, read-only. Starting, every page and stopping are written to the audit log.
 */
@Controller
class ViewAsCustomerController {

    private final CustomerAccess access;
    private final Companies companies;
    private final LegalEntities legalEntities;
    private final AuditLog audit;

    ViewAsCustomerController(CustomerAccess access, Companies companies, LegalEntities legalEntities,
            AuditLog audit) {
        this.access = access;
        this.companies = companies;
        this.legalEntities = legalEntities;
        this.audit = audit;
    }

    @PostMapping("/admin/customers/{id}/view-as")
    String start(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @RequestParam(required = false) Long legalEntityId, HttpServletRequest request) {
        access.requireCompanyVisible(staff, id);
        var entities = legalEntities.ofCompany(id);
        // without a choice: the oldest approved entity, as a buyer of a long-standing customer would see it
        var entity = entities.stream()
                .filter(e -> legalEntityId == null || e.id() == legalEntityId)
                .min(java.util.Comparator.comparing((LegalEntities.LegalEntityView e) -> !"APPROVED".equals(e.status()))
                        .thenComparingLong(LegalEntities.LegalEntityView::id))
                .orElseThrow(() -> DomainException.notFound("legal-entity", legalEntityId == null ? "any" : legalEntityId));
        String company = companies.view(id).orElseThrow().name();
        CustomerView.start(request, new CustomerView.State(id, entity.id(), company + " / " + entity.name()));
        audit.record(staff.id(), "customers.view-as.start", id, entity.name(), request.getRemoteAddr());
        return "redirect:/company";
    }

    @PostMapping("/view-as/stop")
    String stop(@AuthenticationPrincipal PortalUser user, HttpServletRequest request) {
        var state = CustomerView.of(request);
        CustomerView.stop(request);
        if (state.isPresent() && user.isStaff()) {
            audit.record(user.id(), "customers.view-as.stop", state.get().companyId(), null, request.getRemoteAddr());
            return "redirect:/admin/customers/" + state.get().companyId();
        }
        return user.isStaff() ? "redirect:/admin" : "redirect:/";
    }
}
