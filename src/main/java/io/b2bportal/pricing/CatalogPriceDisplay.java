package io.b2bportal.pricing;

import io.b2bportal.catalog.PriceDisplay;
import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.Money;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The catalog's prices, for the caller of the request: a buyer (or staff viewing as a customer) sees the acting legal
 * entity's prices, other staff the base prices. A buyer sees the short "why this price", staff the full one.
 */
@Component
class CatalogPriceDisplay implements PriceDisplay {

    private final PricingApi pricing;
    private final LegalEntityContext context;

    CatalogPriceDisplay(PricingApi pricing, LegalEntityContext context) {
        this.pricing = pricing;
        this.context = context;
    }

    @Override
    public Map<Long, ShownPrice> prices(Collection<Long> productIds) {
        Map<Long, ShownPrice> shown = new LinkedHashMap<>();
        pricing.catalogPrices(entity(), productIds).forEach((id, line) -> shown.put(id, shown(line.priced()
                ? new Shown(line.currency(), line.unitNet(), line.unitGross(), line.pricesIncludeVat(),
                        line.source(), line.promotion()) : null)));
        return shown;
    }

    @Override
    public Set<Long> pricedWithin(Collection<Long> productIds, BigDecimal from, BigDecimal to) {
        Set<Long> within = new HashSet<>();
        List<Long> ids = List.copyOf(productIds);
        Long entity = entity();
        // in slices of a cart's size: each slice is one resolution (a few statements), never one per product
        for (int start = 0; start < ids.size(); start += PricingApi.MAX_LINES) {
            pricing.catalogPrices(entity, ids.subList(start, Math.min(ids.size(), start + PricingApi.MAX_LINES)))
                    .forEach((id, line) -> {
                        if (line.priced() && (from == null || line.unitGross().compareTo(from) >= 0)
                                && (to == null || line.unitGross().compareTo(to) <= 0)) {
                            within.add(id);
                        }
                    });
        }
        return within;
    }

    @Override
    public Optional<ProductPrice> product(long productId, BigDecimal quantity) {
        PriceExplanation explanation = pricing.productPrice(entity(), productId, quantity);
        boolean staff = PortalUser.current().map(PortalUser::isStaff).orElse(false) && entity() == null;
        PricedLine line = explanation.line();
        List<Tier> tiers = line.tiers().size() < 2 ? List.of() : line.tiers().stream()
                .map(t -> new Tier(t.minQty(), shown(new Shown(line.currency(), t.unitNet(), t.unitGross(),
                        line.pricesIncludeVat(), t.promotion() != null ? PriceSource.PROMOTION : line.source(),
                        t.promotion()))))
                .toList();
        List<String> why = (staff ? explanation : explanation.forBuyer()).steps().stream()
                .map(PriceExplanation.ExplanationStep::text).toList();
        return Optional.of(new ProductPrice(line.quantity(), shown(line.priced() ? new Shown(line.currency(),
                line.unitNet(), line.unitGross(), line.pricesIncludeVat(), line.source(), line.promotion()) : null),
                tiers, why));
    }

    private record Shown(String currency, BigDecimal net, BigDecimal gross, boolean includesVat, PriceSource source,
            PromotionBadge promotion) {
    }

    private static ShownPrice shown(Shown price) {
        if (price == null) {
            return ShownPrice.none();
        }
        Currency currency = Currency.getInstance(price.currency());
        PromotionBadge badge = price.promotion();
        return new ShownPrice(new Money(price.net(), currency), new Money(price.gross(), currency),
                price.includesVat(), price.source().name(),
                badge == null ? null : badge.name(LocaleContextHolder.getLocale()),
                badge == null ? null : badge.endsAt(), badge == null ? null : badge.lastDay());
    }

    /** The acting legal entity; null for staff who are not viewing the portal as a customer. */
    private Long entity() {
        return context.current().map(LegalEntityRef::id).orElse(null);
    }
}
