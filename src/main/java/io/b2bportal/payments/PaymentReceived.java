package io.b2bportal.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment of a legal entity was posted to the ledger: how much, from where, which invoices it paid and what is left
 * of it as the entity's advance. Published in the posting transaction; listeners of other modules run after commit.
 *
 * @param source MANUAL, BANK_STATEMENT or ONLINE
 */
public record PaymentReceived(long paymentId, long legalEntityId, String source, BigDecimal amount, String currency,
        LocalDate receivedOn, List<Long> invoiceIds, BigDecimal advance) {
}
