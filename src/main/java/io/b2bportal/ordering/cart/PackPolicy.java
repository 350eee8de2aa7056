package io.b2bportal.ordering.cart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The product's own quantity rules: at least the minimum order quantity, in multiples of the pack. Bulk entry rounds
 * a quantity up to the next one that satisfies both (and shows it); a quantity typed into a cart line is refused with
 * the nearest valid ones instead, so nothing changes behind the buyer's back.
 */
public final class PackPolicy {

    private PackPolicy() {
    }

    /** The smallest valid quantity not below the requested one: max(requested, minimum), rounded up to the pack. */
    public static BigDecimal roundUp(BigDecimal requested, BigDecimal minimum, BigDecimal pack) {
        BigDecimal atLeast = requested.max(minimum);
        BigDecimal packs = atLeast.divide(pack, 0, RoundingMode.CEILING);
        return packs.multiply(pack).stripTrailingZeros();
    }

    /** The largest valid quantity not above what is available, or zero when even the minimum is not there. */
    public static BigDecimal roundDown(BigDecimal available, BigDecimal minimum, BigDecimal pack) {
        if (available.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal packs = available.divide(pack, 0, RoundingMode.FLOOR);
        BigDecimal quantity = packs.multiply(pack);
        return quantity.compareTo(minimum) < 0 ? BigDecimal.ZERO : quantity.stripTrailingZeros();
    }

    public static boolean belowMinimum(BigDecimal quantity, BigDecimal minimum) {
        return quantity.compareTo(minimum) < 0;
    }

    public static boolean packMultiple(BigDecimal quantity, BigDecimal pack) {
        return quantity.remainder(pack).signum() == 0;
    }

    /** Why a quantity typed into a cart line does not fit the product, naming the valid quantities around it. */
    public static Optional<Reason> check(BigDecimal quantity, BigDecimal minimum, BigDecimal pack, String unitName) {
        if (belowMinimum(quantity, minimum)) {
            return Optional.of(Reason.of("ordering.quantity.below-minimum", QuantityPolicy.plain(quantity),
                    QuantityPolicy.plain(minimum), unitName, QuantityPolicy.plain(roundUp(quantity, minimum, pack))));
        }
        if (!packMultiple(quantity, pack)) {
            BigDecimal up = roundUp(quantity, minimum, pack);
            BigDecimal down = up.subtract(pack);
            return Optional.of(Reason.of("ordering.quantity.pack", QuantityPolicy.plain(quantity),
                    QuantityPolicy.plain(pack), unitName,
                    down.compareTo(minimum) >= 0 ? QuantityPolicy.plain(down) : QuantityPolicy.plain(up),
                    QuantityPolicy.plain(up)));
        }
        return Optional.empty();
    }
}
