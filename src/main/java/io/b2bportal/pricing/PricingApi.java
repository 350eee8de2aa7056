package io.b2bportal.pricing;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.catalog.ProductFacts;
import io.b2bportal.customers.BuyingTerms;
import io.b2bportal.customers.ContractTerms;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.pricing.PricedLine.Status;
import io.b2bportal.pricing.PricedLine.TierPrice;
import io.b2bportal.pricing.Quote.Totals;
import io.b2bportal.pricing.engine.LineAmounts;
import io.b2bportal.pricing.engine.PriceEngine;
import io.b2bportal.pricing.engine.Resolution;
import io.b2bportal.pricing.engine.Rules.Buyer;
import io.b2bportal.pricing.engine.Rules.Product;
import io.b2bportal.pricing.engine.Rules.Promotion;
import io.b2bportal.pricing.engine.Rules.RuleSet;
import io.b2bportal.pricing.engine.Rules.Tier;
import io.b2bportal.pricing.engine.Step;
import io.b2bportal.pricing.engine.VatRates;
import io.b2bportal.shared.DomainException;
import io.b2bportal.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The buyer's prices, resolved at request time from the rules (docs/pricing.md): contract price → the contract's
 * price type → the customer group's price type → base, quantity tiers, derived types, promotions, VAT per line.
 * Nothing is precomputed or cached, so a changed rule is the price of the next call. Every method reads the rules
 * for all its products in a fixed handful of statements, whatever their number.
 *
 * <p>A {@code legalEntityId} of null means "no customer": base prices, as staff see them in the catalog.
 *
 * <p>A call makes three round trips: the buyer (one statement of the customers module), its products (one of the
 * catalog) and the rules (three statements sent together, {@link PricingRules}), outside any transaction of its own:
 * under READ COMMITTED a read-only transaction would not give these statements one snapshot anyway, and its commit
 * would be one more round trip per call. Called within a caller's transaction (placing an order), it reads within
 * that one.
 */
@Service
public class PricingApi {

    /** The most products one call prices (the API's limit; a cart is priced in one call). */
    public static final int MAX_LINES = 1000;

    private final CustomersApi customers;
    private final CatalogApi catalog;
    private final PricingRules rules;
    private final VatRates vat;
    private final ExplanationText text;

    PricingApi(CustomersApi customers, CatalogApi catalog, PricingRules rules, PricingProperties properties,
            ExplanationText text) {
        this.customers = customers;
        this.catalog = catalog;
        this.rules = rules;
        this.vat = VatRates.parse(properties.vatRates());
        this.text = text;
    }

    /**
     * Prices an order of a legal entity: each line, the totals (the sums of the lines), and how much is missing to the
     * contract's minimum order amount. Promotions with a minimum order amount compare it with the order's total with
     * VAT before such promotions. Products unknown to the entity (or outside its assortment) and products without a
     * price come back as lines with that status and make the quote not orderable.
     */
    public Quote quote(long legalEntityId, List<QuoteLine> lines) {
        return quote(legalEntityId, lines, null);
    }

