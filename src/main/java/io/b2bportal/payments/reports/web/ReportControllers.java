package io.b2bportal.payments.reports.web;

import io.b2bportal.payments.credit.FinanceStaff;
import io.b2bportal.payments.reports.Aging;
import io.b2bportal.payments.reports.AgingBucket;
import io.b2bportal.payments.reports.FinanceReports;
import io.b2bportal.payments.reports.FinanceReports.CashDay;
import io.b2bportal.payments.reports.FinanceReports.GroupBy;
import io.b2bportal.payments.reports.FinanceReports.IssuedVsPaid;
import io.b2bportal.payments.reports.FinanceReports.OverdueInvoice;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who may read the reports, and for which account manager's clients (a manager filter chosen on the page). */
@Component
class ReportScope {

    private final FinanceStaff staff;
    private final JdbcClient jdbc;

    ReportScope(FinanceStaff staff, JdbcClient jdbc) {
        this.staff = staff;
        this.jdbc = jdbc;
    }

    /** The manager whose clients the report covers: an account manager always their own; others may pick one. */
    Long manager(PortalUser user, Long requested) {
        Long own = staff.requireReader(user);
        return own != null ? own : requested;
    }

    record Manager(long id, String name) {
    }

    List<Manager> managers() {
        return jdbc.sql("""
                        select id, display_name as name from platform.user_account
                         where side = 'SELLER' and 'ACCOUNT_MANAGER' = any(roles) and enabled order by display_name""")
                .query(Manager.class).list();
    }

