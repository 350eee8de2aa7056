package io.b2bportal.pricing.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules one resolution reads, loaded beforehand (a handful of set-based queries for a whole page or cart) so
 * that {@link PriceEngine} is a pure function of them: the same rules, buyer, product, quantity and instant always
 * give the same price, with or without a database.
 */
public final class Rules {

    private Rules() {
    }

    /** A price list: explicit prices per product in one currency, with or without VAT. */
    public record PriceList(long id, String code, String name, Currency currency, boolean includesVat) {
    }

    public enum AdjustmentKind { PERCENT, AMOUNT }

    /**
     * A price type: a price list ({@code priceListId}), or another type ({@code parentCode}) adjusted by a
     * percentage or an amount per unit and then rounded.
     */
    public record PriceType(String code, String name, String nameEn, Long priceListId, String parentCode,
            AdjustmentKind adjustmentKind, BigDecimal adjustment, Rounding rounding) {

        public static PriceType list(String code, String name, long priceListId) {
            return new PriceType(code, name, null, priceListId, null, null, null, Rounding.KOPECK);
        }

        public static PriceType derived(String code, String name, String parentCode, AdjustmentKind kind,
                BigDecimal adjustment, Rounding rounding) {
            return new PriceType(code, name, null, null, parentCode, kind, adjustment, rounding);
        }

        public boolean isList() {
            return priceListId != null;
        }
    }

    /** One row of a price list: the price from {@code minQty} units on. */
    public record Tier(BigDecimal minQty, BigDecimal amount) {
    }

    /** A price agreed with the legal entity for one product. */
    public record ContractPrice(BigDecimal amount, Currency currency, boolean includesVat) {
    }

    public enum Target { EVERYONE, GROUPS, COMPANIES }

    public enum Effect { PERCENT_OFF, AMOUNT_OFF, SPECIAL_PRICE }

    /**
     * A promotion with whom it targets and what it covers. No scope at all (no products, categories or brands)
     * covers the whole catalog.
     */
    public record Promotion(long id, String name, String nameEn, Instant startsAt, Instant endsAt, boolean active,
            Target target, Set<Long> groupIds, Set<Long> companyIds, Set<Long> productIds, Set<Long> categoryIds,
            Set<String> brands, Effect effect, BigDecimal value, BigDecimal minLineQty, BigDecimal minOrderAmount,
            int priority, boolean stacksWithContract) {

        public Promotion {
            groupIds = Set.copyOf(groupIds);
            companyIds = Set.copyOf(companyIds);
            productIds = Set.copyOf(productIds);
            categoryIds = Set.copyOf(categoryIds);
            brands = Set.copyOf(brands);
        }

        boolean runsAt(Instant now) {
            return active && !now.isBefore(startsAt) && now.isBefore(endsAt);
        }

        boolean targets(Buyer buyer) {
            return switch (target) {
                case EVERYONE -> true;
                case GROUPS -> buyer.groupId() != null && groupIds.contains(buyer.groupId());
                case COMPANIES -> buyer.companyId() != null && companyIds.contains(buyer.companyId());
            };
        }

        boolean covers(Product product) {
            if (productIds.isEmpty() && categoryIds.isEmpty() && brands.isEmpty()) {
                return true;
            }
            if (productIds.contains(product.id()) || (product.brand() != null && brands.contains(product.brand()))) {
                return true;
            }
            // a loop, not a stream: this runs for every promotion on every line of a 1,000-line cart
            for (Long category : product.categoryPath()) {
                if (categoryIds.contains(category)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * What pricing needs to know of a product: its VAT rate code and, for promotion scopes, the category ids from
     * the root down to its own category, and its brand.
     */
    public record Product(long id, String sku, String vatRate, List<Long> categoryPath, String brand) {

        public Product {
            categoryPath = List.copyOf(categoryPath);
        }
    }

    /**
     * Who buys: the legal entity, its company and group, the price type named by its contract and the one of its
     * group. All null for staff looking at base prices.
     */
    public record Buyer(Long legalEntityId, Long companyId, Long groupId, String contractPriceType,
            String groupPriceType) {

        public static Buyer anonymous() {
            return new Buyer(null, null, null, null, null);
        }
    }

    /**
     * Everything loaded for one buyer and a set of products: the price types on the buyer's chains and their lists
     * (or all of them: the engine follows only those chains), the price rows of the lists a resolution reads for
     * these products ({@link PriceEngine#listsRead}), the buyer's contract prices and the promotions that might
     * apply, kept in the order the engine considers them.
     *
     * @param prices price list id → product id → its tiers
     */
    public record RuleSet(Map<String, PriceType> types, Map<Long, PriceList> lists,
            Map<Long, Map<Long, List<Tier>>> prices, Map<Long, ContractPrice> contractPrices,
            List<Promotion> promotions) {

        public RuleSet {
            types = Map.copyOf(types);
            lists = Map.copyOf(lists);
            prices = Map.copyOf(prices);
            contractPrices = Map.copyOf(contractPrices);
            // in the order the engine considers them, once for all lines rather than once a line
            promotions = promotions.stream().sorted(PriceEngine.PROMOTION_ORDER).toList();
        }

        List<Tier> tiers(long priceListId, long productId) {
            return prices.getOrDefault(priceListId, Map.of()).getOrDefault(productId, List.of());
        }
    }
}