    /**
     * The same, with the order amount (with VAT) that promotions with a minimum order amount compare against given
     * by the caller, e.g. the whole cart while only some of its lines are priced.
     */
    public Quote quote(long legalEntityId, List<QuoteLine> lines, BigDecimal orderAmount) {
        requireSize(lines);
        Loaded loaded = loadLines(legalEntityId, lines);
        List<PricedLine> priced = priceAll(loaded, lines, orderAmount);
        if (orderAmount == null && loaded.rules().promotions().stream().anyMatch(p -> p.minOrderAmount() != null)) {
            priced = againAtOrderAmount(loaded, lines, priced, Totals.of(priced).gross());
        }
        List<String> currencies = priced.stream().map(PricedLine::currency).filter(Objects::nonNull).distinct()
                .toList();
        if (currencies.size() > 1) {
            throw DomainException.conflict("mixed-currencies", "pricing.quote.mixed-currencies",
                    String.join(", ", currencies));
        }
        Totals totals = Totals.of(priced);
        ContractTerms terms = loaded.terms();
        String currency = currencies.isEmpty() ? terms.minOrderAmount().currency().getCurrencyCode()
                : currencies.getFirst();
        BigDecimal minimum = terms.minOrderAmount().rounded().amount();
        BigDecimal shortfall = currency.equals(terms.minOrderAmount().currency().getCurrencyCode())
                ? minimum.subtract(totals.gross()).max(BigDecimal.ZERO).setScale(2) : BigDecimal.ZERO.setScale(2);
        boolean orderable = !priced.isEmpty() && priced.stream().allMatch(PricedLine::priced);
        return new Quote(legalEntityId, currency, priced, totals, orderable, minimum, shortfall);
    }

    /**
     * Unit prices and line amounts of many products at once, outside any order (promotions with a minimum order
     * amount do not apply): the price API. Lines keep the order asked; unknown SKUs are lines with that status.
     */
    public List<PricedLine> prices(Long legalEntityId, List<QuoteLine> lines) {
        requireSize(lines);
        return priceAll(loadLines(legalEntityId, lines), lines, null);
    }

    /**
     * A catalog page: each product's unit price at its minimum order quantity, by product id; products the entity
     * may not see are left out.
     */
    public Map<Long, PricedLine> catalogPrices(Long legalEntityId, Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        Loaded loaded = load(legalEntityId, List.of(), productIds);
        Map<Long, PricedLine> prices = new LinkedHashMap<>();
        for (ProductFacts product : loaded.facts()) {
            prices.put(product.id(), line(product, resolve(loaded, product, product.minOrderQty(), null)));
        }
        return prices;
    }

    /**
     * The product page: the price at a quantity, and the buyer's price from each quantity on where it drops (the
     * list's tiers and promotions with a minimum line quantity, from the product's minimum order quantity up).
     */
    public PriceExplanation productPrice(Long legalEntityId, long productId, BigDecimal quantity) {
        Loaded loaded = load(legalEntityId, List.of(), List.of(productId));
        if (loaded.facts().isEmpty()) {
            throw DomainException.notFound("product", productId);
        }
        return explanation(legalEntityId, loaded, loaded.facts().getFirst(), quantity, true);
    }

    /**
     * Why the product costs what it costs for the legal entity at the quantity: every step, in order. Buyers are
     * shown {@link PriceExplanation#forBuyer()}; staff the whole. An unknown SKU (or one outside the entity's
     * assortment) is not found.
     */
    public PriceExplanation explain(Long legalEntityId, String sku, BigDecimal quantity) {
        requirePositive(quantity);
        Loaded loaded = load(legalEntityId, List.of(sku), List.of());
        if (loaded.facts().isEmpty()) {
            throw DomainException.notFound("product", sku);
        }
        return explanation(legalEntityId, loaded, loaded.facts().getFirst(), quantity, false);
    }

    private PriceExplanation explanation(Long legalEntityId, Loaded loaded, ProductFacts product, BigDecimal quantity,
            boolean withTiers) {
        BigDecimal qty = quantity == null ? product.minOrderQty() : quantity;
        requirePositive(qty);
        Resolution resolution = resolve(loaded, product, qty, null);
        PricedLine line = line(product, resolution);
        List<Step> steps = new ArrayList<>(resolution.steps());
        if (resolution.priced()) {
            LineAmounts amounts = resolution.line();
            steps.add(new Step(Step.Kind.LINE, true, List.of(qty.stripTrailingZeros(),
                    new Money(amounts.net(), resolution.currency()), new Money(amounts.vat(), resolution.currency()),
                    new Money(amounts.gross(), resolution.currency()))));
        }
        if (withTiers) {
            line = line.withTiers(tiers(loaded, product));
        }
        return new PriceExplanation(legalEntityId, line, text.render(steps, LocaleContextHolder.getLocale()));
    }

