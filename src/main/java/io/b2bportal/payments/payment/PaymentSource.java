package io.b2bportal.payments.payment;

/** Where a payment came from. */
public enum PaymentSource {
    MANUAL, BANK_STATEMENT, ONLINE
}
