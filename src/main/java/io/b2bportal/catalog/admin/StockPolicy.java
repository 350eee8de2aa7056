package io.b2bportal.catalog.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Stock of a product at one warehouse: quantities are never negative and have at most three decimals, no more is
 * reserved than is on hand, and an expected date belongs to an incoming quantity. A warehouse left without any
 * quantity does not stock the product.
 */
public final class StockPolicy {

    static final int SCALE = 3;

    /** What the catalog manager set for one warehouse; a null on hand means "not stocked here". */
    public record StockLine(long warehouseId, BigDecimal onHand, BigDecimal reserved, BigDecimal incoming,
            java.time.LocalDate incomingDate) {

        public boolean stocked() {
            return onHand != null;
        }

        BigDecimal reservedOrZero() {
            return reserved == null ? BigDecimal.ZERO : reserved;
        }

        BigDecimal incomingOrZero() {
            return incoming == null ? BigDecimal.ZERO : incoming;
        }
    }

    private StockPolicy() {
    }

    /** Every reason the line is refused, each at its field ({@code onHand}, {@code reserved}, ...). */
    public static List<Rejection> check(StockLine line) {
        List<Rejection> reasons = new ArrayList<>();
        quantity("onHand", line.onHand(), reasons);
        quantity("reserved", line.reserved(), reasons);
        quantity("incoming", line.incoming(), reasons);
        if (!reasons.isEmpty()) {
            return reasons;
        }
        if (line.onHand() == null) {
            if (line.reservedOrZero().signum() > 0 || line.incomingOrZero().signum() > 0 || line.incomingDate() != null) {
                reasons.add(Rejection.of("onHand", "catalog.admin.stock.onHandRequired"));
            }
            return reasons;
        }
        if (line.reservedOrZero().compareTo(line.onHand()) > 0) {
            reasons.add(Rejection.of("reserved", "catalog.admin.stock.reservedOverOnHand",
                    line.onHand().stripTrailingZeros().toPlainString()));
        }
        if (line.incomingDate() != null && line.incomingOrZero().signum() == 0) {
            reasons.add(Rejection.of("incomingDate", "catalog.admin.stock.dateWithoutIncoming"));
        }
        return reasons;
    }

    private static void quantity(String field, BigDecimal value, List<Rejection> reasons) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0) {
            reasons.add(Rejection.of(field, "catalog.admin.stock.negative"));
        } else if (value.stripTrailingZeros().scale() > SCALE) {
            reasons.add(Rejection.of(field, "catalog.admin.quantity.scale", SCALE));
        } else if (value.compareTo(new BigDecimal("1e15")) >= 0) {
            reasons.add(Rejection.of(field, "catalog.admin.quantity.tooLarge"));
        }
    }
}
