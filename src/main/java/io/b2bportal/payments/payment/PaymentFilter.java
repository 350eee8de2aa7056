package io.b2bportal.payments.payment;

import java.time.LocalDate;

/**
 * What the staff list of payments shows: a period of receipt, a state (MATCHED, ADVANCE, UNMATCHED, PENDING,
 * DECLINED), a customer (company or legal entity name, or INN, part of), a source; newest first, a page at a time.
 */
public record PaymentFilter(LocalDate from, LocalDate to, String state, String customer, PaymentSource source,
        Long legalEntityId, int page, int size) {

    public PaymentFilter {
        page = Math.max(page, 0);
        size = size <= 0 ? 50 : Math.min(size, 500);
        state = state == null || state.isBlank() ? null : state.strip().toUpperCase();
        customer = customer == null || customer.isBlank() ? null : customer.strip();
    }

    public static PaymentFilter ofEntity(long legalEntityId) {
        return new PaymentFilter(null, null, null, null, null, legalEntityId, 0, 500);
    }
}
