package io.b2bportal.ordering.quickorder;

import io.b2bportal.ordering.cart.PackPolicy;
import io.b2bportal.ordering.cart.Reason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a quick-order review: what was asked (the input lines merged into it, the SKU and quantity as typed),
 * what it resolved to, its status, what the buyer may do with it and what they chose.
 *
 * @param lineNo      position in the review, from 1; confirm choices name lines by it
 * @param sourceLines the lines of the paste (rows of the file) merged into this one
 * @param requested   the quantity asked for (summed over merged lines); null when it could not be read
 * @param quantity    what would go into the cart: requested, rounded up to the minimum and the pack
 * @param issues      everything noteworthy; {@code status} is the most serious of them
 * @param reason      why the line cannot be added (INVALID, and the detail of other refusals)
 * @param suggestions for an unknown SKU: up to 3 similar SKUs of the buyer's assortment
 */
public record ReviewLine(int lineNo, List<Integer> sourceLines, String rawSku, String rawQuantity, Long productId,
        String sku, String name, String nameEn, String unitCode, String unitName, BigDecimal packMultiple,
        BigDecimal minOrderQty, BigDecimal requested, BigDecimal quantity, BigDecimal available,
        boolean backorderAllowed, Status status, List<Issue> issues, Reason reason, List<String> suggestions,
        String successorSku, Action action) {

    public ReviewLine {
        sourceLines = List.copyOf(sourceLines);
        issues = List.copyOf(issues);
        suggestions = List.copyOf(suggestions);
    }

    /** The line's state, most serious first; a line has the first that applies. */
    public enum Status {
        /** The quantity (or the whole line) could not be read, or is refused for the unit. */
        INVALID,
        /** No such SKU in the catalog. */
        UNKNOWN,
        /** The catalog has it, but the buyer's contract assortment does not. */
        NOT_IN_ASSORTMENT,
        /** No longer sold; a successor may be offered. */
        DISCONTINUED,
        /** More than is available now: take what is there, backorder the rest, or skip. */
        OVER_STOCK,
        /** The quantity was raised to the minimum or to the pack multiple, or assumed (none given). */
        ADJUSTED,
        /** Several input lines of the same SKU, added up. */
        MERGED,
        OK
    }

    public enum Issue { MERGED, QUANTITY_ASSUMED, ROUNDED_TO_MINIMUM, ROUNDED_TO_PACK, OVER_STOCK, REPLACED }

    /** What confirming does with the line. */
    public enum Action {
        /** Add the (rounded) quantity. */
        ADD,
        SKIP,
        /** Add only what is available now, rounded down to the pack (an over-stock line). */
        TAKE_AVAILABLE,
        /** Add the whole quantity; what is beyond stock ships later (where the product allows backorders). */
        BACKORDER
    }

    /** The largest valid quantity within what is available; zero when not even the minimum is there. */
    public BigDecimal takeAvailable() {
        if (productId == null || available == null) {
            return BigDecimal.ZERO;
        }
        return PackPolicy.roundDown(available, minOrderQty, packMultiple);
    }

    /** The actions the buyer may choose for this line. A SKU replacement is offered separately (suggestions). */
    public List<Action> choices() {
        return switch (status) {
            case INVALID, UNKNOWN, NOT_IN_ASSORTMENT, DISCONTINUED -> List.of(Action.SKIP);
            case OVER_STOCK -> {
                List<Action> choices = new ArrayList<>();
                if (takeAvailable().signum() > 0) {
                    choices.add(Action.TAKE_AVAILABLE);
                }
                if (backorderAllowed) {
                    choices.add(Action.BACKORDER);
                }
                choices.add(Action.SKIP);
                yield List.copyOf(choices);
            }
            default -> List.of(Action.ADD, Action.SKIP);
        };
    }

    /** What the line adds to the cart with its action; zero when skipped. */
    public BigDecimal adds() {
        return switch (action) {
            case ADD, BACKORDER -> quantity;
            case TAKE_AVAILABLE -> takeAvailable();
            case SKIP -> BigDecimal.ZERO;
        };
    }

    public boolean has(Issue issue) {
        return issues.contains(issue);
    }

    /** Whether the buyer has something to decide or look at (anything but a plain OK line). */
    public boolean problem() {
        return status != Status.OK;
    }

    /** The same line with another action (the caller checked it is one of {@link #choices()}). */
    public ReviewLine with(Action chosen) {
        return new ReviewLine(lineNo, sourceLines, rawSku, rawQuantity, productId, sku, name, nameEn, unitCode,
                unitName, packMultiple, minOrderQty, requested, quantity, available, backorderAllowed, status, issues,
                reason, suggestions, successorSku, chosen);
    }
}
