package io.b2bportal.ordering.cart;

/**
 * Something about a cart line the buyer should know before checkout: an error blocks the order (the product left
 * the assortment, is discontinued, the quantity no longer fits its minimum or pack, is more than available with no
 * backorder), a warning asks for a decision (more than available: backorder the rest or take what is there), a note
 * only informs (the rest is backordered).
 */
public record LineProblem(Code code, Severity severity, Reason reason) {

    public enum Code { NOT_IN_ASSORTMENT, DISCONTINUED, BELOW_MINIMUM, NOT_PACK_MULTIPLE, FRACTIONAL, OVER_STOCK,
        BACKORDERED, NO_PRICE }

    public enum Severity { ERROR, WARNING, NOTE }

    public boolean blocking() {
        return severity == Severity.ERROR;
    }
}
