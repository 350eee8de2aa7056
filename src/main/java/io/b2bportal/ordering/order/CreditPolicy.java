package io.b2bportal.ordering.order;

import io.b2bportal.customers.ContractTerms;
import io.b2bportal.ordering.cart.Reason;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A legal entity that buys on deferral may have open orders worth at most its credit limit: the limit minus what its
 * open orders (placed, not yet completed or cancelled) already take must cover the new order. Prepayment contracts
 * have no credit to exceed. Plain Java: the caller sums the open orders under a lock per legal entity.
 */
public final class CreditPolicy {

    private CreditPolicy() {
    }

    public static Optional<Reason> check(ContractTerms terms, BigDecimal openOrders, BigDecimal newOrders) {
        if (terms.paymentTerms() != ContractTerms.PaymentTerms.DEFERRAL) {
            return Optional.empty();
        }
        BigDecimal limit = terms.creditLimit().amount();
        BigDecimal left = limit.subtract(openOrders).max(BigDecimal.ZERO);
        if (newOrders.compareTo(left) > 0) {
            return Optional.of(Reason.of("orders.refused.credit", newOrders, left, limit, openOrders));
        }
        return Optional.empty();
    }

    /** Whether the contract has a credit limit to check (and so checkouts of the entity are serialized). */
    public static boolean applies(ContractTerms terms) {
        return terms.paymentTerms() == ContractTerms.PaymentTerms.DEFERRAL;
    }
}
