package io.b2bportal.payments;

/**
 * A legal entity's credit hold ended: the overdue invoices were paid (or cancelled), {@code released} false; or a
 * seller accountant released it ({@code released} true, by {@code releasedBy}, with a reason).
 */
public record CreditHoldLifted(long holdId, long legalEntityId, long companyId, boolean released, Long releasedBy,
        String reason) {
}
