package io.b2bportal.pricing.web;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.pricing.PricingApi;
import io.b2bportal.pricing.QuoteLine;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a price request asks, read the same way for the API and the pages: the SKUs with their quantities, and whose
 * prices (the caller's acting legal entity; staff: base prices, or a legal entity they name).
 */
@Component
class PriceRequests {

    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");

    private final LegalEntityContext context;
    private final CustomersApi customers;

    PriceRequests(LegalEntityContext context, CustomersApi customers) {
        this.context = context;
        this.customers = customers;
    }

    /** One quantity for every SKU, or one per SKU; none means one unit each. */
    static List<QuoteLine> lines(List<String> skus, List<String> quantities) {
        if (skus == null || skus.isEmpty()) {
            throw DomainException.invalid("sku-required", "pricing.sku.required");
        }
        if (skus.size() > PricingApi.MAX_LINES) {
            throw DomainException.invalid("too-many-lines", "pricing.too-many-lines", PricingApi.MAX_LINES,
                    skus.size());
        }
        List<String> qty = quantities == null ? List.of() : quantities;
        if (qty.size() > 1 && qty.size() != skus.size()) {
            throw DomainException.invalid("quantity-count", "pricing.quantity.count", skus.size(), qty.size());
        }
        List<QuoteLine> lines = new ArrayList<>(skus.size());
        BigDecimal shared = qty.size() == 1 ? quantity(qty.getFirst()) : BigDecimal.ONE;
        for (int i = 0; i < skus.size(); i++) {
            String sku = skus.get(i) == null ? "" : skus.get(i).strip();
            lines.add(QuoteLine.of(sku, qty.size() > 1 ? quantity(qty.get(i)) : shared));
        }
        return lines;
    }

    /** A positive number of at most three decimals (as quantities are stored), or a 422 that quotes the text. */
    static BigDecimal quantity(String text) {
        if (text == null || text.isBlank()) {
            return BigDecimal.ONE;
        }
        try {
            BigDecimal quantity = new BigDecimal(text.strip());
            if (quantity.signum() > 0 && quantity.compareTo(MAX_QUANTITY) <= 0
                    && quantity.stripTrailingZeros().scale() <= 3) {
                return quantity;
            }
        } catch (NumberFormatException e) {
            // reported below with the text as given
        }
        throw DomainException.invalid("quantity", "pricing.quantity.invalid", text);
    }

    /**
     * Whose prices: a customer user gets their acting legal entity (or one they may act for, if named); staff get base
     * prices, the customer they are viewing the portal as, or the legal entity they name.
     */
    Long legalEntity(Long requested) {
        boolean staff = PortalUser.current().map(PortalUser::isStaff).orElse(false);
        if (staff) {
            if (requested == null) {
                return context.current().map(LegalEntityRef::id).orElse(null);
            }
            return customers.legalEntity(requested).map(LegalEntityRef::id)
                    .orElseThrow(() -> DomainException.notFound("legal-entity", requested));
        }
        if (requested != null) {
            return context.acting().stream().filter(e -> e.id() == requested).findFirst().map(LegalEntityRef::id)
                    .orElseThrow(() -> new DomainException(403, "legal-entity-forbidden",
                            "customers.context.forbidden", requested));
        }
        return context.current().map(LegalEntityRef::id)
                .orElseThrow(() -> DomainException.conflict("no-legal-entity", "customers.context.none"));
    }

    static boolean staff() {
        return PortalUser.current().map(PortalUser::isStaff).orElse(false);
    }
}
