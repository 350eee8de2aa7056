package io.b2bportal.pricing.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A line's money as a Russian invoice states it. The amount is unit price × quantity rounded to kopecks; VAT is
 * computed from it once, rounded to kopecks, and the other side of the line is the difference, so net + VAT = gross
 * on every line by construction:
 * <ul>
 *   <li>prices with VAT: gross = round(unit × qty), vat = round(gross × r / (100 + r)), net = gross − vat;</li>
 *   <li>prices without VAT: net = round(unit × qty), vat = round(net × r / 100), gross = net + vat;</li>
 *   <li>exempt goods: vat = 0, net = gross.</li>
 * </ul>
 */
public record LineAmounts(BigDecimal net, BigDecimal vat, BigDecimal gross) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public static LineAmounts of(BigDecimal unitPrice, BigDecimal quantity, boolean includesVat,
            Optional<BigDecimal> ratePercent) {
        BigDecimal amount = kopecks(unitPrice.multiply(quantity));
        BigDecimal rate = ratePercent.orElse(BigDecimal.ZERO);
        if (includesVat) {
            BigDecimal vat = kopecks(amount.multiply(rate).divide(HUNDRED.add(rate), 10, RoundingMode.HALF_UP));
            return new LineAmounts(amount.subtract(vat), vat, amount);
        }
        BigDecimal vat = kopecks(amount.multiply(rate).divide(HUNDRED, 10, RoundingMode.HALF_UP));
        return new LineAmounts(amount, vat, amount.add(vat));
    }

    /** The unit price net of VAT, for display (lines are computed from the price in its own basis). */
    public static BigDecimal unitNet(BigDecimal unitPrice, boolean includesVat, Optional<BigDecimal> ratePercent) {
        if (!includesVat || ratePercent.isEmpty()) {
            return kopecks(unitPrice);
        }
        return kopecks(unitPrice.multiply(HUNDRED).divide(HUNDRED.add(ratePercent.get()), 10, RoundingMode.HALF_UP));
    }

    /** The unit price with VAT, for display and for comparing prices kept in different bases. */
    public static BigDecimal unitGross(BigDecimal unitPrice, boolean includesVat, Optional<BigDecimal> ratePercent) {
        return kopecks(grossEquivalent(unitPrice, includesVat, ratePercent));
    }

    static BigDecimal grossEquivalent(BigDecimal price, boolean includesVat, Optional<BigDecimal> ratePercent) {
        if (includesVat || ratePercent.isEmpty()) {
            return price;
        }
        return price.multiply(HUNDRED.add(ratePercent.get())).divide(HUNDRED, 10, RoundingMode.HALF_UP);
    }

    static BigDecimal kopecks(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