    /** The quantities where the buyer's unit price drops, each with its price; one entry when it never drops. */
    private List<TierPrice> tiers(Loaded loaded, ProductFacts product) {
        TreeSet<BigDecimal> breaks = new TreeSet<>();
        breaks.add(product.minOrderQty());
        loaded.rules().prices().values().forEach(byProduct -> byProduct.getOrDefault(product.id(), List.of())
                .stream().map(Tier::minQty).forEach(breaks::add));
        loaded.rules().promotions().stream().map(Promotion::minLineQty).filter(Objects::nonNull).forEach(breaks::add);
        List<TierPrice> tiers = new ArrayList<>();
        for (BigDecimal qty : breaks.tailSet(product.minOrderQty(), true)) {
            Resolution resolution = resolve(loaded, product, qty, null);
            if (!resolution.priced()) {
                return List.of();
            }
            if (tiers.isEmpty() || resolution.unitGross().compareTo(tiers.getLast().unitGross()) < 0) {
                tiers.add(new TierPrice(qty.stripTrailingZeros(), resolution.unitPrice(), resolution.unitNet(),
                        resolution.unitGross(), badge(resolution.promotion())));
            }
        }
        return tiers;
    }

    /**
     * What one call works on: the buyer and its contract terms (null without a legal entity), the products it may see
     * by SKU and id, and their rules.
     */
    private record Loaded(Buyer buyer, ContractTerms terms, RuleSet rules, List<ProductFacts> facts,
            Map<String, ProductFacts> bySku, Map<Long, ProductFacts> byId, Map<Long, Product> products, Instant now) {
    }

    private Loaded loadLines(Long legalEntityId, List<QuoteLine> lines) {
        List<String> skus = lines.stream().map(QuoteLine::sku).filter(Objects::nonNull).distinct().toList();
        List<Long> ids = lines.stream().map(QuoteLine::productId).filter(Objects::nonNull).distinct().toList();
        return load(legalEntityId, skus, ids);
    }

    private Loaded load(Long legalEntityId, Collection<String> skus, Collection<Long> ids) {
        BuyingTerms buying = legalEntityId == null ? null : customers.buyingTerms(legalEntityId)
                .orElseThrow(() -> DomainException.notFound("legal-entity", legalEntityId));
        // within the entity's assortment, from the terms just read (no second look-up of the contract)
        List<ProductFacts> facts = buying == null ? catalog.productFacts(skus, ids)
                : catalog.productFactsInAssortment(buying.terms().assortment(), skus, ids);
        Map<String, ProductFacts> bySku = new HashMap<>();
        Map<Long, ProductFacts> byId = new HashMap<>();
        facts.forEach(f -> {
            bySku.put(f.sku(), f);
            byId.put(f.id(), f);
        });
        // the engine's view of each product once per call (the category path is parsed here, not once per resolution)
        Map<Long, Product> products = new HashMap<>();
        facts.forEach(f -> products.put(f.id(), product(f)));
        Instant now = Instant.now();
        PricingRules.Loaded read = rules.load(buyer(buying), products.values(), now);
        return new Loaded(read.buyer(), buying == null ? null : buying.terms(), read.rules(), facts, bySku, byId,
                products, now);
    }

    /**
     * The buyer behind a legal entity, without its group's price type, which {@link PricingRules} reads with the
     * types. A contract's price type counts while the contract runs (not terminated, not past its end date); without
     * one the group's type, then the base.
     */
    private static Buyer buyer(BuyingTerms buying) {
        if (buying == null) {
            return Buyer.anonymous();
        }
        ContractTerms terms = buying.terms();
        boolean contractRuns = !terms.isDefault() && !"TERMINATED".equals(terms.status())
                && (terms.endsOn() == null || !terms.endsOn().isBefore(LocalDate.now(ExplanationText.SELLER_ZONE)));
        return new Buyer(buying.legalEntityId(), buying.companyId(), buying.groupId(),
                contractRuns ? terms.priceType() : null, null);
    }

