package io.b2bportal.ordering;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What ordering asks the finance side about a legal entity before it places an order: how much is invoiced and not
 * yet paid, and whether overdue debts put the entity on credit hold. Implemented by the payments module (which knows
 * invoices, payments and holds); with no implementation, nothing is owed and nobody is on hold.
 */
public interface Receivables {

    /** Invoiced and not yet paid or credited; negative when the entity paid in advance. */
    BigDecimal outstanding(long legalEntityId);

    /** The credit hold that refuses the entity's new orders, if it is on one now. */
    Optional<CreditHold> hold(long legalEntityId);

    /** {@link #outstanding(long)} of several legal entities at once (lists); implementations answer in one query. */
    default java.util.Map<Long, BigDecimal> outstanding(java.util.Collection<Long> legalEntityIds) {
        java.util.Map<Long, BigDecimal> balances = new java.util.HashMap<>();
        legalEntityIds.forEach(id -> balances.put(id, outstanding(id)));
        return balances;
    }

    /** Which of these legal entities are on credit hold now (lists); implementations answer in one query. */
    default java.util.Set<Long> onHold(java.util.Collection<Long> legalEntityIds) {
        return legalEntityIds.stream().filter(id -> hold(id).isPresent()).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * A legal entity on credit hold.
     *
     * @param overdue     the overdue amount that put it there
     * @param oldestDueOn the due date of its oldest overdue invoice
     */
    record CreditHold(long legalEntityId, BigDecimal overdue, java.time.LocalDate oldestDueOn) {
    }
}
