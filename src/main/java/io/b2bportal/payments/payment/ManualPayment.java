package io.b2bportal.payments.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment staff register by hand: whose, how much, when it reached the account, the purpose as the bank printed it,
 * the invoices to pay with it (in order; the rest is the entity's advance), and optionally the bank document.
 */
public record ManualPayment(Long legalEntityId, BigDecimal amount, LocalDate receivedOn, String purpose,
        List<Long> invoiceIds, String payerInn, String payerName, String bankDocNumber, LocalDate bankDocDate) {
}
