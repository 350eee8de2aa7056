package io.b2bportal.documents.creditnote;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRequisites;
import io.b2bportal.documents.CreditNoteRequest;
import io.b2bportal.documents.DocumentIssued;
import io.b2bportal.documents.DocumentKind;
import io.b2bportal.documents.DocumentRef;
import io.b2bportal.documents.issue.DocumentStore;
import io.b2bportal.documents.issue.NewDocument;
import io.b2bportal.ledger.Account;
import io.b2bportal.ledger.JournalEntry;
import io.b2bportal.ledger.JournalKind;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit notes: money the seller owes back to a legal entity (a claim accepted, a price corrected). Each one posts
 * Dr sales returns (net) and Dr VAT / Cr receivable: the invoice's open item first, up to what is left of it, and the
 * rest unallocated (the legal entity's advance). The invoice is locked while that is decided, as payments lock it.
 */
@Service
public class CreditNotes {

    static final Set<String> VAT_RATES = Set.of("22", "20", "10", "0", "EXEMPT");
    private static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final CustomersApi customers;
    private final PlatformApi platform;
    private final LedgerApi ledger;
    private final DocumentStore store;
    private final ApplicationEventPublisher events;

    CreditNotes(JdbcClient jdbc, CustomersApi customers, PlatformApi platform, LedgerApi ledger, DocumentStore store,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.platform = platform;
        this.ledger = ledger;
        this.store = store;
        this.events = events;
    }

    private record Invoice(long id, String number, long legalEntityId, String status, BigDecimal totalGross,
            String orderNumber) {
    }

    @Transactional
    public DocumentRef issue(CreditNoteRequest request) {
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw DomainException.invalid("credit-note-reason", "documents.creditnote.reason.required");
        }
        if (reason.length() > MAX_REASON) {
            throw DomainException.invalid("credit-note-reason", "documents.creditnote.reason.too-long", MAX_REASON);
        }
        LegalEntityRequisites buyer = customers.requisites(request.legalEntityId())
                .orElseThrow(() -> DomainException.notFound("legal-entity", request.legalEntityId()));
        List<NewDocument.Line> lines = lines(request, reason);
        BigDecimal gross = lines.stream().map(NewDocument.Line::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal vat = lines.stream().map(NewDocument.Line::vat).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (gross.signum() <= 0) {
            throw DomainException.invalid("credit-note-amount", "documents.creditnote.amount.positive");
        }
        Invoice invoice = null;
        BigDecimal left = BigDecimal.ZERO;
        if (request.invoiceId() != null) {
            invoice = jdbc.sql("""
                            select id, number, legal_entity_id, status, total_gross, order_number
                              from documents.document where id = :id and kind = 'INVOICE' for update""")
                    .param("id", request.invoiceId()).query(Invoice.class).optional()
                    .filter(i -> i.legalEntityId() == request.legalEntityId())
                    .orElseThrow(() -> DomainException.invalid("credit-note-invoice",
                            "documents.creditnote.invoice.unknown", request.invoiceId()));
            if (!"ISSUED".equals(invoice.status())) {
                throw DomainException.invalid("credit-note-invoice", "documents.creditnote.invoice.not-current",
                        invoice.number());
            }
            BigDecimal credited = jdbc.sql("""
                            select coalesce(sum(total_gross), 0) from documents.document
                             where kind = 'CREDIT_NOTE' and invoice_id = :id""")
                    .param("id", invoice.id()).query(BigDecimal.class).single();
            BigDecimal creditable = invoice.totalGross().subtract(credited);
            if (gross.compareTo(creditable) > 0) {
                throw DomainException.invalid("credit-note-too-much", "documents.creditnote.amount.too-much",
                        creditable.toPlainString(), invoice.number());
            }
            left = ledger.outstanding(List.of(invoice.id())).getOrDefault(invoice.id(), BigDecimal.ZERO)
                    .max(BigDecimal.ZERO);
        }
        LocalDate today = BusinessDate.today();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        details.put("invoiceNumber", invoice == null ? null : invoice.number());
        NewDocument document = new NewDocument(DocumentKind.CREDIT_NOTE, today, request.legalEntityId(),
                buyer.companyId(), null, invoice == null ? null : invoice.orderNumber(), null,
                invoice == null ? null : invoice.id(), "RUB", gross.subtract(vat), vat, gross, null, null,
                platform.seller().orElse(null), buyer, details, request.actorId(), lines);
        DocumentStore.Issued issued = store.insert(document);
        BigDecimal toInvoice = gross.min(left);
        ledger.post(new JournalEntry.Builder(JournalKind.CREDIT_NOTE, request.legalEntityId(), today)
                .document(issued.id()).postedBy(request.actorId())
                .memo("Кредит-нота " + issued.number() + (invoice == null ? "" : " к счёту " + invoice.number()))
                .debit(Account.SALES_RETURNS, null, gross.subtract(vat))
                .debit(Account.VAT, null, vat)
                .credit(Account.RECEIVABLE, invoice == null ? null : invoice.id(), toInvoice)
                .credit(Account.RECEIVABLE, null, gross.subtract(toInvoice))
                .build());
        events.publishEvent(new DocumentIssued(issued.id(), DocumentKind.CREDIT_NOTE, issued.number(),
                buyer.companyId(), request.legalEntityId(), null));
        return new DocumentRef(issued.id(), DocumentKind.CREDIT_NOTE, issued.number(), today,
                request.legalEntityId(), gross);
    }

    private static List<NewDocument.Line> lines(CreditNoteRequest request, String reason) {
        List<NewDocument.Line> lines = new ArrayList<>();
        if (request.lines() == null || request.lines().isEmpty()) {
            if (request.amount() == null || request.amount().signum() <= 0) {
                throw DomainException.invalid("credit-note-amount", "documents.creditnote.amount.positive");
            }
            BigDecimal gross = kopecks(request.amount());
            BigDecimal vat = vat(gross, rate(request.vatRate()));
            lines.add(new NewDocument.Line(1, null, reason, null, null, null, null, null, null,
                    rate(request.vatRate()), gross.subtract(vat), vat, gross));
            return lines;
        }
        int no = 0;
        for (CreditNoteRequest.Line l : request.lines()) {
            if (l.name() == null || l.name().isBlank() || l.quantity() == null || l.quantity().signum() <= 0
                    || l.unitGross() == null || l.unitGross().signum() <= 0) {
                throw DomainException.invalid("credit-note-line", "documents.creditnote.line.invalid", no + 1);
            }
            String rate = rate(l.vatRate());
            BigDecimal gross = l.quantity().multiply(l.unitGross()).setScale(2, RoundingMode.HALF_UP);
            BigDecimal vat = vat(gross, rate);
            BigDecimal unitNet = l.unitGross().subtract(vat(l.unitGross(), rate));
            lines.add(new NewDocument.Line(++no, l.sku(), l.name().strip(), null, null, null, l.quantity(), unitNet,
                    l.unitGross(), rate, gross.subtract(vat), vat, gross));
        }
        return lines;
    }

    private static String rate(String rate) {
        String r = rate == null || rate.isBlank() ? "22" : rate.strip().replace("%", "");
        if (!VAT_RATES.contains(r)) {
            throw DomainException.invalid("credit-note-vat", "documents.creditnote.vat.unknown", rate);
        }
        return r;
    }

    private static BigDecimal kopecks(BigDecimal amount) {
        if (amount.stripTrailingZeros().scale() > 2) {
            throw DomainException.invalid("credit-note-amount", "documents.creditnote.amount.kopecks", amount);
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** VAT inside an amount with VAT: gross × rate / (100 + rate), HALF_UP to kopecks. */
    static BigDecimal vat(BigDecimal gross, String rate) {
        if ("EXEMPT".equals(rate) || "0".equals(rate)) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal r = new BigDecimal(rate);
        return gross.multiply(r).divide(r.add(BigDecimal.valueOf(100)), 2, RoundingMode.HALF_UP);
    }
}
