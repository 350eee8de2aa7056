package io.b2bportal.pricing;

/** Where a resolved unit price comes from. */
public enum PriceSource {
    /** The price agreed with the legal entity for this product. */
    CONTRACT,
    /** The price type of the contract, of the customer group, or the base type (with tiers). */
    PRICE_TYPE,
    /** A running promotion lowered the contract or price-type price. */
    PROMOTION,
    /** No price at all: "price on request", not orderable. */
    NONE
}
