package io.b2bportal.payments.reports;

import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.shared.BusinessDate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receivables aging: what is left to pay of every open invoice, by how many days it is past its due date
 * ({@link AgingBucket}), per legal entity and in total. Open items and amounts come from the documents module (which
 * asks the ledger); advances (unallocated payments) are not in the buckets.
 */
@Service
public class Aging {

    private final DocumentsApi documents;
    private final JdbcClient jdbc;

    Aging(DocumentsApi documents, JdbcClient jdbc) {
        this.documents = documents;
        this.jdbc = jdbc;
    }

    /** Amounts per bucket, in bucket order, and their total. */
    public record Buckets(Map<AgingBucket, BigDecimal> amounts, BigDecimal total) {

        static Buckets of(Collection<InvoiceRef> invoices, LocalDate today) {
            Map<AgingBucket, BigDecimal> amounts = new EnumMap<>(AgingBucket.class);
            for (AgingBucket b : AgingBucket.values()) {
                amounts.put(b, BigDecimal.ZERO.setScale(2));
            }
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            for (InvoiceRef i : invoices) {
                amounts.merge(AgingBucket.of(daysPastDue(i, today)), i.outstanding(), BigDecimal::add);
                total = total.add(i.outstanding());
            }
            return new Buckets(amounts, total);
        }

        public BigDecimal get(AgingBucket bucket) {
            return amounts.get(bucket);
        }

        public BigDecimal overdue() {
            return total.subtract(amounts.get(AgingBucket.CURRENT));
        }
    }

    /** Days past the due date on {@code today} (negative or 0 while not yet due). */
    public static long daysPastDue(InvoiceRef invoice, LocalDate today) {
        return invoice.dueOn() == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(invoice.dueOn(), today);
    }

    /** One legal entity's line of the aging report. */
    public record Row(long legalEntityId, String legalEntityName, String inn, long companyId, String companyName,
            Long managerId, String managerName, Buckets buckets) {
    }

    /** The aging of one legal entity's open invoices today. */
    @Transactional(readOnly = true)
    public Buckets ofEntity(long legalEntityId) {
        return Buckets.of(open(legalEntityId), BusinessDate.today());
    }

    /** The legal entity's open invoices (positive amount left), the oldest due first. */
    @Transactional(readOnly = true)
    public List<InvoiceRef> open(long legalEntityId) {
        return documents.openInvoices(legalEntityId).stream().filter(i -> i.outstanding().signum() > 0).toList();
    }

    /**
     * Aging per legal entity over every customer with open invoices (of one account manager's clients when
     * {@code managerId} is set), the largest overdue first; the totals row is {@link #total}.
     */
    @Transactional(readOnly = true)
    public List<Row> all(Long managerId) {
        LocalDate today = BusinessDate.today();
        Map<Long, List<InvoiceRef>> byEntity = new LinkedHashMap<>();
        documents.allOpenInvoices().stream().filter(i -> i.outstanding().signum() > 0)
                .forEach(i -> byEntity.computeIfAbsent(i.legalEntityId(), k -> new ArrayList<>()).add(i));
        if (byEntity.isEmpty()) {
            return List.of();
        }
        record Names(long id, String name, String inn, long companyId, String companyName, Long managerId,
                String managerName) {
        }
        List<Names> names = jdbc.sql("""
                        select e.id, e.name, e.inn, c.id as company_id, c.name as company_name,
                               c.account_manager_id as manager_id, u.display_name as manager_name
                          from customers.legal_entity e
                          join customers.company c on c.id = e.company_id
                          left join platform.user_account u on u.id = c.account_manager_id
                         where e.id = any(cast(:ids as bigint[]))
                           and (cast(:manager as bigint) is null or c.account_manager_id = :manager)""")
                .param("ids", byEntity.keySet().toArray(Long[]::new)).param("manager", managerId)
                .query(Names.class).list();
        return names.stream()
                .map(n -> new Row(n.id(), n.name(), n.inn(), n.companyId(), n.companyName(), n.managerId(),
                        n.managerName(), Buckets.of(byEntity.get(n.id()), today)))
                .sorted(java.util.Comparator.comparing((Row r) -> r.buckets().overdue()).reversed()
                        .thenComparing(Row::companyName).thenComparing(Row::legalEntityName))
                .toList();
    }

    /** The sum of rows, bucket by bucket. */
    public static Buckets total(List<Row> rows) {
        Map<AgingBucket, BigDecimal> amounts = new EnumMap<>(AgingBucket.class);
        for (AgingBucket b : AgingBucket.values()) {
            amounts.put(b, rows.stream().map(r -> r.buckets().get(b)).reduce(BigDecimal.ZERO.setScale(2),
                    BigDecimal::add));
        }
        return new Buckets(amounts, rows.stream().map(r -> r.buckets().total())
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
    }
}
