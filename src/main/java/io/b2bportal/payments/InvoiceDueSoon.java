package io.b2bportal.payments;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice falls due in a few days and is not paid: the buyer's accountants were reminded (mail and notification).
 * For the account manager's task once CRM exists; {@code accountManagerId} null when the customer has none.
 */
public record InvoiceDueSoon(long invoiceId, String number, long legalEntityId, long companyId, BigDecimal outstanding,
        LocalDate dueOn, Long accountManagerId) {
}
