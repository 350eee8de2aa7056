package io.b2bportal.pricing;

import java.math.BigDecimal;
import java.util.List;

/**
 * One priced line. Amounts are in {@code currency}, rounded to kopecks; the unit price is kept in the VAT basis of the
 * rule it came from ({@code pricesIncludeVat}) and also shown net and gross. For lines that are not
 * {@link Status#PRICED} every amount is null.
 *
 * @param vatRate   the product's rate code ('22', '10', '0', 'EXEMPT'); vatPercent null for exempt goods
 * @param priceType the price type the price-type step used (null when none resolved)
 * @param tiers     for a catalog page: the buyer's unit price from each quantity on where it drops; empty otherwise
 */
public record PricedLine(String sku, Long productId, BigDecimal quantity, Status status, String currency,
        BigDecimal unitPrice, boolean pricesIncludeVat, String vatRate, BigDecimal vatPercent, BigDecimal unitNet,
        BigDecimal unitGross, BigDecimal lineNet, BigDecimal lineVat, BigDecimal lineGross, PriceSource source,
        PromotionBadge promotion, String priceType, List<TierPrice> tiers) {

    public PricedLine {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    public enum Status {
        PRICED,
        /** The product exists for the buyer but has no price: "price on request", not orderable. */
        PRICE_ON_REQUEST,
        /** No such SKU, or not in the buyer's assortment. */
        UNKNOWN_PRODUCT
    }

    /** The buyer's unit price from {@code minQty} units on. */
    public record TierPrice(BigDecimal minQty, BigDecimal unitPrice, BigDecimal unitNet, BigDecimal unitGross,
            PromotionBadge promotion) {
    }

    public boolean priced() {
        return status == Status.PRICED;
    }

    static PricedLine unknown(String sku, Long productId, BigDecimal quantity) {
        return new PricedLine(sku, productId, quantity, Status.UNKNOWN_PRODUCT, null, null, false, null, null, null,
                null, null, null, null, PriceSource.NONE, null, null, List.of());
    }

    PricedLine withTiers(List<TierPrice> tiers) {
        return new PricedLine(sku, productId, quantity, status, currency, unitPrice, pricesIncludeVat, vatRate,
                vatPercent, unitNet, unitGross, lineNet, lineVat, lineGross, source, promotion, priceType, tiers);
    }
}
