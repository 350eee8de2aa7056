package io.b2bportal.ordering.order;

/** How an order came in. */
public enum Channel {
    /** A buyer checked out on the portal. */
    PORTAL,
    /** A member of staff placed it for the customer (a sales rep on the phone). */
    ON_BEHALF,
    /** {@code POST /api/v1/orders}. */
    API,
    STANDING_ORDER,
    EDI,
    PUNCHOUT,
    /** A zero-price replacement the seller sends to settle a claim. */
    CLAIM
}
