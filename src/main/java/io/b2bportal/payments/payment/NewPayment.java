package io.b2bportal.payments.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment to record, as a form, a bank statement document or an online provider gives it. {@code legalEntityId}
 * null = not known yet (it waits in review).
 */
public record NewPayment(Long legalEntityId, PaymentSource source, PaymentStatus status, BigDecimal amount,
        LocalDate receivedOn, String payerInn, String payerName, String payerAccount, String purpose,
        String bankDocNumber, LocalDate bankDocDate, String dedupeKey, Long statementId, String provider,
        String providerRef, Long invoiceId, Long registeredBy, String matchKey, String[] matchArgs) {

    public NewPayment {
        if (matchArgs == null) {
            matchArgs = new String[0];
        }
    }
}
