package io.b2bportal.customers.web;

import io.b2bportal.customers.ApprovalLimit;
import io.b2bportal.customers.entity.ApprovalLimits;
import io.b2bportal.customers.entity.ApprovalLimits.MemberLimit;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The company administrator's approval limits per buyer (per order, per month); the same as
 * {@code /api/v1/company/approval-limits}. An order above a buyer's limit waits for an approver of the company.
 */
@Controller
class ApprovalLimitsPageController {

    private final CustomerAccess access;
    private final ApprovalLimits limits;

    ApprovalLimitsPageController(CustomerAccess access, ApprovalLimits limits) {
        this.access = access;
        this.limits = limits;
    }

    @GetMapping("/company/approval-limits")
    String page(@AuthenticationPrincipal PortalUser admin, Model model) {
        model.addAttribute("limits", limits.ofCompany(access.administeredCompany(admin)));
        return "customers/approval-limits";
    }

    @PostMapping("/company/approval-limits/{userId}")
    String set(@AuthenticationPrincipal PortalUser admin, @PathVariable long userId,
            @RequestParam(required = false) String perOrder, @RequestParam(required = false) String perMonth,
            RedirectAttributes redirect) {
        long company = access.administeredCompany(admin);
        try {
            limits.set(admin, company, userId, amount(perOrder), amount(perMonth));
            redirect.addFlashAttribute("saved", userId);
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e);
            redirect.addFlashAttribute("problemUser", userId);
        }
        return "redirect:/company/approval-limits";
    }

    /** A member and their limits; null amounts are "no limit". */
    record LimitView(long userId, String email, String displayName, List<String> roles, BigDecimal perOrder,
            BigDecimal perMonth, String currency) {

        static LimitView of(MemberLimit m) {
            ApprovalLimit limit = m.limit();
            return new LimitView(m.member().userId(), m.member().email(), m.member().displayName(), m.member().roles(),
                    limit.perOrder() == null ? null : limit.perOrder().rounded().amount(),
                    limit.perMonth() == null ? null : limit.perMonth().rounded().amount(),
                    limit.perOrder() != null ? limit.perOrder().currency().getCurrencyCode()
                            : limit.perMonth() != null ? limit.perMonth().currency().getCurrencyCode() : "RUB");
        }
    }

    /** An amount as typed on the page: digits, a decimal comma or point, spaces between thousands; blank for none. */
    static BigDecimal amount(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String plain = typed.replaceAll("[\\s\u00a0\u202f]", "").replace(',', '.');
        if (!plain.matches("^[0-9]{1,13}(\\.[0-9]{1,2})?$")) {
            throw DomainException.invalid("bad-approval-limit", "customers.approvalLimits.invalid", typed);
        }
        return new BigDecimal(plain);
    }
}
