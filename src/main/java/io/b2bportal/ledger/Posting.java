package io.b2bportal.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a journal entry.
 *
 * @param itemId the open item of a receivable posting (the invoice's document id); null for an unallocated amount
 *               (an advance) and for the other accounts
 * @param amount debit positive, credit negative, in kopecks precision; never zero
 */
public record Posting(Account account, long legalEntityId, Long itemId, BigDecimal amount) {

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() == 0) {
            throw new IllegalArgumentException("a posting of zero");
        }
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("a posting finer than a kopeck: " + amount);
        }
    }

    public static Posting debit(Account account, long legalEntityId, Long itemId, BigDecimal amount) {
        return new Posting(account, legalEntityId, itemId, amount);
    }

    public static Posting credit(Account account, long legalEntityId, Long itemId, BigDecimal amount) {
        return new Posting(account, legalEntityId, itemId, amount.negate());
    }
}
