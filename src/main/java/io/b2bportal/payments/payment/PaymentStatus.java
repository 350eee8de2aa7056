package io.b2bportal.payments.payment;

/**
 * Where a payment stands. PENDING: an online payment waits for its provider; DECLINED: the provider said no, nothing
 * was posted; UNMATCHED: money received that nobody has yet said whose it is (the review screen); POSTED: in the
 * ledger, allocated to invoices and/or the entity's advance.
 */
public enum PaymentStatus {
    PENDING, DECLINED, UNMATCHED, POSTED
}
