package io.b2bportal.payments.reports.web;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.payments.credit.FinanceStaff;
import io.b2bportal.payments.reports.AgingBucket;
import io.b2bportal.payments.reports.Statements;
import io.b2bportal.payments.reports.Statements.Account;
import io.b2bportal.payments.reports.Statements.Statement;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account with the seller: {@code /finance} for the buyer's acting legal entity, and
 * {@code /admin/finance/customers/{companyId}} for staff (one legal entity of the customer at a time).
 */
@Controller
class StatementPageController {

    static final int DEFAULT_DAYS = 90;

    private final Statements statements;
    private final LegalEntityContext context;
    private final CustomersApi customers;
    private final FinanceStaff staff;

    StatementPageController(Statements statements, LegalEntityContext context, CustomersApi customers,
            FinanceStaff staff) {
        this.statements = statements;
        this.context = context;
        this.customers = customers;
        this.staff = staff;
    }

    @GetMapping("/finance")
    String buyer(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Model model) {
        LegalEntityRef entity = context.require();
        fill(model, entity.id(), Period.of(from, to, DEFAULT_DAYS));
        return "payments/finance";
    }

    @GetMapping("/admin/finance/customers/{companyId}")
    String staff(@AuthenticationPrincipal PortalUser user, @PathVariable long companyId,
            @RequestParam(required = false) Long legalEntityId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        staff.requireSees(user, companyId);
        List<LegalEntityRef> entities = customers.legalEntitiesOf(companyId);
        if (entities.isEmpty()) {
            throw DomainException.notFound("company", companyId);
        }
        LegalEntityRef entity = legalEntityId == null ? entities.getFirst() : entities.stream()
                .filter(e -> e.id() == legalEntityId).findFirst()
                .orElseThrow(() -> DomainException.notFound("legal entity", legalEntityId));
        model.addAttribute("entities", entities);
        model.addAttribute("companyId", companyId);
        fill(model, entity.id(), Period.of(from, to, DEFAULT_DAYS));
        return "payments/finance";
    }

    private void fill(Model model, long legalEntityId, Period period) {
        Account account = statements.account(legalEntityId);
        model.addAttribute("account", account);
        model.addAttribute("buckets", AgingBucket.values());
        model.addAttribute("period", period);
        model.addAttribute("statement", statements.statement(legalEntityId, period.from(), period.to()));
    }
}

/** {@code /api/v1/statement} (the acting legal entity) and {@code /api/v1/admin/statement} (staff). */
@RestController
@Tag(name = "Statement", description = "A legal entity's balance, open invoices, aging and statement of account")
class StatementApiController {

    private final Statements statements;
    private final LegalEntityContext context;
    private final CustomersApi customers;
    private final FinanceStaff staff;

    StatementApiController(Statements statements, LegalEntityContext context, CustomersApi customers,
            FinanceStaff staff) {
        this.statements = statements;
        this.context = context;
        this.customers = customers;
        this.staff = staff;
    }

    record AccountStatement(Account account, Statement statement) {
    }

    @GetMapping("/api/v1/statement")
    @Operation(summary = "The acting legal entity's account (balance, credit limit and exposure, hold, open invoices, "
            + "aging) and its statement from..to (yyyy-MM-dd, both included; default the last 90 days)")
    AccountStatement buyer(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Period period = Period.of(from, to, StatementPageController.DEFAULT_DAYS);
        long entity = context.require().id();
        return new AccountStatement(statements.account(entity),
                statements.statement(entity, period.from(), period.to()));
    }

    @GetMapping("/api/v1/admin/statement")
    @Operation(summary = "The same for any legal entity the member of staff may see")
    AccountStatement staff(@AuthenticationPrincipal PortalUser user, @RequestParam long legalEntityId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Period period = Period.of(from, to, StatementPageController.DEFAULT_DAYS);
        LegalEntityRef entity = customers.legalEntity(legalEntityId)
                .orElseThrow(() -> DomainException.notFound("legal entity", legalEntityId));
        staff.requireSees(user, entity.companyId());
        return new AccountStatement(statements.account(legalEntityId),
                statements.statement(legalEntityId, period.from(), period.to()));
    }
}
