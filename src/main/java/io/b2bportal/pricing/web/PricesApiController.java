package io.b2bportal.pricing.web;

import io.b2bportal.pricing.PriceExplanation;
import io.b2bportal.pricing.PricedLine;
import io.b2bportal.pricing.PricingApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Prices", description = "The caller's prices, resolved at request time, and why")
class PricesApiController {

    private final PricingApi pricing;
    private final PriceRequests requests;

    PricesApiController(PricingApi pricing, PriceRequests requests) {
        this.pricing = pricing;
        this.requests = requests;
    }

    /** The prices of the asked products, in the order asked. */
    record Prices(Long legalEntityId, List<PricedLine> items) {
    }

    @GetMapping("/api/v1/prices")
    @Operation(summary = "Prices of up to 1,000 products for the caller's legal entity (X-Legal-Entity): sku (repeat "
            + "it), qty (one for all, or one per sku; default 1). Each item has the unit price in the basis of its "
            + "rule, net and gross, the line's net, VAT and gross, the source (CONTRACT, PRICE_TYPE, PROMOTION) and the "
            + "promotion badge; unknown SKUs and SKUs outside the assortment come back as UNKNOWN_PRODUCT, products "
            + "without a price as PRICE_ON_REQUEST. Staff get base prices, or those of legalEntity=<id>")
    Prices prices(@RequestParam(name = "sku", required = false) List<String> skus,
            @RequestParam(name = "qty", required = false) List<String> quantities,
            @RequestParam(name = "legalEntity", required = false) Long legalEntity) {
        var lines = PriceRequests.lines(skus, quantities);
        Long entity = requests.legalEntity(legalEntity);
        return new Prices(entity, pricing.prices(entity, lines));
    }

    /** A price query too long for a URL: the same as the GET, as JSON. */
    record PriceQuery(List<Item> items, Long legalEntity) {

        record Item(String sku, String qty) {
        }
    }

    @PostMapping("/api/v1/prices/query")
    @Operation(summary = "The same as GET /api/v1/prices for long lists, as JSON: {\"items\": [{\"sku\": \"…\", "
            + "\"qty\": \"100\"}], \"legalEntity\": null}; changes nothing")
    Prices query(@RequestBody PriceQuery query) {
        List<PriceQuery.Item> items = query.items() == null ? List.of() : query.items();
        var lines = PriceRequests.lines(items.stream().map(PriceQuery.Item::sku).toList(),
                items.stream().map(PriceQuery.Item::qty).map(q -> q == null ? "1" : q).toList());
        Long entity = requests.legalEntity(query.legalEntity());
        return new Prices(entity, pricing.prices(entity, lines));
    }

    @GetMapping("/api/v1/prices/explain")
    @Operation(summary = "Why a product costs what it costs at a quantity: the steps (contract price, price type, "
            + "list and tier, derived adjustments, promotions, rounding, VAT, the line). Buyers get the short version, "
            + "staff the full one (staff may name legalEntity=<id>)")
    PriceExplanation explain(@RequestParam String sku, @RequestParam(required = false) String qty,
            @RequestParam(name = "legalEntity", required = false) Long legalEntity) {
        Long entity = requests.legalEntity(legalEntity);
        PriceExplanation explanation = pricing.explain(entity, sku.strip(), PriceRequests.quantity(qty));
        return PriceRequests.staff() ? explanation : explanation.forBuyer();
    }
}
