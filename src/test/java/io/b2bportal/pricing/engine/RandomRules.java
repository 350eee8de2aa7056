package io.b2bportal.pricing.engine;

import io.b2bportal.pricing.engine.Rules.AdjustmentKind;
import io.b2bportal.pricing.engine.Rules.Buyer;
import io.b2bportal.pricing.engine.Rules.ContractPrice;
import io.b2bportal.pricing.engine.Rules.Effect;
import io.b2bportal.pricing.engine.Rules.PriceList;
import io.b2bportal.pricing.engine.Rules.PriceType;
import io.b2bportal.pricing.engine.Rules.Product;
import io.b2bportal.pricing.engine.Rules.Promotion;
import io.b2bportal.pricing.engine.Rules.RuleSet;
import io.b2bportal.pricing.engine.Rules.Target;
import io.b2bportal.pricing.engine.Rules.Tier;
import io.b2bportal.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A random but reproducible rule set from a seed, for property tests: a base list and up to two more lists with
 * random tiers, up to five derived types whose parents are drawn at random (so chains, self-references, cycles and
 * unknown parents all occur), maybe a contract price, up to four promotions of every kind, and a buyer whose contract
 * and group types are drawn from the same codes plus an unknown one. A failing property names its seed; the same
 * seed gives the same rules again.
 */
record RandomRules(long seed, RuleSet rules, Buyer buyer, Product product, BigDecimal orderAmount) {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final long PRODUCT = 10;
    private static final long GROUP = 7;
    private static final long COMPANY = 70;
    private static final String[] VAT = {"22", "10", "0", "EXEMPT"};
    private static final String[] MIN_QTY = {"1", "1", "5", "10", "50", "100", "1000"};

    static RandomRules of(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<Long, PriceList> lists = new LinkedHashMap<>();
        Map<String, PriceType> types = new LinkedHashMap<>();
        Map<Long, Map<Long, List<Tier>>> prices = new LinkedHashMap<>();
        int listCount = 1 + random.nextInt(3);
        for (long id = 1; id <= listCount; id++) {
            lists.put(id, new PriceList(id, "l" + id, "List " + id, Money.RUB, random.nextBoolean()));
            types.put(id == 1 ? "base" : "l" + id, PriceType.list(id == 1 ? "base" : "l" + id, "List " + id, id));
            if (random.nextInt(10) < 8) {
                prices.put(id, Map.of(PRODUCT, tiers(random)));
            }
        }
        List<String> codes = new ArrayList<>(types.keySet());
        int derived = random.nextInt(6);
        for (int i = 0; i < derived; i++) {
            codes.add("d" + i);
        }
        for (int i = 0; i < derived; i++) {
            String parent = random.nextInt(12) == 0 ? "ghost" : codes.get(random.nextInt(codes.size()));
            boolean percent = random.nextBoolean();
            BigDecimal adjustment = percent ? decimal(random, -9999, 9999, 2) : decimal(random, -2000, 2000, 2);
            types.put("d" + i, PriceType.derived("d" + i, "Derived " + i, parent,
                    percent ? AdjustmentKind.PERCENT : AdjustmentKind.AMOUNT,
                    percent ? adjustment.max(new BigDecimal("-99.99")).divide(new BigDecimal("2")) : adjustment,
                    Rounding.values()[random.nextInt(Rounding.values().length)]));
        }
        Map<Long, ContractPrice> contract = random.nextInt(10) < 3
                ? Map.of(PRODUCT, new ContractPrice(decimal(random, 0, 50000, 4), Money.RUB, random.nextBoolean()))
                : Map.of();
        List<Promotion> promotions = new ArrayList<>();
        int promotionCount = random.nextInt(5);
        for (int i = 0; i < promotionCount; i++) {
            promotions.add(promotion(random, i + 1));
        }
        List<String> buyerCodes = new ArrayList<>(codes);
        buyerCodes.add("ghost");
        buyerCodes.add(null);
        Buyer buyer = new Buyer(100L, COMPANY, GROUP, buyerCodes.get(random.nextInt(buyerCodes.size())),
                buyerCodes.get(random.nextInt(buyerCodes.size())));
        Product product = new Product(PRODUCT, "SKU-" + seed, VAT[random.nextInt(VAT.length)], List.of(1L, 5L),
                random.nextBoolean() ? "Fixpro" : null);
        BigDecimal orderAmount = random.nextBoolean() ? decimal(random, 0, 5_000_000, 2) : null;
        return new RandomRules(seed, new RuleSet(types, lists, prices, contract, promotions), buyer, product,
                orderAmount);
    }

    Resolution at(BigDecimal quantity) {
        return PriceEngine.resolve(rules, buyer, product, quantity, orderAmount, NOW, VatRates.russian());
    }

