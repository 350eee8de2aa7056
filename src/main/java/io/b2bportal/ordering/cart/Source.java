package io.b2bportal.ordering.cart;

/** Where a line change came from, as the cart history shows it. */
public enum Source {
    /** Typed into the cart page. */
    CART,
    /** The quantity box of a catalog row. */
    CATALOG,
    /** The quick-entry row of the cart page. */
    QUICK_ENTRY,
    /** Pasted "SKU, quantity" lines. */
    PASTE,
    /** An uploaded CSV or XLSX file. */
    FILE,
    /** A REST API call. */
    API,
    MOVE,
    COPY,
    DUPLICATE,
    /** Emptied by a checkout, or added again from a past order (reorder). */
    ORDER
}
