package io.b2bportal.crm.satisfaction.web;

import io.b2bportal.crm.CrmAccess;
import io.b2bportal.crm.satisfaction.SatisfactionQueries;
import io.b2bportal.platform.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A client's satisfaction for the CRM: an HTML fragment the client card loads ({@code hx-get} on load) and the same
 * figures over the API. Only for those who see the client (404 otherwise).
 */
@Controller
class SatisfactionAdminController {

    private final SatisfactionQueries queries;
    private final CrmAccess access;

    SatisfactionAdminController(SatisfactionQueries queries, CrmAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/admin/crm/clients/{companyId}/satisfaction")
    String fragment(@AuthenticationPrincipal PortalUser staff, @PathVariable long companyId, Model model) {
        access.requireClient(staff, companyId);
        model.addAttribute("s", queries.of(companyId));
        return "crm/satisfaction :: card";
    }
}

/** The same figures over the API. */
@org.springframework.web.bind.annotation.RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "CRM satisfaction", description = "Customers' ratings and NPS per client")
class SatisfactionApiController {

    private final SatisfactionQueries queries;
    private final CrmAccess access;

    SatisfactionApiController(SatisfactionQueries queries, CrmAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/api/v1/admin/crm/satisfaction")
    @Operation(summary = "A client's satisfaction: average delivery and claim ratings, NPS, latest answers and comments")
    SatisfactionQueries.Summary api(@AuthenticationPrincipal PortalUser staff, @RequestParam long companyId) {
        access.requireClient(staff, companyId);
        return queries.of(companyId);
    }
}
