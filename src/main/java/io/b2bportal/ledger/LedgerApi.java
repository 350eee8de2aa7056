package io.b2bportal.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts journal entries and answers every balance question by summing postings. Entries are append-only: the
 * database refuses updates and deletes, and refuses at commit an entry whose postings do not sum to zero.
 */
@Service
public class LedgerApi {

    private final JdbcClient jdbc;

    LedgerApi(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Posts the entry in the caller's transaction (or its own); returns the journal id. */
    @Transactional
    public long post(JournalEntry entry) {
        long id = jdbc.sql("""
                        insert into ledger.journal (kind, legal_entity_id, occurred_on, document_id, payment_id, memo,
                                                    posted_by)
                        values (:kind, :entity, :on, :document, :payment, :memo, :by)
                        returning id""")
                .param("kind", entry.kind().name()).param("entity", entry.legalEntityId())
                .param("on", entry.occurredOn()).param("document", entry.documentId())
                .param("payment", entry.paymentId()).param("memo", entry.memo()).param("by", entry.postedBy())
                .query(Long.class).single();
        for (Posting p : entry.postings()) {
            jdbc.sql("""
                            insert into ledger.posting (journal_id, account, legal_entity_id, item_id, amount)
                            values (:journal, :account, :entity, :item, :amount)""")
                    .param("journal", id).param("account", p.account().name()).param("entity", p.legalEntityId())
                    .param("item", p.itemId()).param("amount", p.amount()).update();
        }
        return id;
    }

    /**
     * What the legal entity owes: its receivable balance (invoices less payments and credit notes). Negative when it
     * paid more than it was invoiced (an advance).
     */
    @Transactional(readOnly = true)
    public BigDecimal receivable(long legalEntityId) {
        return jdbc.sql("""
                        select coalesce(sum(amount), 0) from ledger.posting
                         where legal_entity_id = :entity and account = 'RECEIVABLE'""")
                .param("entity", legalEntityId).query(BigDecimal.class).single();
    }

    /** The receivable balance of each of these legal entities (0 for those without postings), in one query. */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> receivables(java.util.Collection<Long> legalEntityIds) {
        Map<Long, BigDecimal> balances = new HashMap<>();
        legalEntityIds.forEach(id -> balances.put(id, BigDecimal.ZERO));
        if (legalEntityIds.isEmpty()) {
            return balances;
        }
        jdbc.sql("""
                        select legal_entity_id, sum(amount) from ledger.posting
                         where account = 'RECEIVABLE' and legal_entity_id = any(cast(:ids as bigint[]))
                         group by legal_entity_id""")
                .param("ids", legalEntityIds.toArray(Long[]::new))
                .query((rs, n) -> balances.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return balances;
    }

    /** The receivable balance at the end of a day (for opening and closing balances of statements and acts). */
    @Transactional(readOnly = true)
    public BigDecimal receivableAt(long legalEntityId, LocalDate endOfDay) {
        return jdbc.sql("""
                        select coalesce(sum(p.amount), 0) from ledger.posting p
                          join ledger.journal j on j.id = p.journal_id
                         where p.legal_entity_id = :entity and p.account = 'RECEIVABLE' and j.occurred_on <= :day""")
                .param("entity", legalEntityId).param("day", endOfDay).query(BigDecimal.class).single();
    }

    /** Receivable balances of every legal entity that has postings (id → balance). */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> receivables() {
        Map<Long, BigDecimal> balances = new HashMap<>();
        jdbc.sql("""
                        select legal_entity_id, sum(amount) from ledger.posting where account = 'RECEIVABLE'
                         group by legal_entity_id""")
                .query((rs, n) -> balances.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return balances;
    }

    /**
     * What is left to pay of each open item (invoice document id → amount; 0 when settled; negative when
     * over-settled). Items without postings are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> outstanding(Collection<Long> itemIds) {
        Map<Long, BigDecimal> left = new HashMap<>();
        if (itemIds.isEmpty()) {
            return left;
        }
        jdbc.sql("""
                        select item_id, sum(amount) from ledger.posting
                         where account = 'RECEIVABLE' and item_id = any(cast(:items as bigint[]))
                         group by item_id""")
                .param("items", itemIds.toArray(Long[]::new))
                .query((rs, n) -> left.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return left;
    }

    /** The unallocated receivable balance of a legal entity: negative = an advance waiting for invoices. */
    @Transactional(readOnly = true)
    public BigDecimal unallocated(long legalEntityId) {
        return jdbc.sql("""
                        select coalesce(sum(amount), 0) from ledger.posting
                         where legal_entity_id = :entity and account = 'RECEIVABLE' and item_id is null""")
                .param("entity", legalEntityId).query(BigDecimal.class).single();
    }

    /** One movement of a legal entity's receivable in a statement. */
    public record StatementLine(long journalId, LocalDate on, JournalKind kind, Long documentId, Long paymentId,
            String memo, BigDecimal debit, BigDecimal credit) {
    }

    /** A statement of the receivable over a period: opening balance, movements by day, closing balance. */
    public record Statement(long legalEntityId, LocalDate from, LocalDate to, BigDecimal opening,
            List<StatementLine> lines, BigDecimal debits, BigDecimal credits, BigDecimal closing) {
    }

    /**
     * The statement of one legal entity's receivable between two days (both included). Entries that only move an
     * amount between open items (allocations) net to zero and are left out.
     */
    @Transactional(readOnly = true)
    public Statement statement(long legalEntityId, LocalDate from, LocalDate to) {
        BigDecimal opening = receivableAt(legalEntityId, from.minusDays(1));
        List<StatementLine> lines = jdbc.sql("""
                        select j.id, j.occurred_on, j.kind, j.document_id, j.payment_id, j.memo,
                               greatest(sum(p.amount), 0) as debit, greatest(-sum(p.amount), 0) as credit
                          from ledger.journal j
                          join ledger.posting p on p.journal_id = j.id and p.account = 'RECEIVABLE'
                         where j.legal_entity_id = :entity and j.occurred_on between :from and :to
                         group by j.id
                        having sum(p.amount) <> 0
                         order by j.occurred_on, j.id""")
                .param("entity", legalEntityId).param("from", from).param("to", to)
                .query((rs, n) -> new StatementLine(rs.getLong("id"), rs.getObject("occurred_on", LocalDate.class),
                        JournalKind.valueOf(rs.getString("kind")), (Long) rs.getObject("document_id"),
                        (Long) rs.getObject("payment_id"), rs.getString("memo"), rs.getBigDecimal("debit"),
                        rs.getBigDecimal("credit")))
                .list();
        BigDecimal debits = lines.stream().map(StatementLine::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credits = lines.stream().map(StatementLine::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Statement(legalEntityId, from, to, opening, lines, debits, credits,
                opening.add(debits).subtract(credits));
    }

    /** The sum of every posting ever made: zero when the books balance. */
    @Transactional(readOnly = true)
    public BigDecimal trialBalance() {
        return jdbc.sql("select coalesce(sum(amount), 0) from ledger.posting").query(BigDecimal.class).single();
    }

    /** Entries whose postings do not sum to zero (ids); empty when every entry balances. */
    @Transactional(readOnly = true)
    public List<Long> unbalancedEntries() {
        return jdbc.sql("select journal_id from ledger.posting group by journal_id having sum(amount) <> 0")
                .query(Long.class).list();
    }
}
