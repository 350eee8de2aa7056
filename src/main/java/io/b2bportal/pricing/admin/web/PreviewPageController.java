package io.b2bportal.pricing.admin.web;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.catalog.ProductQuery;
import io.b2bportal.catalog.ProductRow;
import io.b2bportal.catalog.SearchResult;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.pricing.PriceExplanation;
import io.b2bportal.pricing.PricedLine;
import io.b2bportal.pricing.PricingApi;
import io.b2bportal.pricing.admin.PricingAdminAccess;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Preview as customer X": a page of the catalog with the prices one legal entity gets right now, and the short
 * explanation its buyers see, straight from the pricing engine (so a rule changed a second ago shows). Read-only;
 * an account manager previews only their own clients.
 */
@Controller
class PreviewPageController {

    static final int PAGE_SIZE = 50;

    private final PricingApi pricing;
    private final CatalogApi catalog;
    private final CustomersApi customers;
    private final PricingAdminAccess access;
    private final EntityPicker picker;

    PreviewPageController(PricingApi pricing, CatalogApi catalog, CustomersApi customers, PricingAdminAccess access,
            EntityPicker picker) {
        this.pricing = pricing;
        this.catalog = catalog;
        this.customers = customers;
        this.access = access;
        this.picker = picker;
    }

    /** A catalog row as the entity sees it: its price (null outside its assortment) and why. */
    public record PreviewRow(ProductRow product, PricedLine price, PriceExplanation why) {

        public boolean visible() {
            return price != null;
        }
    }

    @GetMapping("/admin/pricing/preview")
    String preview(@AuthenticationPrincipal PortalUser staff, @RequestParam(required = false) Long entity,
            @RequestParam(required = false) String find, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        access.requireStaff(staff);
        model.addAttribute("tab", "preview");
        model.addAttribute("find", find == null ? "" : find);
        model.addAttribute("choices", picker.find(staff, find));
        if (htmx != null && entity == null) {
            return "pricing/admin/preview :: choices";
        }
        if (entity != null) {
            access.requireEntityVisible(staff, entity);
            model.addAttribute("entity", customers.legalEntity(entity).orElseThrow());
            model.addAttribute("terms", customers.termsOf(entity));
            SearchResult result = catalog.search(new ProductQuery(q, null, List.of(), Map.of(), false,
                    q == null || q.isBlank() ? "sku" : "relevance", Math.max(0, page), PAGE_SIZE));
            List<ProductRow> rows = result.rows();
            Map<Long, PricedLine> prices = pricing.catalogPrices(entity, rows.stream().map(ProductRow::id).toList());
            model.addAttribute("rows", rows.stream().map(row -> {
                PricedLine line = prices.get(row.id());
                return new PreviewRow(row, line, line == null ? null
                        : pricing.explain(entity, row.sku(), row.minOrderQty()).forBuyer());
            }).toList());
            model.addAttribute("q", q == null ? "" : q);
            model.addAttribute("page", Math.max(0, page));
            model.addAttribute("hasNext", result.total() > (long) (page + 1) * PAGE_SIZE);
            model.addAttribute("total", result.total());
        }
        return "pricing/admin/preview";
    }
}
