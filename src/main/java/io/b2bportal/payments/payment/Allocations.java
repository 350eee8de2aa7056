package io.b2bportal.payments.payment;

import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.ledger.Account;
import io.b2bportal.ledger.JournalEntry;
import io.b2bportal.ledger.JournalKind;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.payments.InvoicePaid;
import io.b2bportal.payments.PaymentReceived;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts money to work: posts a payment (Dr BANK / Cr RECEIVABLE per invoice it pays, the rest unallocated = the
 * entity's advance), applies an advance to an invoice later (ALLOCATION), refunds an advance (REFUND). Never more than
 * an invoice's outstanding goes to it: each invoice is locked ({@link DocumentsApi#lockInvoice}) before its
 * outstanding is read, and the legal entity's advance is guarded by a transaction-scoped advisory lock taken before
 * any invoice lock (always in that order, so two allocations never deadlock). An invoice that this settles publishes
 * {@link InvoicePaid}; a prepaid order is confirmed in the same transaction.
 */
@Service
public class Allocations {

    private final Payments payments;
    private final DocumentsApi documents;
    private final LedgerApi ledger;
    private final OrderingApi ordering;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    Allocations(Payments payments, DocumentsApi documents, LedgerApi ledger, OrderingApi ordering,
            ApplicationEventPublisher events, JdbcClient jdbc) {
        this.payments = payments;
        this.documents = documents;
        this.ledger = ledger;
        this.ordering = ordering;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** What posting did: per invoice the amount it took, and what is left as the advance. */
    public record Posted(long paymentId, Map<Long, BigDecimal> toInvoices, BigDecimal advance) {
    }

    /**
     * Posts a recorded (unmatched, pending or just registered) payment of a legal entity: first to the named invoices
     * in the order given, each up to what is left to pay of it; with none named and {@code oldestFirst}, to the
     * entity's open invoices, the oldest due first; the rest stays the entity's advance. An invoice of another entity,
     * or one that is no longer open, named explicitly is refused (nothing posted).
     */
    @Transactional
    public Posted post(long paymentId, long legalEntityId, List<Long> invoiceIds, boolean oldestFirst, Long userId) {
        lockAdvance(legalEntityId);
        Payments.Locked payment = payments.lock(paymentId)
                .orElseThrow(() -> DomainException.notFound("payment", paymentId));
        if (payment.status() == PaymentStatus.POSTED) {
            throw DomainException.conflict("payment-posted", "payments.refused.already-posted", paymentId);
        }
        if (payment.status() == PaymentStatus.DECLINED) {
            throw DomainException.conflict("payment-declined", "payments.refused.declined", paymentId);
        }
        List<Long> targets = new ArrayList<>(new LinkedHashSet<>(invoiceIds == null ? List.of() : invoiceIds));
        boolean named = !targets.isEmpty();
        if (!named && oldestFirst) {
            targets = documents.openInvoices(legalEntityId).stream().map(InvoiceRef::id).toList();
        }
        Map<Long, InvoiceRef> locked = lockInvoices(targets);
        BigDecimal left = payment.amount();
        Map<Long, BigDecimal> taken = new LinkedHashMap<>();
        for (Long id : targets) {
            InvoiceRef invoice = locked.get(id);
            if (invoice == null) {
                throw DomainException.notFound("invoice", id);
            }
            if (invoice.legalEntityId() != legalEntityId) {
                throw DomainException.invalid("invoice-of-another-entity", "payments.refused.other-entity",
                        invoice.number());
            }
            if (!invoice.status().open() || invoice.outstanding().signum() <= 0) {
                if (named) {
                    throw DomainException.invalid("invoice-not-open", "payments.refused.not-open", invoice.number());
                }
                continue;
            }
            BigDecimal take = left.min(invoice.outstanding());
            if (take.signum() > 0) {
                taken.put(id, take);
                left = left.subtract(take);
            }
        }
        JournalEntry.Builder entry = new JournalEntry.Builder(JournalKind.PAYMENT, legalEntityId,
                payment.receivedOn()).payment(paymentId).postedBy(userId)
                .memo(payment.bankDocNumber() == null ? "payment " + paymentId
                        : "payment order " + payment.bankDocNumber())
                .debit(Account.BANK, null, payment.amount());
        taken.forEach((invoice, amount) -> entry.credit(Account.RECEIVABLE, invoice, amount));
        entry.credit(Account.RECEIVABLE, null, left);
        long journal = ledger.post(entry.build());
        taken.forEach((invoice, amount) -> payments.addAllocation(paymentId, legalEntityId, "PAYMENT", invoice, amount,
                journal, userId));
        payments.markPosted(paymentId, legalEntityId);
        events.publishEvent(new PaymentReceived(paymentId, legalEntityId, payment.source().name(), payment.amount(),
                "RUB", payment.receivedOn(), List.copyOf(taken.keySet()), left));
        taken.forEach((invoice, amount) -> settled(locked.get(invoice), amount));
        return new Posted(paymentId, taken, left);
    }

    /**
     * Applies the legal entity's advance to an invoice (an ALLOCATION entry Dr RECEIVABLE(advance) / Cr
     * RECEIVABLE(invoice)), at most {@code max} when given, at most what is left to pay and what the advance holds.
     * The amount is attributed to the payments it came from, {@code preferredPayment} first, then the oldest.
     * Returns what was applied (zero when there was no advance or nothing left to pay).
     */
    @Transactional
    public BigDecimal applyAdvance(long legalEntityId, long invoiceId, BigDecimal max, Long preferredPayment,
            Long userId) {
        lockAdvance(legalEntityId);
        documents.invoice(invoiceId).map(InvoiceRef::orderId).ifPresent(order -> ordering.lockOrders(List.of(order)));
        InvoiceRef invoice = documents.lockInvoice(invoiceId)
                .orElseThrow(() -> DomainException.notFound("invoice", invoiceId));
        if (invoice.legalEntityId() != legalEntityId) {
            throw DomainException.invalid("invoice-of-another-entity", "payments.refused.other-entity",
                    invoice.number());
        }
        if (!invoice.status().open() || invoice.outstanding().signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal advance = ledger.unallocated(legalEntityId).negate();
        BigDecimal take = advance.min(invoice.outstanding());
        if (max != null) {
            take = take.min(max);
        }
        if (take.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        long journal = ledger.post(new JournalEntry.Builder(JournalKind.ALLOCATION, legalEntityId,
                BusinessDate.today()).document(invoiceId).payment(preferredPayment).postedBy(userId)
                .memo("advance applied to " + invoice.number())
                .debit(Account.RECEIVABLE, null, take).credit(Account.RECEIVABLE, invoiceId, take).build());
        BigDecimal rest = take;
        List<Payments.Unapplied> sources = new ArrayList<>(payments.unappliedOf(legalEntityId));
        if (preferredPayment != null) {
            sources.sort((a, b) -> Boolean.compare(a.id() != preferredPayment, b.id() != preferredPayment));
        }
        for (Payments.Unapplied source : sources) {
            if (rest.signum() <= 0) {
                break;
            }
            BigDecimal part = rest.min(source.unapplied());
            payments.addAllocation(source.id(), legalEntityId, "ALLOCATION", invoiceId, part, journal, userId);
            rest = rest.subtract(part);
        }
        if (rest.signum() > 0) {
            // an advance that came from a cancelled invoice's payments rather than from an unapplied payment
            payments.addAllocation(null, legalEntityId, "ALLOCATION", invoiceId, rest, journal, userId);
        }
        settled(invoice, take);
        return take;
    }

    /**
     * Pays back part of a payment that is still an advance (REFUND: Dr RECEIVABLE(advance) / Cr BANK). Refused when
     * the amount is more than what is unapplied of the payment or than the entity's advance.
     */
    @Transactional
    public void refund(long paymentId, BigDecimal amount, Long userId) {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw DomainException.invalid("bad-amount", "payments.refused.amount");
        }
        PaymentView peek = payments.find(paymentId)
                .orElseThrow(() -> DomainException.notFound("payment", paymentId));
        if (peek.legalEntityId() == null) {
            throw DomainException.conflict("payment-not-posted", "payments.refused.not-posted", paymentId);
        }
        long entity = peek.legalEntityId();
        lockAdvance(entity);
        Payments.Locked payment = payments.lock(paymentId).orElseThrow();
        if (payment.status() != PaymentStatus.POSTED) {
            throw DomainException.conflict("payment-not-posted", "payments.refused.not-posted", paymentId);
        }
        BigDecimal refundable = payment.unapplied().min(ledger.unallocated(entity).negate());
        if (amount.compareTo(refundable) > 0) {
            throw DomainException.invalid("refund-too-much", "payments.refused.refund-too-much", amount,
                    refundable.max(BigDecimal.ZERO));
        }
        long journal = ledger.post(new JournalEntry.Builder(JournalKind.REFUND, entity, BusinessDate.today())
                .payment(paymentId).postedBy(userId).memo("refund of payment " + paymentId)
                .debit(Account.RECEIVABLE, null, amount).credit(Account.BANK, null, amount).build());
        payments.addAllocation(paymentId, entity, "REFUND", null, amount, journal, userId);
    }

    /** The entity's advance now (what it paid beyond its invoices; zero or more). */
    public BigDecimal advance(long legalEntityId) {
        return ledger.unallocated(legalEntityId).negate().max(BigDecimal.ZERO);
    }

    private void settled(InvoiceRef invoice, BigDecimal took) {
        if (invoice.outstanding().subtract(took).signum() > 0) {
            return;
        }
        events.publishEvent(new InvoicePaid(invoice.id(), invoice.number(), invoice.legalEntityId(), invoice.orderId(),
                BusinessDate.today()));
        if ("PREPAYMENT".equals(invoice.paymentTerms()) && invoice.orderId() != null) {
            ordering.confirmPaid(invoice.orderId());
        }
    }

    /**
     * Invoices locked in id order (every allocation locks in the same order: no deadlocks), after their orders: a
     * paid prepaid order is confirmed in this transaction, and ordering locks an order before its invoice.
     */
    private Map<Long, InvoiceRef> lockInvoices(List<Long> ids) {
        ordering.lockOrders(documents.ordersOfInvoices(ids));
        Map<Long, InvoiceRef> locked = new TreeMap<>();
        ids.stream().sorted().forEach(id -> documents.lockInvoice(id).ifPresent(i -> locked.put(id, i)));
        return locked;
    }

    /** Serializes everything that reads and spends one legal entity's advance, until the transaction ends. */
    private void lockAdvance(long legalEntityId) {
        jdbc.sql("select pg_advisory_xact_lock(720, cast(:entity as int))").param("entity", legalEntityId)
                .query((rs, n) -> 1).list();
    }
}
