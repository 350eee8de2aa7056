package io.b2bportal.documents.invoice;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRequisites;
import io.b2bportal.documents.DocumentKind;
import io.b2bportal.documents.InvoiceCancelled;
import io.b2bportal.documents.InvoiceIssued;
import io.b2bportal.ledger.Account;
import io.b2bportal.ledger.JournalEntry;
import io.b2bportal.ledger.JournalKind;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.ordering.OrderCancelled;
import io.b2bportal.ordering.OrderChanged;
import io.b2bportal.ordering.OrderPlaced;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.ordering.OrderingApi.OrderDocument;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.Seller;
import io.b2bportal.shared.BusinessDate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every placed order has an invoice for payment, issued in the transaction that places it (so an order is never
 * placed without one, and the credit check that follows sees it in the ledger). A change of the order before
 * confirmation issues a corrected version with the same number; a cancellation cancels the invoice, or, when part of
 * the order already shipped, corrects it to what shipped. Each issue posts to the ledger: receivable (the invoice as
 * its open item) against sales and VAT; each cancellation reverses that, and what had been paid moves to the new
 * version or becomes the legal entity's advance.
 */
@Service
public class Invoicing {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final OrderingApi ordering;
    private final CustomersApi customers;
    private final PlatformApi platform;
    private final LedgerApi ledger;
    private final InvoiceNumbering numbering;
    private final ApplicationEventPublisher events;
    private final int prepaymentDays;

    Invoicing(JdbcClient jdbc, OrderingApi ordering, CustomersApi customers, PlatformApi platform, LedgerApi ledger,
            InvoiceNumbering numbering, ApplicationEventPublisher events,
            @org.springframework.beans.factory.annotation.Value("${portal.documents.prepayment-due-days:3}")
            int prepaymentDays) {
        this.jdbc = jdbc;
        this.ordering = ordering;
        this.customers = customers;
        this.platform = platform;
        this.ledger = ledger;
        this.numbering = numbering;
        this.events = events;
        this.prepaymentDays = prepaymentDays;
    }

    /** The invoice line as it is stored: the order line, or the part of it that shipped. */
    record Line(int lineNo, String sku, String name, String nameEn, String unitCode, String unitName,
            BigDecimal quantity, BigDecimal unitNet, BigDecimal unitGross, String vatRate, BigDecimal net,
            BigDecimal vat, BigDecimal gross) {
    }

    private record Current(long id, String number, int year, Integer seq, int version, long legalEntityId,
            long companyId, String orderNumber, BigDecimal totalNet, BigDecimal totalVat, BigDecimal totalGross) {
    }

    @EventListener
    void on(OrderPlaced placed) {
        issue(placed.orderId(), null);
    }

    @EventListener
    void on(OrderChanged changed) {
        if ("PLACED".equals(changed.status())) {
            correct(changed.orderId(), null);
        } else {
            // back to approval: not payable until approved again (then a new version is issued)
            cancel(changed.orderId(), null);
        }
    }

    @EventListener
    void on(OrderCancelled cancelled) {
        OrderDocument order = ordering.order(cancelled.orderId()).orElseThrow();
        if (order.lines().stream().anyMatch(l -> l.shipped().signum() > 0)) {
            correct(cancelled.orderId(), null);
        } else {
            cancel(cancelled.orderId(), null);
        }
    }

    /**
     * Issues the order's invoice, dated today (the business day); a new version with the same number if an earlier
     * one was cancelled. Does nothing (returns the invoice) when a current invoice exists.
     */
    @Transactional
    public long issue(long orderId, Long actorId) {
        Optional<Current> current = current(orderId, true);
        if (current.isPresent()) {
            return current.get().id();
        }
        OrderDocument order = ordering.order(orderId).orElseThrow();
        Optional<Current> previous = latest(orderId);
        long id = insert(order, lines(order, false), previous.orElse(null), actorId);
        return id;
    }

