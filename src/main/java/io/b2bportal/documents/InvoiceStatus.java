package io.b2bportal.documents;

/**
 * Where an invoice stands, derived from its document status, the ledger (what is left to pay) and its due date.
 * Nothing stores PAID or OVERDUE: they are what the postings and the calendar say today.
 */
public enum InvoiceStatus {
    ISSUED, PARTLY_PAID, PAID, OVERDUE, CANCELLED, SUPERSEDED;

    /** Whether money may still be allocated to it. */
    public boolean open() {
        return this == ISSUED || this == PARTLY_PAID || this == OVERDUE;
    }
}
