package io.b2bportal.pricing.engine;

import io.b2bportal.pricing.PriceSource;
import io.b2bportal.pricing.engine.Rules.Buyer;
import io.b2bportal.pricing.engine.Rules.ContractPrice;
import io.b2bportal.pricing.engine.Rules.PriceList;
import io.b2bportal.pricing.engine.Rules.PriceType;
import io.b2bportal.pricing.engine.Rules.Product;
import io.b2bportal.pricing.engine.Rules.Promotion;
import io.b2bportal.pricing.engine.Rules.RuleSet;
import io.b2bportal.pricing.engine.Rules.Tier;
import io.b2bportal.pricing.engine.Step.Kind;
import io.b2bportal.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves one unit price from loaded {@link Rules}: a pure function, no database, no clock of its own
 * (docs/pricing.md describes the same rules for people).
 * <ol>
 *   <li>The contract price of the legal entity for the product, if any.</li>
 *   <li>The price type: the contract's, else the customer group's, else {@code base}; a type that does not exist or
 *       whose chain runs in a circle is reported and skipped. A list type takes the lowest price among its tiers
 *       from at most the quantity (so more units never cost more each); a list without the product falls back to
 *       the base type. A derived type adjusts its parent's price and rounds it; chains may be of any depth.</li>
 *   <li>Running promotions for the buyer covering the product, whose conditions hold, each lower the price-type
 *       price (or, if they stack with contracts, the contract price). They do not add up: the lowest candidate wins,
 *       compared with VAT; on equal prices the contract or price-type price wins over a promotion, and a promotion
 *       of higher priority (then lower id) over another. A promotion never raises a price.</li>
 *   <li>The unit price is rounded to kopecks, HALF_UP.</li>
 * </ol>
 */
public final class PriceEngine {

    public static final String BASE = "base";
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private PriceEngine() {
    }

    /** A price in one currency and VAT basis, before the final rounding. */
    private record Priced(BigDecimal amount, Currency currency, boolean includesVat) {
    }

    /** A price the buyer might get: the contract or price-type price, or one promotion's result. */
    private record Candidate(Priced price, PriceSource source, Promotion promotion, boolean onContract) {
    }

    /** The outcome of walking a price type's parents: the chain to a list type, or why there is none. */
    private record Chain(List<PriceType> types, String unknown, List<String> cycle) {

        boolean ok() {
            return unknown == null && cycle == null;
        }
    }

    /**
     * @param orderAmount the order's amount with VAT, for promotions with a minimum order amount; null when there
     *                    is no order (a catalog page), and then such promotions do not apply
     */
    public static Resolution resolve(RuleSet rules, Buyer buyer, Product product, BigDecimal quantity,
            BigDecimal orderAmount, Instant now, VatRates vat) {
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        Optional<BigDecimal> rate = vat.percent(product.vatRate());
        List<Step> steps = new ArrayList<>();
        ContractPrice contract = rules.contractPrices().get(product.id());
        if (contract != null) {
            steps.add(Kind.CONTRACT_PRICE.with(money(contract.amount(), contract.currency())));
        }
        List<Step> typeSteps = new ArrayList<>();
        String[] typeCode = new String[1];
        Priced typePrice = typePrice(rules, buyer, product, quantity, typeSteps, typeCode);

        Candidate base = contract != null
                ? new Candidate(new Priced(contract.amount(), contract.currency(), contract.includesVat()),
                        PriceSource.CONTRACT, null, false)
                : typePrice != null ? new Candidate(typePrice, PriceSource.PRICE_TYPE, null, false) : null;
        if (base == null) {
            steps.addAll(typeSteps);
            steps.add(Kind.NO_PRICE.with());
            return new Resolution(product, quantity, null, null, false, rate, PriceSource.NONE, null, typeCode[0],
                    steps);
        }

        List<Step> promotionSteps = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Promotion promotion : applicable(rules, buyer, product, quantity, orderAmount, now,
                base.price().currency(), promotionSteps)) {
            boolean onContract = contract != null && promotion.stacksWithContract();
            Priced target = onContract ? base.price() : typePrice;
            if (target == null) {
                continue;
            }
            if (!target.currency().equals(base.price().currency())) {
                promotionSteps.add(Kind.PROMOTION_OTHER_CURRENCY.with(label(promotion)));
                continue;
            }
            candidates.add(new Candidate(new Priced(promoted(promotion, target.amount()), target.currency(),
                    target.includesVat()), PriceSource.PROMOTION, promotion, onContract));
        }

