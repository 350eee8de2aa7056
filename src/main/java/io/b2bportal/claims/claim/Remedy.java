package io.b2bportal.claims.claim;

/** What the buyer demands; COMPENSATION (of losses) comes with an amount. */
public enum Remedy {
    REPLACEMENT, REPAIR, PRICE_REDUCTION, REFUND, COMPENSATION
}
