package io.b2bportal.ordering.cart;

import io.b2bportal.catalog.OrderableProduct;
import io.b2bportal.ordering.cart.LineProblem.Code;
import io.b2bportal.ordering.cart.LineProblem.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with a cart line now, against the catalog as it is now: a line that was fine when added may have
 * left the buyer's assortment (the contract's segment changed), been discontinued, had its minimum or pack changed,
 * or run out of stock. Plain Java, one line at a time, no database.
 */
public final class LineProblems {

    private LineProblems() {
    }

    public static List<LineProblem> of(OrderableProduct product, BigDecimal quantity, boolean backorder) {
        List<LineProblem> problems = new ArrayList<>();
        if (!product.inAssortment()) {
            problems.add(new LineProblem(Code.NOT_IN_ASSORTMENT, Severity.ERROR,
                    Reason.of("ordering.problem.not-in-assortment")));
            return problems;
        }
        String unit = product.unitName();
        if (product.discontinued()) {
            problems.add(new LineProblem(Code.DISCONTINUED, Severity.ERROR, product.successorSku() == null
                    ? Reason.of("ordering.problem.discontinued")
                    : Reason.of("ordering.problem.discontinued.successor", product.successorSku())));
        }
        if (QuantityPolicy.indivisible(product.unitCode()) && !QuantityPolicy.whole(quantity)) {
            problems.add(new LineProblem(Code.FRACTIONAL, Severity.ERROR,
                    Reason.of("ordering.problem.fractional", unit)));
        }
        if (PackPolicy.belowMinimum(quantity, product.minOrderQty())) {
            problems.add(new LineProblem(Code.BELOW_MINIMUM, Severity.ERROR, Reason.of("ordering.problem.below-minimum",
                    QuantityPolicy.plain(product.minOrderQty()), unit)));
        } else if (!PackPolicy.packMultiple(quantity, product.packMultiple())) {
            problems.add(new LineProblem(Code.NOT_PACK_MULTIPLE, Severity.ERROR, Reason.of("ordering.problem.pack",
                    QuantityPolicy.plain(product.packMultiple()), unit,
                    QuantityPolicy.plain(PackPolicy.roundUp(quantity, product.minOrderQty(), product.packMultiple())))));
        }
        BigDecimal available = product.available().max(BigDecimal.ZERO);
        if (quantity.compareTo(available) > 0) {
            String now = QuantityPolicy.plain(available);
            String later = QuantityPolicy.plain(quantity.subtract(available));
            if (!product.backorderAllowed()) {
                problems.add(new LineProblem(Code.OVER_STOCK, Severity.ERROR,
                        Reason.of("ordering.problem.over-stock.no-backorder", now, unit)));
            } else if (backorder) {
                problems.add(new LineProblem(Code.BACKORDERED, Severity.NOTE, Reason.of("ordering.problem.backordered",
                        now, later, unit, product.leadTimeDays() == null ? "—" : product.leadTimeDays())));
            } else {
                problems.add(new LineProblem(Code.OVER_STOCK, Severity.WARNING,
                        Reason.of("ordering.problem.over-stock", now, unit, later)));
            }
        }
        return problems;
    }
}
