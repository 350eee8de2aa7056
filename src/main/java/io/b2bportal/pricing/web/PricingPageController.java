package io.b2bportal.pricing.web;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.pricing.PriceExplanation;
import io.b2bportal.pricing.PricedLine;
import io.b2bportal.pricing.PricingApi;
import io.b2bportal.shared.Money;
import java.util.Currency;
import java.util.Map;
import io.b2bportal.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Why this price" on pages: the product page asks for the steps at another quantity (an htmx fragment), and staff
 * have a full explanation page for any legal entity, SKU and quantity.
 */
@Controller
class PricingPageController {

    private final PricingApi pricing;
    private final PriceRequests requests;
    private final CustomersApi customers;

    PricingPageController(PricingApi pricing, PriceRequests requests, CustomersApi customers) {
        this.pricing = pricing;
        this.requests = requests;
        this.customers = customers;
    }

    @GetMapping("/prices/why")
    String why(@RequestParam String sku, @RequestParam(required = false) String qty,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        try {
            Long entity = requests.legalEntity(null);
            PriceExplanation explanation = pricing.explain(entity, sku.strip(), PriceRequests.quantity(qty));
            model.addAttribute("explanation", entity == null && PriceRequests.staff() ? explanation
                    : explanation.forBuyer());
        } catch (DomainException e) {
            model.addAttribute("error", e);
        }
        model.addAttribute("sku", sku);
        return htmx != null ? "pricing/why :: steps" : "pricing/why";
    }

    @GetMapping("/admin/pricing/explain")
    String explain(@RequestParam(required = false) Long entity, @RequestParam(required = false) String sku,
            @RequestParam(required = false) String qty, Model model) {
        model.addAttribute("entity", entity);
        model.addAttribute("sku", sku);
        model.addAttribute("qty", qty);
        if (sku != null && !sku.isBlank()) {
            try {
                Long legalEntity = requests.legalEntity(entity);
                model.addAttribute("entityRef", legalEntity == null ? null
                        : customers.legalEntity(legalEntity).orElse(null));
                PriceExplanation explanation = pricing.explain(legalEntity, sku.strip(), PriceRequests.quantity(qty));
                model.addAttribute("explanation", explanation);
                model.addAttribute("amounts", amounts(explanation.line()));
            } catch (DomainException e) {
                model.addAttribute("error", e);
            }
        }
        return "pricing/admin-explain";
    }

    /** The line's amounts as money, for the page to format in the reader's language. */
    private static Map<String, Money> amounts(PricedLine line) {
        if (!line.priced()) {
            return Map.of();
        }
        Currency currency = Currency.getInstance(line.currency());
        return Map.of("unitGross", new Money(line.unitGross(), currency), "unitNet", new Money(line.unitNet(), currency),
                "lineNet", new Money(line.lineNet(), currency), "lineVat", new Money(line.lineVat(), currency),
                "lineGross", new Money(line.lineGross(), currency));
    }
}
