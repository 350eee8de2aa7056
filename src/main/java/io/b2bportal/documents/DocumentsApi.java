package io.b2bportal.documents;

import io.b2bportal.documents.act.ReconciliationActs;
import io.b2bportal.documents.creditnote.CreditNotes;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.shared.BusinessDate;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices as payments and credit control see them, with what is left to pay (from the ledger) and the status that
 * follows from it and the due date.
 */
@Service
public class DocumentsApi {

    private static final String COLUMNS = """
            d.id, d.number, d.version, d.issued_on, d.due_on, d.legal_entity_id, d.company_id,
            d.buyer ->> 'name' as buyer_name, d.buyer ->> 'inn' as buyer_inn, d.order_id, d.order_number,
            d.payment_terms, d.currency, d.total_gross, d.status
            """;

    private final JdbcClient jdbc;
    private final LedgerApi ledger;
    private final CreditNotes creditNotes;
    private final ReconciliationActs acts;
    private final io.b2bportal.documents.invoice.InvoiceNumbering numbering;

    DocumentsApi(JdbcClient jdbc, LedgerApi ledger, CreditNotes creditNotes, ReconciliationActs acts,
            io.b2bportal.documents.invoice.InvoiceNumbering numbering) {
        this.numbering = numbering;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.creditNotes = creditNotes;
        this.acts = acts;
    }

    /**
     * Issues a credit note (claims, or a seller accountant by hand) and posts it: Dr sales returns, Dr VAT / Cr the
     * receivable of the invoice (up to what is left of it) and the rest unallocated. Refused (422) without a reason,
     * for an amount of zero or less, or more than the invoice (less what earlier credit notes credited).
     */
    public DocumentRef issueCreditNote(CreditNoteRequest request) {
        return creditNotes.issue(request);
    }

    /** The orders these invoices are for (one query, no lock): to lock the orders before their invoices. */
    public List<Long> ordersOfInvoices(java.util.Collection<Long> invoiceIds) {
        return jdbc.sql("""
                        select distinct order_id from documents.document
                         where id = any(cast(:ids as bigint[])) and kind = 'INVOICE' and order_id is not null
                         order by order_id""")
                .param("ids", invoiceIds.toArray(Long[]::new)).query(Long.class).list();
    }

    /**
     * Numbers, in the current transaction, every invoice still waiting for its number (they get one right after their
     * order's transaction commits); for code that issues invoices and reads their numbers in one transaction (demo).
     */
    public int numberPendingInvoices() {
        return numbering.numberPending();
    }

    /** Issues the reconciliation act of a legal entity for a period (400 for a reversed or over-long period). */
    public DocumentRef issueReconciliationAct(long legalEntityId, LocalDate from, LocalDate to, Long actorId) {
        return acts.issue(legalEntityId, from, to, actorId);
    }

