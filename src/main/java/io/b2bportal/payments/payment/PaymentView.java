package io.b2bportal.payments.payment;

import io.b2bportal.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A payment as lists, the review screen and the API show it.
 *
 * @param unapplied what of the payment is neither allocated to invoices nor refunded: the entity's advance from it
 * @param state     the status as staff filter by it: MATCHED (posted, fully applied), ADVANCE (posted, something
 *                  left), UNMATCHED, PENDING, DECLINED
 */
public record PaymentView(long id, Long legalEntityId, String entityName, String entityInn, String companyName,
        PaymentSource source, PaymentStatus status, String state, BigDecimal amount, String currency,
        LocalDate receivedOn, String payerInn, String payerName, String payerAccount, String purpose,
        String bankDocNumber, LocalDate bankDocDate, String matchKey, List<String> matchArgs, Long statementId,
        Long invoiceId, BigDecimal unapplied, OffsetDateTime registeredAt, List<Applied> applied) {

    /** A part of the payment: paid to an invoice, or refunded (invoice null). */
    public record Applied(String kind, Long invoiceId, String invoiceNumber, BigDecimal amount,
            OffsetDateTime at) {

        public Money money() {
            return new Money(amount, Money.RUB);
        }
    }

    public Money money() {
        return new Money(amount, Money.RUB);
    }

    public Money unappliedMoney() {
        return new Money(unapplied, Money.RUB);
    }
}
