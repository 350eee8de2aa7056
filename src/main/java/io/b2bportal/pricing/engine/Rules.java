package io.b2bportal.pricing.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Currency;
import java.util.HashMap;
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

        /** Without any scope: the whole catalog. */
        boolean coversEverything() {
            return productIds.isEmpty() && categoryIds.isEmpty() && brands.isEmpty();
        }

        /** What {@link RuleSet#covering} finds through its index. */
        boolean covers(Product product) {
            if (coversEverything()) {
                return true;
            }
            if (productIds.contains(product.id()) || (product.brand() != null && brands.contains(product.brand()))) {
                return true;
            }
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

        public Buyer withGroupPriceType(String code) {
            return new Buyer(legalEntityId, companyId, groupId, contractPriceType, code);
        }
    }

    /**
     * Everything loaded for one buyer and a set of products: the price types on the buyer's chains and their lists
     * (or all of them: the engine follows only those chains), the price rows of the lists a resolution reads for
     * these products ({@link PriceEngine#listsRead}), the buyer's contract prices and the promotions that might
     * apply, kept in the order the engine considers them. Immutable; built once per call, and indexes its promotions
     * by what they cover so that a line looks at the promotions for its product, categories and brand only (a cart of
     * 1,000 lines and 90 promotions otherwise tests 90,000 scopes).
     *
     * @param prices price list id → product id → its tiers
     */
    public static final class RuleSet {

        private final Map<String, PriceType> types;
        private final Map<Long, PriceList> lists;
        private final Map<Long, Map<Long, List<Tier>>> prices;
        private final Map<Long, ContractPrice> contractPrices;
        private final List<Promotion> promotions;
        /** Positions in {@link #promotions} of the promotions without scope (the whole catalog) and by scope entry. */
        private final int[] everywhere;
        private final Map<Long, int[]> byProduct;
        private final Map<Long, int[]> byCategory;
        private final Map<String, int[]> byBrand;

        public RuleSet(Map<String, PriceType> types, Map<Long, PriceList> lists,
                Map<Long, Map<Long, List<Tier>>> prices, Map<Long, ContractPrice> contractPrices,
                List<Promotion> promotions) {
            this.types = Map.copyOf(types);
            this.lists = Map.copyOf(lists);
            this.prices = Map.copyOf(prices);
            this.contractPrices = Map.copyOf(contractPrices);
            // in the order the engine considers them, once for all lines rather than once a line
            this.promotions = promotions.stream().sorted(PriceEngine.PROMOTION_ORDER).toList();
            List<Integer> unscoped = new ArrayList<>();
            Map<Long, List<Integer>> products = new HashMap<>();
            Map<Long, List<Integer>> categories = new HashMap<>();
            Map<String, List<Integer>> brands = new HashMap<>();
            for (int i = 0; i < this.promotions.size(); i++) {
                Promotion promotion = this.promotions.get(i);
                if (promotion.coversEverything()) {
                    unscoped.add(i);
                }
                for (Long id : promotion.productIds()) {
                    products.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
                }
                for (Long id : promotion.categoryIds()) {
                    categories.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
                }
                for (String brand : promotion.brands()) {
                    brands.computeIfAbsent(brand, k -> new ArrayList<>()).add(i);
                }
            }
            this.everywhere = positions(unscoped);
            this.byProduct = index(products);
            this.byCategory = index(categories);
            this.byBrand = index(brands);
        }

        public Map<String, PriceType> types() {
            return types;
        }

        public Map<Long, PriceList> lists() {
            return lists;
        }

        /** Price list id → product id → its tiers. */
        public Map<Long, Map<Long, List<Tier>>> prices() {
            return prices;
        }

        public Map<Long, ContractPrice> contractPrices() {
            return contractPrices;
        }

        /** In the order the engine considers them: priority (higher first), then id. */
        public List<Promotion> promotions() {
            return promotions;
        }

        List<Tier> tiers(long priceListId, long productId) {
            return prices.getOrDefault(priceListId, Map.of()).getOrDefault(productId, List.of());
        }

        /**
         * The promotions that cover the product ({@link Promotion#covers}), in {@link #promotions()} order: those
         * without scope and those listing the product, one of its categories or its brand.
         */
        List<Promotion> covering(Product product) {
            BitSet found = new BitSet(promotions.size());
            mark(found, everywhere);
            mark(found, byProduct.get(product.id()));
            for (Long category : product.categoryPath()) {
                mark(found, byCategory.get(category));
            }
            if (product.brand() != null) {
                mark(found, byBrand.get(product.brand()));
            }
            List<Promotion> covering = new ArrayList<>(found.cardinality());
            for (int i = found.nextSetBit(0); i >= 0; i = found.nextSetBit(i + 1)) {
                covering.add(promotions.get(i));
            }
            return covering;
        }

        private static void mark(BitSet found, int[] positions) {
            if (positions != null) {
                for (int position : positions) {
                    found.set(position);
                }
            }
        }

        private static <K> Map<K, int[]> index(Map<K, List<Integer>> lists) {
            Map<K, int[]> index = new HashMap<>();
            lists.forEach((key, list) -> index.put(key, positions(list)));
            return index;
        }

        private static int[] positions(List<Integer> list) {
            return list.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public String toString() {
            return "RuleSet[types=" + types + ", lists=" + lists + ", prices=" + prices + ", contractPrices="
                    + contractPrices + ", promotions=" + promotions + "]";
        }
    }
}
