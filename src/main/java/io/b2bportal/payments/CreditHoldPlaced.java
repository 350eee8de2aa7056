package io.b2bportal.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Overdue invoices put a legal entity on credit hold: its new orders are refused until it pays or a seller accountant
 * releases the hold. Published after the hold is recorded (listeners run after commit). CRM will make a task of it.
 */
public record CreditHoldPlaced(long holdId, long legalEntityId, long companyId, BigDecimal overdue,
        LocalDate oldestDueOn, List<Long> invoiceIds) {
}