    private record Row(long id, String number, int version, LocalDate issuedOn, LocalDate dueOn, long legalEntityId,
            long companyId, String buyerName, String buyerInn, Long orderId, String orderNumber, String paymentTerms,
            String currency, BigDecimal gross, String status) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("number"), rs.getInt("version"),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getLong("legal_entity_id"), rs.getLong("company_id"), rs.getString("buyer_name"),
                rs.getString("buyer_inn"), (Long) rs.getObject("order_id"), rs.getString("order_number"),
                rs.getString("payment_terms"), rs.getString("currency"), rs.getBigDecimal("total_gross"),
                rs.getString("status"));
    }

    private List<InvoiceRef> withOutstanding(List<Row> rows) {
        Map<Long, BigDecimal> left = ledger.outstanding(rows.stream().map(Row::id).toList());
        LocalDate today = BusinessDate.today();
        return rows.stream().map(r -> {
            BigDecimal outstanding = "ISSUED".equals(r.status()) ? left.getOrDefault(r.id(), BigDecimal.ZERO)
                    : BigDecimal.ZERO;
            return new InvoiceRef(r.id(), r.number(), r.version(), r.issuedOn(), r.dueOn(), r.legalEntityId(),
                    r.companyId(), r.buyerName(), r.buyerInn(), r.orderId(), r.orderNumber(), r.paymentTerms(),
                    r.currency(), r.gross(), outstanding, status(r, outstanding, today));
        }).toList();
    }

    private static InvoiceStatus status(Row r, BigDecimal outstanding, LocalDate today) {
        if ("CANCELLED".equals(r.status())) {
            return InvoiceStatus.CANCELLED;
        }
        if ("SUPERSEDED".equals(r.status())) {
            return InvoiceStatus.SUPERSEDED;
        }
        if (outstanding.signum() <= 0) {
            return InvoiceStatus.PAID;
        }
        if (r.dueOn() != null && today.isAfter(r.dueOn())) {
            return InvoiceStatus.OVERDUE;
        }
        return outstanding.compareTo(r.gross()) < 0 ? InvoiceStatus.PARTLY_PAID : InvoiceStatus.ISSUED;
    }

    @Transactional(readOnly = true)
    public Optional<InvoiceRef> invoice(long id) {
        return withOutstanding(jdbc.sql("select " + COLUMNS + " from documents.document d where d.id = :id and d.kind = 'INVOICE'")
                .param("id", id).query(DocumentsApi::row).list()).stream().findFirst();
    }

    /**
     * Locks the invoice row until the caller's transaction ends (allocating money to it and cancelling it take the
     * same lock) and returns it with what is left to pay.
     */
    @Transactional
    public Optional<InvoiceRef> lockInvoice(long id) {
        return withOutstanding(jdbc.sql("select " + COLUMNS
                        + " from documents.document d where d.id = :id and d.kind = 'INVOICE' for update")
                .param("id", id).query(DocumentsApi::row).list()).stream().findFirst();
    }

    /** The current version of the invoice with this printed number (СЧ-2026-00042), if any. */
    @Transactional(readOnly = true)
    public Optional<InvoiceRef> invoiceByNumber(String number) {
        return withOutstanding(jdbc.sql("select " + COLUMNS + """
                         from documents.document d
                        where d.kind = 'INVOICE' and upper(d.number) = upper(:number)
                        order by d.version desc limit 1""")
                .param("number", number == null ? "" : number.strip()).query(DocumentsApi::row).list())
                .stream().findFirst();
    }

    /** The invoice of one year and sequence number (what a bank payment's purpose usually names), latest version. */
    @Transactional(readOnly = true)
    public Optional<InvoiceRef> invoiceBySequence(int year, int seq) {
        return withOutstanding(jdbc.sql("select " + COLUMNS + """
                         from documents.document d
                        where d.kind = 'INVOICE' and d.year = :year and d.seq = :seq
                        order by d.version desc limit 1""")
                .param("year", year).param("seq", seq).query(DocumentsApi::row).list()).stream().findFirst();
    }

    /** The current invoice of an order, if it has one. */
    @Transactional(readOnly = true)
    public Optional<InvoiceRef> invoiceOfOrder(long orderId) {
        return withOutstanding(jdbc.sql("select " + COLUMNS + """
                         from documents.document d
                        where d.kind = 'INVOICE' and d.order_id = :order and d.status = 'ISSUED'""")
                .param("order", orderId).query(DocumentsApi::row).list()).stream().findFirst();
    }

    /** The legal entity's invoices that still wait for money, the oldest due first. */
    @Transactional(readOnly = true)
    public List<InvoiceRef> openInvoices(long legalEntityId) {
        return withOutstanding(jdbc.sql("select " + COLUMNS + """
                         from documents.document d
                        where d.kind = 'INVOICE' and d.status = 'ISSUED' and d.legal_entity_id = :entity
                        order by d.due_on, d.id""")
                .param("entity", legalEntityId).query(DocumentsApi::row).list())
                .stream().filter(i -> i.status().open()).toList();
    }

    /** Every open invoice of every legal entity whose due date passed before {@code day} (for credit holds, aging). */
    @Transactional(readOnly = true)
    public List<InvoiceRef> openInvoicesDueBefore(LocalDate day) {
        return withOutstanding(jdbc.sql("select " + COLUMNS + """
                         from documents.document d
                        where d.kind = 'INVOICE' and d.status = 'ISSUED' and d.due_on < :day
                        order by d.legal_entity_id, d.due_on""")
                .param("day", day).query(DocumentsApi::row).list())
                .stream().filter(i -> i.status().open()).toList();
    }

    /** Every open invoice (for aging and reminders), the oldest due first. */
    @Transactional(readOnly = true)
    public List<InvoiceRef> allOpenInvoices() {
        return withOutstanding(jdbc.sql("select " + COLUMNS + """
                         from documents.document d
                        where d.kind = 'INVOICE' and d.status = 'ISSUED'
                        order by d.due_on, d.id""")
                .query(DocumentsApi::row).list())
                .stream().filter(i -> i.status().open()).toList();
    }

    /**
     * When a document was issued: its date of issue at the time of day it was written (Moscow), or the moment it was
     * written when that was on the same day. The CRM timeline dates invoices and documents by it.
     */
    @Transactional(readOnly = true)
    public Optional<java.time.Instant> issuedAt(long documentId) {
        return jdbc.sql("""
                        select case when (created_at at time zone 'Europe/Moscow')::date = issued_on then created_at
                                    else (issued_on + (created_at at time zone 'Europe/Moscow')::time)
                                         at time zone 'Europe/Moscow' end
                          from documents.document where id = :id""")
                .param("id", documentId).query(java.time.OffsetDateTime.class).optional()
                .map(java.time.OffsetDateTime::toInstant);
    }
}
