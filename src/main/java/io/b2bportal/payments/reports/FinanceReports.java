package io.b2bportal.payments.reports;

import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seller's finance reports, as SQL over the documents and the ledger: invoices issued versus paid (the seed's
 * "standard approach" to sales control) by month, week, manager or customer; cash received by day (debits of the
 * bank account); the overdue list. An account manager's reports cover only their clients ({@code managerId}).
 */
@Service
public class FinanceReports {

    public static final int MAX_DAYS = 3 * 366;

    private final JdbcClient jdbc;
    private final DocumentsApi documents;

    FinanceReports(JdbcClient jdbc, DocumentsApi documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    public enum GroupBy { MONTH, WEEK, MANAGER, CUSTOMER }

    /**
     * One group of invoices issued in the period (current versions; cancelled ones are left out).
     *
     * @param paid       what has been paid of them so far (payments, advances applied, credit notes)
     * @param paidOnTime the part of {@code paid} that came on or before each invoice's due date
     * @param overdue    what is left of them past the due date today
     */
    public record IssuedVsPaid(String key, String label, int invoices, BigDecimal issued, BigDecimal paid,
            BigDecimal paidOnTime, BigDecimal outstanding, BigDecimal overdue) {
    }

    @Transactional(readOnly = true)
    public List<IssuedVsPaid> invoicesVsPaid(LocalDate from, LocalDate to, GroupBy groupBy, Long managerId) {
        checkPeriod(from, to);
        String key = switch (groupBy) {
            case MONTH -> "to_char(i.issued_on, 'YYYY-MM')";
            case WEEK -> "to_char(i.issued_on, 'IYYY-\"W\"IW')";
            case MANAGER -> "coalesce(cast(c.account_manager_id as text), '-')";
            case CUSTOMER -> "cast(c.id as text)";
        };
        String label = switch (groupBy) {
            case MONTH, WEEK -> key;
            case MANAGER -> "coalesce(max(u.display_name), '—')";
            case CUSTOMER -> "max(c.name)";
        };
        String order = switch (groupBy) {
            case MONTH, WEEK -> "1";
            case MANAGER, CUSTOMER -> "4 desc, 2";
        };
        return jdbc.sql("""
                        with inv as (
                            select d.id, d.issued_on, d.due_on, d.total_gross, d.company_id
                              from documents.document d
                             where d.kind = 'INVOICE' and d.status = 'ISSUED' and d.issued_on between :from and :to),
                        settled as (
                            select i.id,
                                   coalesce(sum(p.amount), 0) as left_to_pay,
                                   coalesce(-sum(p.amount) filter (where p.amount < 0), 0) as credited,
                                   coalesce(-sum(p.amount) filter (where p.amount < 0 and j.occurred_on <= i.due_on), 0)
                                       as credited_on_time
                              from inv i
                              left join ledger.posting p on p.item_id = i.id and p.account = 'RECEIVABLE'
                              left join ledger.journal j on j.id = p.journal_id
                             group by i.id)
                        select %s as key, %s as label, count(*) as invoices, sum(i.total_gross) as issued,
                               sum(least(s.credited, i.total_gross)) as paid,
                               sum(least(s.credited_on_time, i.total_gross)) as paid_on_time,
                               sum(greatest(s.left_to_pay, 0)) as outstanding,
                               sum(greatest(s.left_to_pay, 0)) filter (where i.due_on < :today) as overdue
                          from inv i
                          join settled s on s.id = i.id
                          join customers.company c on c.id = i.company_id
                          left join platform.user_account u on u.id = c.account_manager_id
                         where cast(:manager as bigint) is null or c.account_manager_id = :manager
                         group by 1
                         order by %s""".formatted(key, label, order))
                .param("from", from).param("to", to).param("today", BusinessDate.today()).param("manager", managerId)
                .query((rs, n) -> new IssuedVsPaid(rs.getString("key"), rs.getString("label"), rs.getInt("invoices"),
                        rs.getBigDecimal("issued"), rs.getBigDecimal("paid"), rs.getBigDecimal("paid_on_time"),
                        rs.getBigDecimal("outstanding"),
                        rs.getBigDecimal("overdue") == null ? BigDecimal.ZERO : rs.getBigDecimal("overdue")))
                .list();
    }

    /** Money received (bank debits) and refunded (bank credits) on one day. */
    public record CashDay(LocalDate day, BigDecimal received, BigDecimal refunded, int payments) {
    }

    @Transactional(readOnly = true)
    public List<CashDay> cash(LocalDate from, LocalDate to, Long managerId) {
        checkPeriod(from, to);
        return jdbc.sql("""
                        select j.occurred_on as day,
                               coalesce(sum(p.amount) filter (where p.amount > 0), 0) as received,
                               coalesce(-sum(p.amount) filter (where p.amount < 0), 0) as refunded,
                               count(distinct j.id) filter (where p.amount > 0) as payments
                          from ledger.posting p
                          join ledger.journal j on j.id = p.journal_id
                          join customers.legal_entity e on e.id = p.legal_entity_id
                          join customers.company c on c.id = e.company_id
                         where p.account = 'BANK' and j.occurred_on between :from and :to
                           and (cast(:manager as bigint) is null or c.account_manager_id = :manager)
                         group by j.occurred_on
                         order by j.occurred_on""")
                .param("from", from).param("to", to).param("manager", managerId).query(CashDay.class).list();
    }

    /** An overdue invoice with its customer and account manager. */
    public record OverdueInvoice(long invoiceId, String number, String orderNumber, long legalEntityId,
            String legalEntityName, long companyId, String companyName, String managerName, LocalDate dueOn,
            long daysOverdue, BigDecimal gross, BigDecimal outstanding) {
    }

    /** Every open invoice past its due date, the longest overdue first. */
    @Transactional(readOnly = true)
    public List<OverdueInvoice> overdue(Long managerId) {
        LocalDate today = BusinessDate.today();
        List<InvoiceRef> overdue = documents.openInvoicesDueBefore(today).stream()
                .filter(i -> i.outstanding().signum() > 0).toList();
        if (overdue.isEmpty()) {
            return List.of();
        }
        record Company(long id, String name, Long managerId, String managerName) {
        }
        Map<Long, Company> companies = jdbc.sql("""
                        select c.id, c.name, c.account_manager_id as manager_id, u.display_name as manager_name
                          from customers.company c left join platform.user_account u on u.id = c.account_manager_id
                         where c.id = any(cast(:ids as bigint[]))""")
                .param("ids", overdue.stream().map(InvoiceRef::companyId).distinct().toArray(Long[]::new))
                .query(Company.class).list().stream().collect(Collectors.toMap(Company::id, c -> c));
        return overdue.stream()
                .filter(i -> managerId == null || managerId.equals(companies.get(i.companyId()).managerId()))
                .map(i -> {
                    Company c = companies.get(i.companyId());
                    return new OverdueInvoice(i.id(), i.number(), i.orderNumber(), i.legalEntityId(), i.buyerName(),
                            c.id(), c.name(), c.managerName(), i.dueOn(), Aging.daysPastDue(i, today), i.gross(),
                            i.outstanding());
                })
                .sorted(java.util.Comparator.comparing(OverdueInvoice::daysOverdue).reversed()
                        .thenComparing(OverdueInvoice::number))
                .toList();
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new DomainException(400, "bad-period", "finance.statement.bad-period");
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new DomainException(400, "period-too-long", "finance.statement.period-too-long", MAX_DAYS);
        }
    }
}