        Candidate best = base;
        for (Candidate candidate : candidates) {
            if (compare(candidate, best, rate) < 0) {
                best = candidate;
            }
        }
        // with a contract price, how the price type resolved is staff detail, unless a promotion on it won
        boolean typeIsShown = contract == null || (best.promotion() != null && !best.onContract());
        typeSteps.forEach(step -> steps.add(typeIsShown ? step : new Step(step.kind(), false, step.args())));
        steps.addAll(promotionSteps);
        for (Candidate candidate : candidates) {
            Money result = money(candidate.price().amount(), candidate.price().currency());
            Label name = label(candidate.promotion());
            if (candidate == best) {
                if (candidate.onContract()) {
                    steps.add(Kind.PROMOTION_ON_CONTRACT.with(name));
                }
                steps.add(promotionStep(candidate.promotion(), result));
            } else if (compare(candidate, base, rate) >= 0) {
                steps.add(base.source() == PriceSource.CONTRACT && !candidate.onContract()
                        ? Kind.CONTRACT_KEPT.with(name, result) : Kind.PROMOTION_NOT_LOWER.with(name, result));
            } else {
                steps.add(Kind.PROMOTION_NOT_BEST.with(name, result));
            }
        }

        BigDecimal unit = kopecks(best.price().amount());
        if (unit.compareTo(best.price().amount()) != 0) {
            steps.add(Kind.FINAL_ROUNDING.with(money(best.price().amount(), best.price().currency()),
                    money(unit, best.price().currency())));
        }
        steps.add(rate.isEmpty() ? Kind.VAT_EXEMPT.with()
                : best.price().includesVat() ? Kind.VAT_INCLUDED.with(rate.get()) : Kind.VAT_ADDED.with(rate.get()));
        return new Resolution(product, quantity, unit, best.price().currency(), best.price().includesVat(), rate,
                best.source(), best.promotion(), typeCode[0], steps);
    }

    /**
     * Orders candidates by their price with VAT after rounding to kopecks; the contract or price-type price before
     * any promotion, then promotions by priority (higher first), then id.
     */
    private static int compare(Candidate a, Candidate b, Optional<BigDecimal> rate) {
        int byPrice = gross(a, rate).compareTo(gross(b, rate));
        if (byPrice != 0) {
            return byPrice;
        }
        return PROMOTION_ORDER.compare(a.promotion(), b.promotion());
    }

    /** Priority (higher first), then id; {@link RuleSet} keeps its promotions in this order. */
    static final Comparator<Promotion> PROMOTION_ORDER = Comparator.nullsFirst(
            Comparator.comparingInt(Promotion::priority).reversed().thenComparingLong(Promotion::id));

    private static BigDecimal gross(Candidate candidate, Optional<BigDecimal> rate) {
        return LineAmounts.grossEquivalent(kopecks(candidate.price().amount()), candidate.price().includesVat(), rate);
    }

    private static List<Promotion> applicable(RuleSet rules, Buyer buyer, Product product, BigDecimal quantity,
            BigDecimal orderAmount, Instant now, Currency currency, List<Step> steps) {
        List<Promotion> applicable = new ArrayList<>();
        for (Promotion promotion : rules.covering(product)) {
            if (!promotion.runsAt(now) || !promotion.targets(buyer)) {
                continue;
            }
            if (promotion.minLineQty() != null && quantity.compareTo(promotion.minLineQty()) < 0) {
                steps.add(Kind.PROMOTION_MIN_QTY.with(label(promotion), promotion.minLineQty()));
            } else if (promotion.minOrderAmount() != null
                    && (orderAmount == null || orderAmount.compareTo(promotion.minOrderAmount()) < 0)) {
                steps.add(Kind.PROMOTION_MIN_ORDER.with(label(promotion), money(promotion.minOrderAmount(), currency)));
            } else {
                applicable.add(promotion);
            }
        }
        return applicable;
    }

    /**
     * Whether the product's price may differ at this order amount from its price outside an order: only when a
     * running promotion for the buyer that covers the product asks for a minimum order amount the order reaches. When
     * not, {@link #resolve} gives the same resolution with this order amount as with none, so a quote prices such
     * lines once.
     */
    public static boolean dependsOnOrderAmount(RuleSet rules, Buyer buyer, Product product, BigDecimal orderAmount,
            Instant now) {
        for (Promotion promotion : rules.covering(product)) {
            if (promotion.minOrderAmount() != null && orderAmount.compareTo(promotion.minOrderAmount()) >= 0
                    && promotion.runsAt(now) && promotion.targets(buyer)) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal promoted(Promotion promotion, BigDecimal price) {
        BigDecimal result = switch (promotion.effect()) {
            case PERCENT_OFF -> price.multiply(HUNDRED.subtract(promotion.value())).divide(HUNDRED, 10,
                    RoundingMode.HALF_UP);
            case AMOUNT_OFF -> price.subtract(promotion.value());
            case SPECIAL_PRICE -> promotion.value();
        };
        return kopecks(result.max(BigDecimal.ZERO));
    }

    private static Step promotionStep(Promotion promotion, Money result) {
        Label name = label(promotion);
        return switch (promotion.effect()) {
            case PERCENT_OFF -> Kind.PROMOTION_PERCENT.with(name, promotion.value(), result, promotion.endsAt());
            case AMOUNT_OFF -> Kind.PROMOTION_AMOUNT.with(name, money(promotion.value(), result.currency()), result,
                    promotion.endsAt());
            case SPECIAL_PRICE -> Kind.PROMOTION_SPECIAL.with(name, result, promotion.endsAt());
        };
    }

    /** The price of the buyer's price type: the contract's, the group's or the base one, the first that resolves. */
    private static Priced typePrice(RuleSet rules, Buyer buyer, Product product, BigDecimal quantity,
            List<Step> steps, String[] chosenCode) {
        String[][] order = {{buyer.contractPriceType(), Kind.TYPE_CONTRACT.name()},
            {buyer.groupPriceType(), Kind.TYPE_GROUP.name()}, {BASE, Kind.TYPE_BASE.name()}};
        Set<String> tried = new LinkedHashSet<>();
        for (String[] candidate : order) {
            String code = candidate[0];
            if (code == null || !tried.add(code)) {
                continue;
            }
            Chain chain = chain(rules, code);
            if (chain.unknown() != null) {
                steps.add(Kind.TYPE_UNKNOWN.with(code, chain.unknown()));
                continue;
            }
            if (chain.cycle() != null) {
                steps.add(Kind.TYPE_CYCLE.with(code, String.join(" → ", chain.cycle())));
                continue;
            }
            PriceType type = chain.types().getFirst();
            steps.add(Kind.valueOf(candidate[1]).with(new Label(type.name(), type.nameEn()), code));
            chosenCode[0] = code;
            return priceOf(rules, chain, product, quantity, steps, false);
        }
        return null;
    }

    /**
     * The price lists a resolution for this buyer reads: the list of the first of its price types (the contract's,
     * the group's, base) whose chain resolves, since {@link #resolve} never goes past that one, and the base list,
     * where a product the list lacks falls back. Only {@code rules.types()} and {@code rules.lists()} are used, so the
     * price rows can be loaded for these lists alone.
     */
    public static Set<Long> listsRead(RuleSet rules, Buyer buyer) {
        Set<Long> lists = new LinkedHashSet<>();
        Set<String> tried = new LinkedHashSet<>();
        for (String code : new String[] {buyer.contractPriceType(), buyer.groupPriceType(), BASE}) {
            if (code == null || !tried.add(code)) {
                continue;
            }
            Chain chain = chain(rules, code);
            if (chain.ok()) {
                lists.add(chain.types().getLast().priceListId());
                break;
            }
        }
        PriceList base = baseList(rules);
        if (base != null) {
            lists.add(base.id());
        }
        return lists;
    }

    /** Follows parents from a type to its list type; never loops: a type seen twice is a cycle. */
    private static Chain chain(RuleSet rules, String code) {
        List<PriceType> types = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String current = code;
        while (true) {
            PriceType type = rules.types().get(current);
            if (type == null || (type.isList() && !rules.lists().containsKey(type.priceListId()))
                    || (!type.isList() && type.parentCode() == null)) {
                return new Chain(null, current, null);
            }
            if (!seen.add(current)) {
                List<String> cycle = new ArrayList<>(seen);
                cycle.add(current);
                return new Chain(null, null, cycle.subList(cycle.indexOf(current), cycle.size()));
            }
            types.add(type);
            if (type.isList()) {
                return new Chain(types, null, null);
            }
            current = type.parentCode();
        }
    }

    private static Priced priceOf(RuleSet rules, Chain chain, Product product, BigDecimal quantity, List<Step> steps,
            boolean fallingBack) {
        PriceType root = chain.types().getLast();
        PriceList list = rules.lists().get(root.priceListId());
        List<Tier> tiers = rules.tiers(list.id(), product.id());
        Priced price;
        if (tiers.isEmpty()) {
            PriceList baseList = baseList(rules);
            if (fallingBack || baseList == null || baseList.id() == list.id()) {
                return null;
            }
            steps.add(Kind.LIST_MISSING.with(list.name()));
            Chain base = chain(rules, BASE);
            if (!base.ok()) {
                return null;
            }
            price = priceOf(rules, base, product, quantity, steps, true);
            if (price == null) {
                return null;
            }
        } else {
            price = new Priced(tierPrice(list, tiers, quantity, steps), list.currency(), list.includesVat());
        }
        for (int i = chain.types().size() - 2; i >= 0; i--) {
            price = adjust(chain.types().get(i), price, steps);
        }
        return price;
    }

    /** The base type's list, when the base type is a list type (it is, unless the data is broken). */
    private static PriceList baseList(RuleSet rules) {
        PriceType base = rules.types().get(BASE);
        return base == null || !base.isList() ? null : rules.lists().get(base.priceListId());
    }

    /**
     * The lowest price among the tiers from at most the quantity, so a larger quantity never costs more per unit;
     * below the smallest tier, the smallest tier's price.
     */
    private static BigDecimal tierPrice(PriceList list, List<Tier> tiers, BigDecimal quantity, List<Step> steps) {
        Tier chosen = null;
        Tier smallest = null;
        for (Tier tier : tiers) {
            if (smallest == null || tier.minQty().compareTo(smallest.minQty()) < 0) {
                smallest = tier;
            }
            if (tier.minQty().compareTo(quantity) <= 0 && (chosen == null
                    || tier.amount().compareTo(chosen.amount()) < 0
                    || (tier.amount().compareTo(chosen.amount()) == 0 && tier.minQty().compareTo(chosen.minQty()) > 0))) {
                chosen = tier;
            }
        }
        if (chosen == null) {
            steps.add(Kind.TIER_BELOW_SMALLEST.with(smallest.minQty()));
            chosen = smallest;
        }
        Money amount = money(chosen.amount(), list.currency());
        steps.add(tiers.size() == 1 && chosen.minQty().compareTo(BigDecimal.ONE) <= 0
                ? Kind.LIST_PRICE.with(list.name(), amount)
                : Kind.TIER.with(list.name(), chosen.minQty().stripTrailingZeros(), amount));
        return chosen.amount();
    }

    private static Priced adjust(PriceType type, Priced parent, List<Step> steps) {
        BigDecimal adjusted = switch (type.adjustmentKind()) {
            case PERCENT -> parent.amount().multiply(HUNDRED.add(type.adjustment())).divide(HUNDRED, 10,
                    RoundingMode.HALF_UP);
            case AMOUNT -> parent.amount().add(type.adjustment());
        };
        adjusted = adjusted.max(BigDecimal.ZERO);
        BigDecimal rounded = type.rounding().apply(adjusted);
        Label name = new Label(type.name(), type.nameEn());
        Money result = money(rounded, parent.currency());
        steps.add(type.adjustmentKind() == Rules.AdjustmentKind.PERCENT
                ? Kind.DERIVED_PERCENT.with(name, type.adjustment().stripTrailingZeros(), result)
                : Kind.DERIVED_AMOUNT.with(name, money(type.adjustment(), parent.currency()), result));
        if (rounded.compareTo(adjusted) != 0) {
            steps.add(Kind.ROUNDING.with(type.rounding().name(), money(adjusted, parent.currency()), result));
        }
        return new Priced(rounded, parent.currency(), parent.includesVat());
    }

    private static Label label(Promotion promotion) {
        return new Label(promotion.name(), promotion.nameEn());
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    private static BigDecimal kopecks(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
