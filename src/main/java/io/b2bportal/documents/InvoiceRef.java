package io.b2bportal.documents;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice as payments, credit control and reminders see it.
 *
 * @param outstanding what is left to pay (ledger: sum of the invoice's receivable postings); 0 when paid
 * @param buyerInn    the buyer's INN on the invoice, for matching bank payments
 */
public record InvoiceRef(long id, String number, int version, LocalDate issuedOn, LocalDate dueOn, long legalEntityId,
        long companyId, String buyerName, String buyerInn, Long orderId, String orderNumber, String paymentTerms,
        String currency, BigDecimal gross, BigDecimal outstanding, InvoiceStatus status) {

    public BigDecimal paid() {
        return gross.subtract(outstanding.max(BigDecimal.ZERO)).max(BigDecimal.ZERO);
    }

    /** Days past the due date on the given day (0 when not yet due or not open). */
    public long daysOverdue(LocalDate today) {
        if (!status.open() || dueOn == null || !today.isAfter(dueOn)) {
            return 0;
        }
        return java.time.temporal.ChronoUnit.DAYS.between(dueOn, today);
    }
}