    static GroupBy groupBy(String text) {
        try {
            return GroupBy.valueOf((text == null || text.isBlank() ? "month" : text.strip()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(400, "bad-group", "finance.reports.bad-group", text);
        }
    }
}

/** {@code /admin/finance/aging} and {@code /admin/finance/reports}. */
@Controller
class ReportPageController {

    static final int DEFAULT_DAYS = 180;

    private final ReportScope scope;
    private final Aging aging;
    private final FinanceReports reports;
    private final org.springframework.context.MessageSource messages;

    ReportPageController(ReportScope scope, Aging aging, FinanceReports reports,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.scope = scope;
        this.aging = aging;
        this.reports = reports;
    }

    @GetMapping("/admin/finance")
    String finance() {
        return "redirect:/admin/finance/aging";
    }

    @GetMapping("/admin/finance/aging")
    String aging(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long manager,
            Model model) {
        Long filter = scope.manager(user, manager);
        List<Aging.Row> rows = aging.all(filter);
        model.addAttribute("rows", rows);
        model.addAttribute("total", Aging.total(rows));
        model.addAttribute("buckets", AgingBucket.values());
        model.addAttribute("managers", scope.managers());
        model.addAttribute("manager", filter);
        model.addAttribute("ownOnly", filter != null && filter == user.id());
        Aging.Buckets total = Aging.total(rows);
        model.addAttribute("chart", BarChart.of(java.util.Arrays.stream(AgingBucket.values())
                .map(b -> new BarChart.Group(msg("finance.bucket." + b), List.of(total.get(b)),
                        List.of(msg("finance.bucket." + b)))).toList(),
                this::format));
        return "payments/aging";
    }

    @GetMapping("/admin/finance/reports")
    String reports(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) Long manager, Model model) {
        Long filter = scope.manager(user, manager);
        Period period = Period.of(from, to, DEFAULT_DAYS);
        GroupBy group = ReportScope.groupBy(groupBy);
        List<IssuedVsPaid> issued = reports.invoicesVsPaid(period.from(), period.to(), group, filter);
        List<CashDay> cash = reports.cash(period.from(), period.to(), filter);
        model.addAttribute("period", period);
        model.addAttribute("groupBy", group.name().toLowerCase(Locale.ROOT));
        model.addAttribute("groups", GroupBy.values());
        model.addAttribute("managers", scope.managers());
        model.addAttribute("manager", filter);
        model.addAttribute("ownOnly", filter != null && filter == user.id());
        model.addAttribute("issued", issued);
        model.addAttribute("issuedTotal", new IssuedVsPaid("total", "", issued.stream().mapToInt(IssuedVsPaid::invoices).sum(),
                sum(issued, IssuedVsPaid::issued), sum(issued, IssuedVsPaid::paid), sum(issued, IssuedVsPaid::paidOnTime),
                sum(issued, IssuedVsPaid::outstanding), sum(issued, IssuedVsPaid::overdue)));
        model.addAttribute("issuedChart", BarChart.of(issued.stream().map(r -> new BarChart.Group(r.label(),
                List.of(r.issued(), r.paid(), r.paidOnTime()), List.of(msg("finance.reports.col.issued"),
                msg("finance.reports.col.paid"), msg("finance.reports.col.on-time")))).toList(),
                this::format));
        model.addAttribute("cash", cash);
        model.addAttribute("cashTotal", sum(cash, CashDay::received));
        model.addAttribute("cashChart", BarChart.of(cash.stream().map(c -> new BarChart.Group(
                c.day().toString().substring(5), List.of(c.received()), List.of(c.day().toString()))).toList(),
                this::format));
        model.addAttribute("overdue", reports.overdue(filter));
        return "payments/reports";
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    private String format(BigDecimal amount) {
        return io.b2bportal.payments.reports.Amounts.rub(amount,
                org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    static <T> BigDecimal sum(List<T> rows, java.util.function.Function<T, BigDecimal> f) {
        return rows.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

/** The same reports over the API, {@code /api/v1/admin/aging} and {@code /api/v1/admin/reports/...}. */
@RestController
@Tag(name = "Finance reports", description = "Receivables aging, invoices issued vs paid, cash received, overdue "
        + "invoices (seller accountants, sales heads, administrators; account managers: their own clients)")
class ReportApiController {

    private final ReportScope scope;
    private final Aging aging;
    private final FinanceReports reports;

    ReportApiController(ReportScope scope, Aging aging, FinanceReports reports) {
        this.scope = scope;
        this.aging = aging;
        this.reports = reports;
    }

    record AgingReport(List<Aging.Row> rows, Aging.Buckets total) {
    }

    @GetMapping("/api/v1/admin/aging")
    @Operation(summary = "Receivables aging per legal entity (current, 1-30, 31-60, 61-90, 90+ days past due) and "
            + "the total; manager= limits it to one account manager's clients")
    AgingReport aging(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long manager) {
        List<Aging.Row> rows = aging.all(scope.manager(user, manager));
        return new AgingReport(rows, Aging.total(rows));
    }

    @GetMapping("/api/v1/admin/reports/invoices-vs-paid")
    @Operation(summary = "Invoices issued from..to (yyyy-MM-dd) and how much of them is paid, paid on time, left and "
            + "overdue, grouped by month, week, manager or customer")
    List<IssuedVsPaid> invoicesVsPaid(@AuthenticationPrincipal PortalUser user,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String groupBy, @RequestParam(required = false) Long manager) {
        Period period = Period.of(from, to, ReportPageController.DEFAULT_DAYS);
        return reports.invoicesVsPaid(period.from(), period.to(), ReportScope.groupBy(groupBy),
                scope.manager(user, manager));
    }

    @GetMapping("/api/v1/admin/reports/cash")
    @Operation(summary = "Money received (bank debits of the ledger) and refunded, by day, from..to")
    List<CashDay> cash(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Long manager) {
        Period period = Period.of(from, to, ReportPageController.DEFAULT_DAYS);
        return reports.cash(period.from(), period.to(), scope.manager(user, manager));
    }

    @GetMapping("/api/v1/admin/reports/overdue")
    @Operation(summary = "Every open invoice past its due date, the longest overdue first")
    List<OverdueInvoice> overdue(@AuthenticationPrincipal PortalUser user,
            @RequestParam(required = false) Long manager) {
        return reports.overdue(scope.manager(user, manager));
    }
}
