package io.b2bportal.pricing.engine;

import io.b2bportal.pricing.PriceSource;
import io.b2bportal.pricing.engine.Rules.Product;
import io.b2bportal.pricing.engine.Rules.Promotion;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The price of one product at one quantity for one buyer, with the steps that led to it.
 *
 * @param unitPrice   rounded to kopecks, in the VAT basis {@code includesVat}; null when there is no price
 * @param promotion   the promotion that gave the price, if one did
 * @param vatPercent  empty for exempt goods
 */
public record Resolution(Product product, BigDecimal quantity, BigDecimal unitPrice, Currency currency,
        boolean includesVat, Optional<BigDecimal> vatPercent, PriceSource source, Promotion promotion,
        String priceTypeCode, List<Step> steps) {

    public Resolution {
        steps = List.copyOf(steps);
    }

    public boolean priced() {
        return unitPrice != null;
    }

    public BigDecimal unitNet() {
        return priced() ? LineAmounts.unitNet(unitPrice, includesVat, vatPercent) : null;
    }

    public BigDecimal unitGross() {
        return priced() ? LineAmounts.unitGross(unitPrice, includesVat, vatPercent) : null;
    }

    /** Net, VAT and gross of the line at this resolution's quantity; null when there is no price. */
    public LineAmounts line() {
        return priced() ? LineAmounts.of(unitPrice, quantity, includesVat, vatPercent) : null;
    }

    public List<Step> buyerSteps() {
        return steps.stream().filter(Step::forBuyer).toList();
    }
}
