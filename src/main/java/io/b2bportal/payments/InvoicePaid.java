package io.b2bportal.payments;

import java.time.LocalDate;

/**
 * Nothing is left to pay of an invoice (a payment or an applied advance settled it). A prepaid order is confirmed in
 * the same transaction; credit control and reminders listen to lift holds and stop reminding.
 */
public record InvoicePaid(long invoiceId, String number, long legalEntityId, Long orderId, LocalDate paidOn) {
}
