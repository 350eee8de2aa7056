package io.b2bportal.customers.web;

import io.b2bportal.customers.entity.ApprovalLimits;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.customers.web.ApprovalLimitsPageController.LimitView;
import io.b2bportal.platform.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/company/approval-limits}: the company administrator's approval limits per buyer. */
@RestController
@Tag(name = "Company", description = "The caller's company, its users and their approval limits")
class ApprovalLimitsApiController {

    private final CustomerAccess access;
    private final ApprovalLimits limits;

    ApprovalLimitsApiController(CustomerAccess access, ApprovalLimits limits) {
        this.access = access;
        this.limits = limits;
    }

    record LimitRequest(BigDecimal perOrder, BigDecimal perMonth) {
    }

    @GetMapping("/api/v1/company/approval-limits")
    @Operation(summary = "Every user of the caller's company with their approval limits per order and per month "
            + "(gross; null: no limit). Company administrators only")
    List<LimitView> list(@AuthenticationPrincipal PortalUser admin) {
        return limits.ofCompany(access.administeredCompany(admin)).stream().map(LimitView::of).toList();
    }

    @PutMapping("/api/v1/company/approval-limits/{userId}")
    @Operation(summary = "Set a user's approval limits: orders above perOrder, or taking the month's total above "
            + "perMonth, wait for an approver. Null removes that limit. Company administrators only")
    LimitView put(@AuthenticationPrincipal PortalUser admin, @PathVariable long userId,
            @RequestBody LimitRequest request) {
        long company = access.administeredCompany(admin);
        limits.set(admin, company, userId, request.perOrder(), request.perMonth());
        return limits.ofCompany(company).stream().filter(m -> m.member().userId() == userId).map(LimitView::of)
                .findFirst().orElseThrow();
    }

}
