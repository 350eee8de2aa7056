package io.b2bportal.ordering.order;

import io.b2bportal.customers.ApprovalLimit;
import io.b2bportal.customers.CustomersApi;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a new order waits for the customer's approver (status AWAITING_APPROVAL) instead of being placed at once:
 * when its total with VAT is above the buyer's limit per order, or when it takes the buyer's orders of the calendar
 * month (Moscow time; every order of the month that is not cancelled, those waiting for approval too) above their
 * monthly limit. The company administrator sets the limits ({@code CustomersApi#approvalLimit}); a buyer without
 * limits, and staff ordering on a customer's behalf, never wait.
 */
@Component
public class ApprovalPolicy {

    /** Two-key advisory lock space of monthly limit checks: (this, user id). */
    private static final int MONTH_LOCK = 6_020;

    private final CustomersApi customers;
    private final JdbcClient jdbc;

    ApprovalPolicy(CustomersApi customers, JdbcClient jdbc) {
        this.customers = customers;
        this.jdbc = jdbc;
    }

    /** @param placedBy the user who checks out; {@code gross} the order's total with VAT */
    public boolean needsApproval(long placedBy, long legalEntityId, Channel channel, BigDecimal gross) {
        if (channel == Channel.ON_BEHALF) {
            return false;
        }
        Long company = customers.legalEntity(legalEntityId).map(e -> e.companyId()).orElse(null);
        if (company == null) {
            return false;
        }
        ApprovalLimit limit = customers.approvalLimit(company, placedBy);
        if (limit.perOrder() != null && gross.compareTo(limit.perOrder().amount()) > 0) {
            return true;
        }
        if (limit.perMonth() != null) {
            // held until the checkout commits: two checkouts of one buyer at once cannot both slip under the limit
            jdbc.sql("select pg_advisory_xact_lock(:space, cast(:user as int))").param("space", MONTH_LOCK)
                    .param("user", placedBy).query().singleRow();
            YearMonth month = YearMonth.now(Checkout.ZONE);
            BigDecimal sofar = monthToDate(placedBy, company, month.atDay(1), month.atEndOfMonth().plusDays(1));
            return sofar.add(gross).compareTo(limit.perMonth().amount()) > 0;
        }
        return false;
    }

    private BigDecimal monthToDate(long user, long company, LocalDate from, LocalDate until) {
        return jdbc.sql("""
                        select coalesce(sum(total_gross), 0) from ordering.orders
                         where placed_by = :user and company_id = :company and status <> 'CANCELLED'
                           and created_at >= cast(:from as timestamp) at time zone 'Europe/Moscow'
                           and created_at < cast(:until as timestamp) at time zone 'Europe/Moscow'""")
                .param("user", user).param("company", company).param("from", from.atStartOfDay())
                .param("until", until.atStartOfDay()).query(BigDecimal.class).single();
    }
}
