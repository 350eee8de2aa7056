package io.b2bportal.payments.credit;

import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.ordering.Receivables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What ordering's checkout asks of finance: the legal entity's receivable balance (unpaid invoices less advances) from
 * the ledger, and the credit hold it is on, if one is in force.
 */
@Component
class LedgerReceivables implements Receivables {

    private final LedgerApi ledger;
    private final JdbcClient jdbc;

    LedgerReceivables(LedgerApi ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    @Override
    public BigDecimal outstanding(long legalEntityId) {
        return ledger.receivable(legalEntityId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CreditHold> hold(long legalEntityId) {
        record Row(BigDecimal overdue, LocalDate oldestDueOn) {
        }
        return jdbc.sql("""
                        select overdue, oldest_due_on from payments.credit_hold
                         where legal_entity_id = :entity and lifted_at is null and released_at is null""")
                .param("entity", legalEntityId).query(Row.class).optional()
                .map(r -> new CreditHold(legalEntityId, r.overdue(), r.oldestDueOn()));
    }

    @Override
    public java.util.Map<Long, BigDecimal> outstanding(java.util.Collection<Long> legalEntityIds) {
        return ledger.receivables(legalEntityIds);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Set<Long> onHold(java.util.Collection<Long> legalEntityIds) {
        if (legalEntityIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                        select legal_entity_id from payments.credit_hold
                         where legal_entity_id = any(cast(:ids as bigint[])) and lifted_at is null and released_at is null""")
                .param("ids", legalEntityIds.toArray(Long[]::new)).query(Long.class).list());
    }
}
