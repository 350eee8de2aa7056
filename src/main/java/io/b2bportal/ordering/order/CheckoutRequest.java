package io.b2bportal.ordering.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a checkout asks for: the buyer's carts (merged into one order, or one order per cart), or lines given directly
 * (the API, an order on behalf); where it goes (one address, or some quantities split off to other addresses); when
 * it is wanted; the buyer's PO number and a comment. Prices are never part of it: they are the server's.
 *
 * @param deleteCarts delete the carts after checkout instead of emptying them (only the owner's own carts)
 */
public record CheckoutRequest(List<Long> cartIds, List<RequestedLine> lines, Boolean merge, Boolean deleteCarts,
        Long addressId, List<SplitLine> split, LocalDate desiredDate, String poNumber, String comment) {

    public CheckoutRequest {
        cartIds = cartIds == null ? List.of() : List.copyOf(cartIds);
        lines = lines == null ? List.of() : List.copyOf(lines);
        split = split == null ? List.of() : List.copyOf(split);
        merge = Boolean.TRUE.equals(merge);
        deleteCarts = Boolean.TRUE.equals(deleteCarts);
    }

    /** A product by SKU and a quantity in its unit. */
    public record RequestedLine(String sku, BigDecimal quantity) {
    }

    /** This quantity of the product goes to another delivery address of the legal entity. */
    public record SplitLine(String sku, Long addressId, BigDecimal quantity) {
    }
}
