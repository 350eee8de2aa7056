package io.b2bportal.payments.credit.web;

import io.b2bportal.payments.credit.CreditControl;
import io.b2bportal.payments.credit.CreditControl.HoldView;
import io.b2bportal.payments.credit.FinanceStaff;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/finance/credit-holds}: who is on hold and why, the release form, and the holds that ended. */
@Controller
class CreditHoldPageController {

    private final CreditControl control;
    private final FinanceStaff staff;

    CreditHoldPageController(CreditControl control, FinanceStaff staff) {
        this.control = control;
        this.staff = staff;
    }

    @GetMapping("/admin/finance/credit-holds")
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        Long manager = staff.requireReader(user);
        model.addAttribute("holds", control.active(manager));
        model.addAttribute("history", control.history(manager, 50));
        model.addAttribute("today", BusinessDate.today());
        model.addAttribute("holdAfterDays", control.holdAfterDays());
        model.addAttribute("mayRelease", staff.mayRelease(user));
        return "payments/credit-holds";
    }

    @PostMapping("/admin/finance/credit-holds/{legalEntityId}/release")
    String release(@AuthenticationPrincipal PortalUser user, @PathVariable long legalEntityId,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String until,
            HttpServletRequest request, RedirectAttributes redirect) {
        staff.requireReleaser(user);
        HoldView hold = control.activeOf(legalEntityId).orElse(null);
        if (hold != null) {
            staff.requireSees(user, hold.companyId());
        }
        try {
            control.release(legalEntityId, user.id(), reason, CreditHoldApiController.day(until),
                    request.getRemoteAddr());
            redirect.addFlashAttribute("released", hold == null ? "" : hold.legalEntityName());
        } catch (DomainException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.arguments());
            redirect.addFlashAttribute("errorEntity", legalEntityId);
            redirect.addFlashAttribute("reason", reason);
        }
        return "redirect:/admin/finance/credit-holds";
    }
}

/** {@code /api/v1/admin/credit-holds}: the same over the API. */
@RestController
@Tag(name = "Credit holds", description = "Legal entities on credit hold for overdue invoices; release (seller "
        + "accountants and administrators)")
class CreditHoldApiController {

    private final CreditControl control;
    private final FinanceStaff staff;

    CreditHoldApiController(CreditControl control, FinanceStaff staff) {
        this.control = control;
        this.staff = staff;
    }

    record Holds(int holdAfterDays, List<HoldView> active, List<HoldView> history) {
    }

    record Release(String reason, String until) {
    }

    @GetMapping("/api/v1/admin/credit-holds")
    @Operation(summary = "Holds in force (oldest debt first) and the last 50 that ended; an account manager sees "
            + "their own clients'")
    Holds list(@AuthenticationPrincipal PortalUser user) {
        Long manager = staff.requireReader(user);
        return new Holds(control.holdAfterDays(), control.active(manager), control.history(manager, 50));
    }

    @PostMapping("/api/v1/admin/credit-holds/{legalEntityId}/release")
    @Operation(summary = "Release the legal entity's hold with a reason (required) and an optional until date "
            + "(yyyy-MM-dd): until then the same overdue invoices do not hold it again. Audited")
    HoldView release(@AuthenticationPrincipal PortalUser user, @PathVariable long legalEntityId,
            @RequestBody(required = false) Release body, HttpServletRequest request) {
        staff.requireReleaser(user);
        HoldView hold = control.activeOf(legalEntityId)
                .orElseThrow(() -> DomainException.conflict("not-on-hold", "finance.hold.release.not-on-hold"));
        staff.requireSees(user, hold.companyId());
        control.release(legalEntityId, user.id(), body == null ? null : body.reason(),
                day(body == null ? null : body.until()), request.getRemoteAddr());
        return control.history(null, 50).stream().filter(h -> h.id() == hold.id()).findFirst().orElse(hold);
    }

    /** A day as yyyy-MM-dd, or null when blank; anything else is a 400 with the reason. */
    static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException(400, "bad-date", "finance.bad-date", text.strip());
        }
    }
}
