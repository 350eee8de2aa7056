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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule sets for engine tests in one line each: a base list with prices, derived types, tiers, contract prices,
 * promotions, and a buyer. Every test starts from {@link #base()}: product {@link #BOLT} (VAT 22 %, category
 * 1 → 5, brand Fixpro) with a base price, the base list including VAT.
 */
final class PricingFixture {

    static final long BOLT = 10;
    static final long GROUP = 7;
    static final long COMPANY = 70;
    static final long FASTENERS = 1;
    static final long BOLTS = 5;
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final Map<String, PriceType> types = new HashMap<>();
    private final Map<Long, PriceList> lists = new HashMap<>();
    private final Map<Long, Map<Long, List<Tier>>> prices = new HashMap<>();
    private final Map<Long, ContractPrice> contract = new HashMap<>();
    private final List<Promotion> promotions = new ArrayList<>();
    private Product product = new Product(BOLT, "BLT-1", "22", List.of(FASTENERS, BOLTS), "Fixpro");
    private String contractType;
    private String groupType;
    private BigDecimal orderAmount;

    private PricingFixture() {
    }

    /** The base list (id 1, with VAT) and the base type; no prices yet. */
    static PricingFixture base() {
        PricingFixture fixture = new PricingFixture();
        fixture.list(1, "base", true);
        fixture.types.put("base", PriceType.list("base", "Base", 1));
        return fixture;
    }

    PricingFixture list(long id, String code, boolean includesVat) {
        lists.put(id, new PriceList(id, code, code, Money.RUB, includesVat));
        return this;
    }

    PricingFixture listType(String code, long listId) {
        types.put(code, PriceType.list(code, code, listId));
        return this;
    }

    PricingFixture price(long listId, String amount) {
        return tier(listId, "1", amount);
    }

    PricingFixture tier(long listId, String minQty, String amount) {
        prices.computeIfAbsent(listId, k -> new HashMap<>()).computeIfAbsent(product.id(), k -> new ArrayList<>())
                .add(new Tier(new BigDecimal(minQty), new BigDecimal(amount)));
        return this;
    }

    PricingFixture percent(String code, String parent, String percent, Rounding rounding) {
        types.put(code, PriceType.derived(code, code, parent, AdjustmentKind.PERCENT, new BigDecimal(percent),
                rounding));
        return this;
    }

    PricingFixture amount(String code, String parent, String amount, Rounding rounding) {
        types.put(code, PriceType.derived(code, code, parent, AdjustmentKind.AMOUNT, new BigDecimal(amount),
                rounding));
        return this;
    }

    PricingFixture contractPrice(String amount, boolean includesVat) {
        contract.put(product.id(), new ContractPrice(new BigDecimal(amount), Money.RUB, includesVat));
        return this;
    }

    PricingFixture contractType(String code) {
        contractType = code;
        return this;
    }

    PricingFixture groupType(String code) {
        groupType = code;
        return this;
    }

    PricingFixture vat(String rate) {
        product = new Product(product.id(), product.sku(), rate, product.categoryPath(), product.brand());
        return this;
    }

    PricingFixture orderAmount(String amount) {
        orderAmount = new BigDecimal(amount);
        return this;
    }

    PricingFixture promotion(PromotionSpec spec) {
        promotions.add(spec.build());
        return this;
    }

    RuleSet rules() {
        return new RuleSet(types, lists, prices, contract, promotions);
    }

    Buyer buyer() {
        return new Buyer(100L, COMPANY, GROUP, contractType, groupType);
    }

    Product product() {
        return product;
    }

    Resolution at(long quantity) {
        return at(BigDecimal.valueOf(quantity));
    }

    Resolution at(BigDecimal quantity) {
        return PriceEngine.resolve(rules(), buyer(), product, quantity, orderAmount, NOW, VatRates.russian());
    }

    /** The resolved unit price as a plain string with kopecks ("85.00"), or "none". */
    String unitAt(long quantity) {
        Resolution resolution = at(quantity);
        return resolution.priced() ? resolution.unitPrice().toPlainString() : "none";
    }

    static PromotionSpec promotion(long id, Effect effect, String value) {
        return new PromotionSpec(id, effect, new BigDecimal(value));
    }

    /** A promotion for everyone on the whole catalog, running now, unless told otherwise. */
    static final class PromotionSpec {
        private final long id;
        private final Effect effect;
        private final BigDecimal value;
        private Target target = Target.EVERYONE;
        private Set<Long> groups = Set.of();
        private Set<Long> companies = Set.of();
        private Set<Long> productIds = Set.of();
        private Set<Long> categories = Set.of();
        private Set<String> brands = Set.of();
        private BigDecimal minLineQty;
        private BigDecimal minOrderAmount;
        private int priority;
        private boolean stacks;
        private Instant startsAt = NOW.minusSeconds(86_400);
        private Instant endsAt = NOW.plusSeconds(86_400 * 10);
        private boolean active = true;

        private PromotionSpec(long id, Effect effect, BigDecimal value) {
            this.id = id;
            this.effect = effect;
            this.value = value;
        }

        PromotionSpec forGroup(long group) {
            target = Target.GROUPS;
            groups = Set.of(group);
            return this;
        }

        PromotionSpec forCompany(long company) {
            target = Target.COMPANIES;
            companies = Set.of(company);
            return this;
        }

        PromotionSpec onProduct(long productId) {
            productIds = Set.of(productId);
            return this;
        }

        PromotionSpec onCategory(long category) {
            categories = Set.of(category);
            return this;
        }

        PromotionSpec onBrand(String brand) {
            brands = Set.of(brand);
            return this;
        }

        PromotionSpec minLineQty(long qty) {
            minLineQty = BigDecimal.valueOf(qty);
            return this;
        }

        PromotionSpec minOrderAmount(String amount) {
            minOrderAmount = new BigDecimal(amount);
            return this;
        }

        PromotionSpec priority(int value) {
            priority = value;
            return this;
        }

        PromotionSpec stacking() {
            stacks = true;
            return this;
        }

        PromotionSpec window(Instant from, Instant to) {
            startsAt = from;
            endsAt = to;
            return this;
        }

        PromotionSpec inactive() {
            active = false;
            return this;
        }

        Promotion build() {
            return new Promotion(id, "Promo " + id, "Promo " + id + " (en)", startsAt, endsAt, active, target, groups,
                    companies, productIds, categories, brands, effect, value, minLineQty, minOrderAmount, priority,
                    stacks);
        }
    }
}