    /** The same rules with every collection in another order. */
    RandomRules shuffled(long shuffleSeed) {
        List<Promotion> promotions = new ArrayList<>(rules.promotions());
        Collections.shuffle(promotions, new java.util.Random(shuffleSeed));
        List<String> typeCodes = new ArrayList<>(rules.types().keySet());
        Collections.shuffle(typeCodes, new java.util.Random(shuffleSeed));
        Map<String, PriceType> types = new LinkedHashMap<>();
        typeCodes.forEach(code -> types.put(code, rules.types().get(code)));
        Map<Long, Map<Long, List<Tier>>> prices = new LinkedHashMap<>();
        rules.prices().forEach((list, byProduct) -> {
            Map<Long, List<Tier>> copy = new LinkedHashMap<>();
            byProduct.forEach((product, tiers) -> {
                List<Tier> reordered = new ArrayList<>(tiers);
                Collections.shuffle(reordered, new java.util.Random(shuffleSeed));
                copy.put(product, reordered);
            });
            prices.put(list, copy);
        });
        return new RandomRules(seed, new RuleSet(types, rules.lists(), prices, rules.contractPrices(), promotions),
                buyer, product, orderAmount);
    }

    /**
     * The same rules cut down to what PricingRules loads for the buyer: the types on the chains from its contract's
     * type, its group's type and base (parents followed until they end, are unknown or come round again), and the price
     * rows of {@link PriceEngine#listsRead} only.
     */
    RandomRules onlyWhatTheBuyerReads() {
        Map<String, PriceType> types = new LinkedHashMap<>();
        for (String start : new String[] {buyer.contractPriceType(), buyer.groupPriceType(), PriceEngine.BASE}) {
            String current = start;
            while (current != null && rules.types().containsKey(current) && !types.containsKey(current)) {
                types.put(current, rules.types().get(current));
                current = rules.types().get(current).parentCode();
            }
        }
        Map<Long, PriceList> lists = new LinkedHashMap<>();
        types.values().stream().filter(PriceType::isList).map(PriceType::priceListId)
                .filter(rules.lists()::containsKey).forEach(id -> lists.put(id, rules.lists().get(id)));
        Set<Long> read = PriceEngine.listsRead(new RuleSet(types, lists, Map.of(), Map.of(), List.of()), buyer);
        Map<Long, Map<Long, List<Tier>>> prices = new LinkedHashMap<>(rules.prices());
        prices.keySet().retainAll(read);
        return new RandomRules(seed, new RuleSet(types, lists, prices, rules.contractPrices(), rules.promotions()),
                buyer, product, orderAmount);
    }

    /** Whether following parents from this code ever comes back to a code already seen. */
    boolean cyclic(String code) {
        Set<String> seen = new LinkedHashSet<>();
        String current = code;
        while (current != null && rules.types().containsKey(current)) {
            if (!seen.add(current)) {
                return true;
            }
            current = rules.types().get(current).parentCode();
        }
        return false;
    }

    private static List<Tier> tiers(SplittableRandom random) {
        Map<String, Tier> tiers = new LinkedHashMap<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String minQty = MIN_QTY[random.nextInt(MIN_QTY.length)];
            tiers.put(minQty, new Tier(new BigDecimal(minQty), decimal(random, 0, 50000, 4)));
        }
        return List.copyOf(tiers.values());
    }

    private static Promotion promotion(SplittableRandom random, long id) {
        Effect effect = Effect.values()[random.nextInt(Effect.values().length)];
        BigDecimal value = switch (effect) {
            case PERCENT_OFF -> decimal(random, 0, 10000, 2).divide(new BigDecimal("100"));
            case AMOUNT_OFF -> decimal(random, 0, 10000, 2);
            case SPECIAL_PRICE -> decimal(random, 0, 50000, 2);
        };
        Target target = Target.values()[random.nextInt(Target.values().length)];
        Set<Long> groups = target == Target.GROUPS ? Set.of(random.nextBoolean() ? GROUP : GROUP + 1) : Set.of();
        Set<Long> companies = target == Target.COMPANIES ? Set.of(random.nextBoolean() ? COMPANY : COMPANY + 1)
                : Set.of();
        int scope = random.nextInt(5);
        Instant start = random.nextInt(8) == 0 ? NOW.plusSeconds(3600) : NOW.minusSeconds(3600);
        return new Promotion(id, "P" + id, null, start, start.plusSeconds(7200 + random.nextInt(3600)),
                random.nextInt(10) > 0, target, groups, companies,
                scope == 1 ? Set.of(random.nextBoolean() ? PRODUCT : PRODUCT + 1) : Set.of(),
                scope == 2 ? Set.of(random.nextBoolean() ? 1L : 9L) : Set.of(),
                scope == 3 ? Set.of(random.nextBoolean() ? "Fixpro" : "Bulloni") : Set.of(), effect, value,
                random.nextInt(3) == 0 ? new BigDecimal(MIN_QTY[random.nextInt(MIN_QTY.length)]) : null,
                random.nextInt(4) == 0 ? decimal(random, 1, 1_000_000, 2) : null, random.nextInt(3),
                random.nextBoolean());
    }

    /** A random decimal between bounds given in units of the last place (so 0..50000 at scale 2 is 0.00..500.00). */
    private static BigDecimal decimal(SplittableRandom random, long fromUnits, long toUnits, int scale) {
        return BigDecimal.valueOf(fromUnits + random.nextLong(toUnits - fromUnits + 1), scale);
    }
}
