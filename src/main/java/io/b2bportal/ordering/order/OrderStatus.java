package io.b2bportal.ordering.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order stands. The lifecycle: awaiting approval → placed → confirmed → in fulfilment → partially shipped →
 * shipped → delivered → completed; cancelled from any state before shipped. Each state names the states it may go to.
 */
public enum OrderStatus {
    AWAITING_APPROVAL, PLACED, CONFIRMED, IN_FULFILMENT, PARTIALLY_SHIPPED, SHIPPED, DELIVERED, COMPLETED, CANCELLED;

    /** States whose orders still count against the legal entity's credit (until payments say otherwise). */
    public static final Set<OrderStatus> CLOSED = EnumSet.of(COMPLETED, CANCELLED);

    public Set<OrderStatus> next() {
        return switch (this) {
            case AWAITING_APPROVAL -> EnumSet.of(PLACED, CANCELLED);
            case PLACED -> EnumSet.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> EnumSet.of(IN_FULFILMENT, CANCELLED);
            case IN_FULFILMENT -> EnumSet.of(PARTIALLY_SHIPPED, SHIPPED, CANCELLED);
            case PARTIALLY_SHIPPED -> EnumSet.of(PARTIALLY_SHIPPED, SHIPPED, CANCELLED);
            case SHIPPED -> EnumSet.of(DELIVERED);
            case DELIVERED -> EnumSet.of(COMPLETED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean mayBecome(OrderStatus target) {
        return next().contains(target);
    }

    /** The buyer may cancel only before the seller confirmed the order. */
    public boolean buyerMayCancel() {
        return this == AWAITING_APPROVAL || this == PLACED;
    }

    public boolean shippable() {
        return this == IN_FULFILMENT || this == PARTIALLY_SHIPPED;
    }
}
