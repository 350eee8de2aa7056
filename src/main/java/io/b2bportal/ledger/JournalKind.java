package io.b2bportal.ledger;

/** What a journal entry records. */
public enum JournalKind {
    INVOICE, INVOICE_CANCELLED, PAYMENT, ALLOCATION, CREDIT_NOTE, REFUND, ADJUSTMENT
}