    /** Replaces the current invoice with a version of the order as it is now (or as it shipped, once cancelled). */
    @Transactional
    public Optional<Long> correct(long orderId, Long actorId) {
        Optional<Current> current = current(orderId, true);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        OrderDocument order = ordering.order(orderId).orElseThrow();
        List<Line> lines = lines(order, "CANCELLED".equals(order.status()));
        if (lines.isEmpty()) {
            cancel(orderId, actorId);
            return Optional.empty();
        }
        Current old = current.get();
        BigDecimal paid = paid(old);
        jdbc.sql("update documents.document set status = 'SUPERSEDED' where id = :id").param("id", old.id()).update();
        long id = insert(order, lines, old, actorId);
        BigDecimal newGross = lines.stream().map(Line::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
        reverse(old, paid, id, paid.min(newGross), actorId, "Исправлен: версия " + (old.version() + 1));
        events.publishEvent(new InvoiceCancelled(old.id(), old.number(), old.companyId(), old.legalEntityId(),
                orderId, old.totalGross(), id));
        return Optional.of(id);
    }

    /** Cancels the order's current invoice; what had been paid on it becomes the legal entity's advance. */
    @Transactional
    public void cancel(long orderId, Long actorId) {
        current(orderId, true).ifPresent(old -> {
            BigDecimal paid = paid(old);
            jdbc.sql("update documents.document set status = 'CANCELLED' where id = :id").param("id", old.id())
                    .update();
            reverse(old, paid, null, BigDecimal.ZERO, actorId, "Аннулирован");
            events.publishEvent(new InvoiceCancelled(old.id(), old.number(), old.companyId(), old.legalEntityId(),
                    orderId, old.totalGross(), null));
        });
    }

    private BigDecimal paid(Current invoice) {
        BigDecimal left = ledger.outstanding(List.of(invoice.id())).getOrDefault(invoice.id(), BigDecimal.ZERO);
        return invoice.totalGross().subtract(left).max(BigDecimal.ZERO);
    }

    /**
     * Reverses an invoice in the ledger: sales and VAT back, its receivable item closed; what was paid on it moves to
     * the new version ({@code toNew}) and the rest to the unallocated balance (an advance).
     */
    private void reverse(Current old, BigDecimal paid, Long newId, BigDecimal toNew, Long actorId, String memo) {
        LocalDate today = BusinessDate.today();
        JournalEntry.Builder entry = new JournalEntry.Builder(JournalKind.INVOICE_CANCELLED, old.legalEntityId(), today)
                .document(old.id()).postedBy(actorId).memo(memo + " " + (old.number() != null ? old.number()
                        : "счёт к заказу " + old.orderNumber()))
                .debit(Account.SALES, null, old.totalNet())
                .debit(Account.VAT, null, old.totalVat())
                .credit(Account.RECEIVABLE, old.id(), old.totalGross());
        if (paid.signum() > 0) {
            entry.debit(Account.RECEIVABLE, old.id(), paid);
            if (newId != null && toNew.signum() > 0) {
                entry.credit(Account.RECEIVABLE, newId, toNew);
            }
            entry.credit(Account.RECEIVABLE, null, paid.subtract(newId == null ? BigDecimal.ZERO : toNew));
        }
        ledger.post(entry.build());
    }

    private long insert(OrderDocument order, List<Line> lines, Current previous, Long actorId) {
        LocalDate today = BusinessDate.today();
        int year = previous != null ? previous.year() : today.getYear();
        // a first version is numbered right after this transaction commits (InvoiceNumbering); later ones keep it
        Integer seq = previous != null ? previous.seq() : null;
        int version = previous != null ? previous.version() + 1 : 1;
        String number = seq == null ? null : DocumentKind.INVOICE.number(year, seq);
        LocalDate due = "DEFERRAL".equals(order.paymentTerms()) ? today.plusDays(order.deferralDays())
                : today.plusDays(prepaymentDays);
        BigDecimal net = lines.stream().map(Line::net).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal vat = lines.stream().map(Line::vat).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal gross = lines.stream().map(Line::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
        LegalEntityRequisites buyer = customers.requisites(order.legalEntityId()).orElseThrow();
        Seller seller = platform.seller().orElse(null);
        long id = jdbc.sql("""
                        insert into documents.document (kind, number, year, seq, version, replaces_id, issued_on,
                                                        due_on, legal_entity_id, company_id, order_id, order_number,
                                                        payment_terms, currency, total_net, total_vat, total_gross,
                                                        seller, buyer, details, created_by)
                        values ('INVOICE', :number, :year, :seq, :version, :replaces, :issued, :due, :entity,
                                :company, :order, :orderNumber, :terms, :currency, :net, :vat, :gross,
                                cast(:seller as jsonb), cast(:buyer as jsonb), cast(:details as jsonb), :by)
                        returning id""")
                .param("number", number).param("year", year).param("seq", seq).param("version", version)
                .param("replaces", previous == null ? null : previous.id()).param("issued", today).param("due", due)
                .param("entity", order.legalEntityId()).param("company", order.companyId())
                .param("order", order.id()).param("orderNumber", order.number())
                .param("terms", order.paymentTerms()).param("currency", order.currency()).param("net", net)
                .param("vat", vat).param("gross", gross)
                .param("seller", JSON.writeValueAsString(seller == null ? Map.of() : seller))
                .param("buyer", JSON.writeValueAsString(buyer))
                .param("details", JSON.writeValueAsString(details(order)))
                .param("by", actorId).query(Long.class).single();
        // all lines in one statement: this runs inside every checkout
        jdbc.sql("""
                        insert into documents.document_line (document_id, line_no, sku, name, name_en, unit_code,
                                                             unit_name, quantity, unit_net, unit_gross, vat_rate,
                                                             line_net, line_vat, line_gross)
                        select :doc, * from unnest(cast(:no as int[]), cast(:sku as text[]), cast(:name as text[]),
                                                   cast(:nameEn as text[]), cast(:unitCode as text[]),
                                                   cast(:unitName as text[]), cast(:quantity as numeric[]),
                                                   cast(:unitNet as numeric[]), cast(:unitGross as numeric[]),
                                                   cast(:vatRate as text[]), cast(:net as numeric[]),
                                                   cast(:vat as numeric[]), cast(:gross as numeric[]))""")
                .param("doc", id)
                .param("no", lines.stream().map(Line::lineNo).toArray(Integer[]::new))
                .param("sku", lines.stream().map(Line::sku).toArray(String[]::new))
                .param("name", lines.stream().map(Line::name).toArray(String[]::new))
                .param("nameEn", lines.stream().map(Line::nameEn).toArray(String[]::new))
                .param("unitCode", lines.stream().map(Line::unitCode).toArray(String[]::new))
                .param("unitName", lines.stream().map(Line::unitName).toArray(String[]::new))
                .param("quantity", lines.stream().map(Line::quantity).toArray(BigDecimal[]::new))
                .param("unitNet", lines.stream().map(Line::unitNet).toArray(BigDecimal[]::new))
                .param("unitGross", lines.stream().map(Line::unitGross).toArray(BigDecimal[]::new))
                .param("vatRate", lines.stream().map(Line::vatRate).toArray(String[]::new))
                .param("net", lines.stream().map(Line::net).toArray(BigDecimal[]::new))
                .param("vat", lines.stream().map(Line::vat).toArray(BigDecimal[]::new))
                .param("gross", lines.stream().map(Line::gross).toArray(BigDecimal[]::new))
                .update();
        ledger.post(new JournalEntry.Builder(JournalKind.INVOICE, order.legalEntityId(), today)
                .document(id).postedBy(actorId).memo("Счёт к заказу " + order.number()
                        + (version > 1 ? " (версия " + version + ")" : ""))
                .debit(Account.RECEIVABLE, id, gross)
                .credit(Account.SALES, null, net)
                .credit(Account.VAT, null, vat)
                .build());
        if (number == null) {
            numbering.afterCommit(order.id());
        } else {
            events.publishEvent(new InvoiceIssued(id, number, version, order.companyId(), order.legalEntityId(),
                    order.id(), order.currency(), gross, due, order.paymentTerms()));
        }
        return id;
    }

    private static Map<String, Object> details(OrderDocument order) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("contractNumber", order.contractNumber());
        details.put("poNumber", order.poNumber());
        details.put("deferralDays", order.deferralDays());
        return details;
    }

    /** The order's lines, or (for a cancelled order) the parts of them that shipped, at the order's prices. */
    static List<Line> lines(OrderDocument order, boolean shippedOnly) {
        List<Line> lines = new ArrayList<>();
        for (OrderingApi.Line l : order.lines()) {
            BigDecimal quantity = shippedOnly ? l.shipped() : l.quantity();
            if (quantity.signum() <= 0) {
                continue;
            }
            BigDecimal gross = l.lineGross();
            BigDecimal vat = l.lineVat();
            if (quantity.compareTo(l.quantity()) != 0) {
                gross = l.lineGross().multiply(quantity).divide(l.quantity(), 2, RoundingMode.HALF_UP);
                vat = l.lineVat().multiply(quantity).divide(l.quantity(), 2, RoundingMode.HALF_UP);
            }
            lines.add(new Line(l.lineNo(), l.sku(), l.name(), l.nameEn(), l.unitCode(), l.unitName(), quantity,
                    l.unitNet(), l.unitGross(), l.vatRate(), gross.subtract(vat), vat, gross));
        }
        return lines;
    }

    private Optional<Current> current(long orderId, boolean lock) {
        return jdbc.sql("""
                        select id, number, year, seq, version, legal_entity_id, company_id, order_number, total_net,
                               total_vat, total_gross
                          from documents.document
                         where order_id = :order and kind = 'INVOICE' and status = 'ISSUED'""" + (lock ? " for update" : ""))
                .param("order", orderId).query(Current.class).optional();
    }

    private Optional<Current> latest(long orderId) {
        return jdbc.sql("""
                        select id, number, year, seq, version, legal_entity_id, company_id, order_number, total_net,
                               total_vat, total_gross
                          from documents.document
                         where order_id = :order and kind = 'INVOICE' order by version desc limit 1""")
                .param("order", orderId).query(Current.class).optional();
    }
}
