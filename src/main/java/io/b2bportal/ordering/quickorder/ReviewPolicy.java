package io.b2bportal.ordering.quickorder;

import io.b2bportal.catalog.OrderableProduct;
import io.b2bportal.ordering.cart.PackPolicy;
import io.b2bportal.ordering.cart.QuantityPolicy;
import io.b2bportal.ordering.cart.Reason;
import io.b2bportal.ordering.quickorder.ReviewLine.Action;
import io.b2bportal.ordering.quickorder.ReviewLine.Issue;
import io.b2bportal.ordering.quickorder.ReviewLine.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a quick-order review, for one line, in plain Java: what the line is (unknown, outside the assortment,
 * discontinued, an impossible quantity), how its quantity is adjusted (raised to the minimum, rounded up to the pack)
 * and whether it is more than is available, and what confirming does with it unless the buyer chooses otherwise:
 * add what is fine; for more than available backorder the rest where allowed, else take what is there; skip the rest.
 */
public final class ReviewPolicy {

    private ReviewPolicy() {
    }

    /**
     * @param product     the catalog's product for the SKU, null when the catalog has none
     * @param suggestions similar SKUs for an unknown one
     */
    public static ReviewLine resolve(Requested requested, OrderableProduct product, List<String> suggestions) {
        List<Issue> issues = new ArrayList<>();
        if (requested.merged()) {
            issues.add(Issue.MERGED);
        }
        if (requested.assumed()) {
            issues.add(Issue.QUANTITY_ASSUMED);
        }
        if (requested.invalid() != null) {
            return line(requested, product, null, Status.INVALID, issues, requested.invalid(), List.of(), Action.SKIP);
        }
        if (product == null) {
            return line(requested, null, null, Status.UNKNOWN, issues,
                    Reason.of("ordering.review.unknown", requested.sku()), suggestions, Action.SKIP);
        }
        if (!product.inAssortment()) {
            return line(requested, product, null, Status.NOT_IN_ASSORTMENT, issues,
                    Reason.of("ordering.review.not-in-assortment", product.sku()), List.of(), Action.SKIP);
        }
        if (product.discontinued()) {
            return line(requested, product, null, Status.DISCONTINUED, issues, product.successorSku() == null
                    ? Reason.of("ordering.review.discontinued")
                    : Reason.of("ordering.review.discontinued.successor", product.successorSku()), List.of(),
                    Action.SKIP);
        }
        BigDecimal asked = requested.quantity();
        var fractional = QuantityPolicy.check(asked, product.unitCode(), product.unitName());
        if (fractional.isPresent()) {
            return line(requested, product, null, Status.INVALID, issues, fractional.get(), List.of(), Action.SKIP);
        }
        BigDecimal quantity = PackPolicy.roundUp(asked, product.minOrderQty(), product.packMultiple());
        if (quantity.compareTo(QuantityPolicy.MAX) > 0) {
            return line(requested, product, null, Status.INVALID, issues,
                    Reason.of("ordering.quantity.too-large", QuantityPolicy.plain(quantity)), List.of(), Action.SKIP);
        }
        if (PackPolicy.belowMinimum(asked, product.minOrderQty())) {
            issues.add(Issue.ROUNDED_TO_MINIMUM);
        }
        if (quantity.compareTo(asked.max(product.minOrderQty())) > 0) {
            issues.add(Issue.ROUNDED_TO_PACK);
        }
        boolean overStock = quantity.compareTo(product.available().max(BigDecimal.ZERO)) > 0;
        if (overStock) {
            issues.add(Issue.OVER_STOCK);
        }
        Status status = overStock ? Status.OVER_STOCK
                : issues.contains(Issue.ROUNDED_TO_MINIMUM) || issues.contains(Issue.ROUNDED_TO_PACK)
                        || issues.contains(Issue.QUANTITY_ASSUMED) ? Status.ADJUSTED
                : issues.contains(Issue.MERGED) ? Status.MERGED : Status.OK;
        ReviewLine line = line(requested, product, quantity, status, issues, null, List.of(), Action.ADD);
        return line.with(defaultAction(line));
    }

    /** The same request resolved against another product the buyer picked (a suggestion, the successor). */
    public static ReviewLine replace(ReviewLine line, OrderableProduct product) {
        Requested requested = new Requested(line.lineNo(), line.sourceLines(), product == null ? null : product.sku(),
                line.rawQuantity(), line.requested(), line.has(Issue.QUANTITY_ASSUMED), null);
        ReviewLine resolved = resolve(requested, product, List.of());
        List<Issue> issues = new ArrayList<>(resolved.issues());
        issues.add(Issue.REPLACED);
        return new ReviewLine(resolved.lineNo(), resolved.sourceLines(), line.rawSku(), line.rawQuantity(),
                resolved.productId(), resolved.sku(), resolved.name(), resolved.nameEn(), resolved.unitCode(),
                resolved.unitName(), resolved.packMultiple(), resolved.minOrderQty(), resolved.requested(),
                resolved.quantity(), resolved.available(), resolved.backorderAllowed(), resolved.status(), issues,
                resolved.reason(), line.suggestions(), resolved.successorSku(), resolved.action());
    }

    /** What confirming does unless the buyer chooses: add; beyond stock backorder where allowed, else take what is there. */
    static Action defaultAction(ReviewLine line) {
        if (line.status() != Status.OVER_STOCK) {
            return line.choices().getFirst();
        }
        if (line.backorderAllowed()) {
            return Action.BACKORDER;
        }
        return line.takeAvailable().signum() > 0 ? Action.TAKE_AVAILABLE : Action.SKIP;
    }

    private static ReviewLine line(Requested requested, OrderableProduct product, BigDecimal quantity, Status status,
            List<Issue> issues, Reason reason, List<String> suggestions, Action action) {
        boolean visible = product != null && product.inAssortment();
        return new ReviewLine(requested.lineNo(), requested.sourceLines(), requested.sku(), requested.rawQuantity(),
                product == null ? null : product.id(), product == null ? null : product.sku(),
                visible ? product.name() : null, visible ? product.nameEn() : null,
                visible ? product.unitCode() : null, visible ? product.unitName() : null,
                visible ? product.packMultiple() : null, visible ? product.minOrderQty() : null,
                requested.quantity(), quantity, visible ? product.available() : null,
                visible && product.backorderAllowed(), status, issues, reason,
                suggestions == null ? List.of() : suggestions, visible ? product.successorSku() : null, action);
    }
}