    private List<PricedLine> priceAll(Loaded loaded, List<QuoteLine> lines, BigDecimal orderAmount) {
        List<PricedLine> priced = new ArrayList<>(lines.size());
        for (QuoteLine line : lines) {
            ProductFacts product = line.sku() != null ? loaded.bySku().get(line.sku())
                    : loaded.byId().get(line.productId());
            priced.add(product == null ? PricedLine.unknown(line.sku(), line.productId(), line.quantity())
                    : line(product, resolve(loaded, product, line.quantity(), orderAmount)));
        }
        return priced;
    }

    /**
     * The lines priced again with the order's total for promotions with a minimum order amount: only those whose
     * price can change, where such a promotion covers the product and the total reaches its minimum
     * ({@link PriceEngine#dependsOnOrderAmount}); the others would resolve exactly as they did.
     */
    private List<PricedLine> againAtOrderAmount(Loaded loaded, List<QuoteLine> lines, List<PricedLine> priced,
            BigDecimal orderAmount) {
        List<PricedLine> again = new ArrayList<>(priced);
        for (int i = 0; i < lines.size(); i++) {
            QuoteLine line = lines.get(i);
            ProductFacts product = line.sku() != null ? loaded.bySku().get(line.sku())
                    : loaded.byId().get(line.productId());
            if (product != null && PriceEngine.dependsOnOrderAmount(loaded.rules(), loaded.buyer(),
                    loaded.products().get(product.id()), orderAmount, loaded.now())) {
                again.set(i, line(product, resolve(loaded, product, line.quantity(), orderAmount)));
            }
        }
        return again;
    }

    private Resolution resolve(Loaded loaded, ProductFacts product, BigDecimal quantity, BigDecimal orderAmount) {
        return PriceEngine.resolve(loaded.rules(), loaded.buyer(), loaded.products().get(product.id()), quantity,
                orderAmount, loaded.now(), vat);
    }

    private static PricedLine line(ProductFacts product, Resolution r) {
        BigDecimal percent = r.vatPercent().orElse(null);
        if (!r.priced()) {
            return new PricedLine(product.sku(), product.id(), r.quantity(), Status.PRICE_ON_REQUEST, null, null,
                    false, product.vatRate(), percent, null, null, null, null, null, PriceSource.NONE, null,
                    r.priceTypeCode(), List.of());
        }
        LineAmounts amounts = r.line();
        return new PricedLine(product.sku(), product.id(), r.quantity(), Status.PRICED,
                r.currency().getCurrencyCode(), r.unitPrice(), r.includesVat(), product.vatRate(), percent,
                r.unitNet(), r.unitGross(), amounts.net(), amounts.vat(), amounts.gross(), r.source(),
                badge(r.promotion()), r.priceTypeCode(), List.of());
    }

    private static PromotionBadge badge(Promotion promotion) {
        return promotion == null ? null
                : new PromotionBadge(promotion.id(), promotion.name(), promotion.nameEn(), promotion.endsAt());
    }

    private static Product product(ProductFacts facts) {
        return new Product(facts.id(), facts.sku(), facts.vatRate(), facts.categoryIds(), facts.brand());
    }

    private static void requireSize(List<QuoteLine> lines) {
        if (lines.size() > MAX_LINES) {
            throw DomainException.invalid("too-many-lines", "pricing.too-many-lines", MAX_LINES, lines.size());
        }
    }

    private static void requirePositive(BigDecimal quantity) {
        if (quantity != null && quantity.signum() <= 0) {
            throw DomainException.invalid("quantity", "pricing.quantity.invalid", quantity.toPlainString());
        }
    }
}
