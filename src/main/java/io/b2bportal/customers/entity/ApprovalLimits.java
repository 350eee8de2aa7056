package io.b2bportal.customers.entity;

import io.b2bportal.customers.ApprovalLimit;
import io.b2bportal.platform.AuditLog;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.b2bportal.shared.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company administrator's limits per buyer (per order, per month). Ordering asks {@code CustomersApi} for them
 * when an order is placed; an order above either waits for an approver.
 */
@Service
public class ApprovalLimits {

    /** More than any wholesale order: above it a typed amount is a slip of the keyboard. */
    static final BigDecimal MAX = new BigDecimal("1000000000000");

    private final JdbcClient jdbc;
    private final Companies companies;
    private final AuditLog audit;

    ApprovalLimits(JdbcClient jdbc, Companies companies, AuditLog audit) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.audit = audit;
    }

    /** A member with their limit (none where nothing is set). */
    public record MemberLimit(Companies.MemberView member, ApprovalLimit limit) {
    }

    @Transactional(readOnly = true)
    public List<MemberLimit> ofCompany(long companyId) {
        Map<Long, ApprovalLimit> limits = jdbc.sql("""
                        select user_id, per_order, per_month, currency from customers.approval_limit
                         where company_id = :company""")
                .param("company", companyId)
                .query((rs, n) -> limit(rs.getLong("user_id"), rs.getBigDecimal("per_order"),
                        rs.getBigDecimal("per_month"), rs.getString("currency")))
                .list().stream().collect(Collectors.toMap(ApprovalLimit::userId, Function.identity()));
        return companies.members(companyId).stream()
                .map(m -> new MemberLimit(m, limits.getOrDefault(m.userId(), ApprovalLimit.none(m.userId()))))
                .toList();
    }

    @Transactional(readOnly = true)
    public ApprovalLimit of(long companyId, long userId) {
        return jdbc.sql("""
                        select per_order, per_month, currency from customers.approval_limit
                         where company_id = :company and user_id = :user""")
                .param("company", companyId).param("user", userId)
                .query((rs, n) -> limit(userId, rs.getBigDecimal("per_order"), rs.getBigDecimal("per_month"),
                        rs.getString("currency")))
                .optional().orElse(ApprovalLimit.none(userId));
    }

    /** Sets (or, with both amounts null, removes) a member's limits; refuses amounts below zero or absurdly large. */
    @Transactional
    public ApprovalLimit set(PortalUser admin, long companyId, long userId, BigDecimal perOrder, BigDecimal perMonth) {
        if (companies.members(companyId).stream().noneMatch(m -> m.userId() == userId)) {
            throw DomainException.notFound("user", userId);
        }
        check(perOrder);
        check(perMonth);
        if (perOrder == null && perMonth == null) {
            jdbc.sql("delete from customers.approval_limit where company_id = :company and user_id = :user")
                    .param("company", companyId).param("user", userId).update();
        } else {
            jdbc.sql("""
                            insert into customers.approval_limit (company_id, user_id, per_order, per_month, updated_by)
                            values (:company, :user, :perOrder, :perMonth, :admin)
                            on conflict (company_id, user_id) do update
                               set per_order = excluded.per_order, per_month = excluded.per_month,
                                   updated_by = excluded.updated_by, updated_at = now()""")
                    .param("company", companyId).param("user", userId).param("perOrder", perOrder)
                    .param("perMonth", perMonth).param("admin", admin.id()).update();
        }
        audit.record(admin.id(), "customers.approval-limit.set", companyId,
                "user " + userId + ": per order " + text(perOrder) + ", per month " + text(perMonth), null);
        return of(companyId, userId);
    }

    private static void check(BigDecimal amount) {
        if (amount == null) {
            return;
        }
        if (amount.signum() < 0 || amount.compareTo(MAX) >= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw DomainException.invalid("bad-approval-limit", "customers.approvalLimits.invalid",
                    amount.toPlainString());
        }
    }

    private static String text(BigDecimal amount) {
        return amount == null ? "none" : amount.toPlainString();
    }

    private static ApprovalLimit limit(long userId, BigDecimal perOrder, BigDecimal perMonth, String currency) {
        Currency c = Currency.getInstance(currency.strip());
        return new ApprovalLimit(userId, perOrder == null ? null : new Money(perOrder, c),
                perMonth == null ? null : new Money(perMonth, c));
    }
}
