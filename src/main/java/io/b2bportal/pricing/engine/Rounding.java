package io.b2bportal.pricing.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a derived price type rounds its price, HALF_UP. Every rule is monotone (a lower input never gives a higher
 * result), so quantity tiers below a derived type still never raise the unit price; and none turns a positive price
 * into zero: the smallest positive result is one step of the rule (0.01, 1, 10, 0.90). Zero stays zero.
 */
public enum Rounding {

    /** To kopecks: 12.345 → 12.35. */
    KOPECK,
    /** To whole roubles: 12.50 → 13, 0.30 → 1. */
    ROUBLE,
    /** To tens of roubles: 1 234.99 → 1 230, 4 → 10. */
    TEN_ROUBLES,
    /** To the nearest whole rouble, then 10 kopecks below it: 99.50 → 99.90, 99.49 → 98.90, 0.30 → 0.90. */
    NINETY;

    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final BigDecimal NINETY_KOPECKS = new BigDecimal("0.90");
    private static final BigDecimal TEN_KOPECKS = new BigDecimal("0.10");
    private static final BigDecimal KOPECK_STEP = new BigDecimal("0.01");

    public BigDecimal apply(BigDecimal price) {
        if (price.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return switch (this) {
            case KOPECK -> price.setScale(2, RoundingMode.HALF_UP).max(KOPECK_STEP);
            case ROUBLE -> price.setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ONE).setScale(2);
            case TEN_ROUBLES -> price.divide(TEN).setScale(0, RoundingMode.HALF_UP).multiply(TEN).max(TEN).setScale(2);
            case NINETY -> price.setScale(0, RoundingMode.HALF_UP).subtract(TEN_KOPECKS).max(NINETY_KOPECKS)
                    .setScale(2);
        };
    }
}
