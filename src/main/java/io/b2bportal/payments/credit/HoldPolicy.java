package io.b2bportal.payments.credit;

import io.b2bportal.documents.InvoiceRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When overdue debts put a legal entity on credit hold: an open invoice of a deferral order (prepayment orders are
 * not shipped before they are paid, so they risk nothing) more than {@code holdAfterDays} days past its due date, and
 * not covered by a release still in force. Plain Java: the rule is tested without a database.
 */
public record HoldPolicy(int holdAfterDays) {

    public HoldPolicy {
        if (holdAfterDays < 0) {
            throw new IllegalArgumentException("portal.credit.hold-after-days must not be negative: " + holdAfterDays);
        }
    }

    /** Why the entity is on hold: the invoices, how much of them is left to pay, the oldest due date. */
    public record Reason(List<Long> invoiceIds, BigDecimal overdue, LocalDate oldestDueOn) {
    }

    /** The reason to hold, or empty when nothing is overdue long enough (or all of it is released). */
    public Optional<Reason> evaluate(Collection<InvoiceRef> openInvoices, LocalDate today, Set<Long> released) {
        List<InvoiceRef> holding = openInvoices.stream()
                .filter(i -> "DEFERRAL".equals(i.paymentTerms()))
                .filter(i -> i.outstanding().signum() > 0)
                .filter(i -> i.daysOverdue(today) > holdAfterDays)
                .filter(i -> !released.contains(i.id()))
                .sorted(Comparator.comparing(InvoiceRef::dueOn).thenComparing(InvoiceRef::id))
                .toList();
        if (holding.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reason(holding.stream().map(InvoiceRef::id).toList(),
                holding.stream().map(InvoiceRef::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add),
                holding.getFirst().dueOn()));
    }
}
