package io.b2bportal.customers;

import io.b2bportal.shared.Money;

/**
 * What a buyer of a company may order without an approver: gross per order and per calendar month. A null amount is
 * no limit of that kind; {@link #none()} is a buyer without limits (nothing of theirs waits for approval).
 */
public record ApprovalLimit(long userId, Money perOrder, Money perMonth) {

    public static ApprovalLimit none(long userId) {
        return new ApprovalLimit(userId, null, null);
    }

    public boolean limited() {
        return perOrder != null || perMonth != null;
    }
}
