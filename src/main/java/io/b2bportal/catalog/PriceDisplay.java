package io.b2bportal.catalog;

import io.b2bportal.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prices next to products, for the caller of the current request (a buyer: their acting legal entity's price; staff
 * without a customer: the base price). The catalog only defines this; the pricing module, which depends on the
 * catalog, implements it. Catalog pages and the products API look it up through an {@code ObjectProvider}, so the
 * catalog still works, without prices, where no implementation exists.
 */
public interface PriceDisplay {

    /** The unit price of each product at its minimum order quantity; products without a price map to on-request. */
    Map<Long, ShownPrice> prices(Collection<Long> productIds);

    /**
     * The products among {@code productIds} whose unit price with VAT at their minimum order quantity (the price the
     * list shows) lies between {@code from} and {@code to} inclusive, either of them null for open; products on request
     * never do. The catalog's price filter.
     */
    Set<Long> pricedWithin(Collection<Long> productIds, BigDecimal from, BigDecimal to);

    /** The product page: the price at the quantity, the quantity tiers, and a short "why this price". */
    Optional<ProductPrice> product(long productId, BigDecimal quantity);

    /**
     * A unit price as shown: net and gross of VAT, which of them the rule states, and the promotion that gave it.
     *
     * @param source            CONTRACT, PRICE_TYPE, PROMOTION, or NONE for "price on request"
     * @param promotionEndsAt   the instant the promotion ends (exclusive)
     * @param promotionLastDay  its last day in the seller's time zone, as the badge shows it
     */
    record ShownPrice(Money unitNet, Money unitGross, boolean includesVat, String source, String promotionName,
            Instant promotionEndsAt, LocalDate promotionLastDay) {

        public static ShownPrice none() {
            return new ShownPrice(null, null, false, "NONE", null, null, null);
        }

        public boolean onRequest() {
            return unitGross == null;
        }

        public boolean promoted() {
            return promotionName != null;
        }

        /** The price as the rule states it (with VAT if it includes VAT, otherwise without). */
        public Money stated() {
            return includesVat ? unitGross : unitNet;
        }
    }

    /** The buyer's unit price from {@code minQty} units on. */
    record Tier(BigDecimal minQty, ShownPrice price) {
    }

    /** Everything the product page shows about the price. */
    record ProductPrice(BigDecimal quantity, ShownPrice price, List<Tier> tiers, List<String> why) {
    }
}
