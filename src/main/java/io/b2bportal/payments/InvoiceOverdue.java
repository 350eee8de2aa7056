package io.b2bportal.payments;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice is overdue (published on its first day overdue and every week after while unpaid): the buyer's
 * accountants were reminded. For the account manager's task once CRM exists.
 */
public record InvoiceOverdue(long invoiceId, String number, long legalEntityId, long companyId, BigDecimal outstanding,
        LocalDate dueOn, long daysOverdue, Long accountManagerId) {
}
