package io.b2bportal.catalog.web;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.catalog.CatalogApi.CategoryNode;
import io.b2bportal.catalog.PriceDisplay;
import io.b2bportal.catalog.PriceDisplay.ProductPrice;
import io.b2bportal.catalog.PriceDisplay.ShownPrice;
import io.b2bportal.catalog.ProductCard;
import io.b2bportal.catalog.ProductRow;
import io.b2bportal.catalog.SearchResult.Facet;
import io.b2bportal.catalog.SearchResult.FacetValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import io.b2bportal.catalog.SearchResult;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Catalog", description = "Products, search, facets and availability in the caller's assortment")
class CatalogApiController {

    private final CatalogApi catalog;
    private final ObjectProvider<PriceDisplay> prices;

    CatalogApiController(CatalogApi catalog, ObjectProvider<PriceDisplay> prices) {
        this.catalog = catalog;
        this.prices = prices;
    }

    /** A page of products, each with the caller's unit price at its minimum order quantity. */
    record ProductPage(List<PricedRow> rows, long total, List<Facet> facets, List<FacetValue> brands) {
    }

    /** A product row with the caller's price ({@code price.source} NONE: on request). */
    record PricedRow(@JsonUnwrapped ProductRow product, ShownPrice price) {
    }

    /** The product card with the caller's price, quantity tiers and a short "why this price". */
    record PricedProduct(@JsonUnwrapped ProductCard product, ProductPrice price) {
    }

    @GetMapping("/api/v1/products")
    @Operation(summary = "Search products: q (SKU, SKU prefix, MPN, barcode or words; typos forgiven), category (id, "
            + "subtree), brand (repeatable), a.<attribute>=<value> (repeatable), inStock=true, priceFrom/priceTo "
            + "(the caller's unit price with VAT, at most 20,000 candidates), sort=relevance|name|sku, page, size=50|100|200. Returns the page (each row with the caller's unit price at its minimum order "
            + "quantity), the total and the facets with counts")
    ProductPage search(@RequestParam MultiValueMap<String, String> params) {
        SearchResult result = catalog.search(CatalogRequests.query(params));
        PriceDisplay display = prices.getIfAvailable();
        Map<Long, ShownPrice> shown = display == null ? Map.of()
                : display.prices(result.rows().stream().map(ProductRow::id).toList());
        return new ProductPage(result.rows().stream().map(row -> new PricedRow(row, shown.get(row.id()))).toList(),
                result.total(), result.facets(), result.brands());
    }

    @GetMapping("/api/v1/products/{sku}")
    @Operation(summary = "One product with specifications, stock by warehouse, incoming deliveries, analogs, and the "
            + "caller's price: unit price net and gross, quantity tiers, promotion badge, a short 'why this price'")
    PricedProduct product(@PathVariable String sku) {
        ProductCard card = catalog.product(sku).orElseThrow(() -> DomainException.notFound("product", sku));
        PriceDisplay display = prices.getIfAvailable();
        return new PricedProduct(card, display == null ? null : display.product(card.id(), null).orElse(null));
    }

    @GetMapping("/api/v1/categories")
    @Operation(summary = "The category tree with product counts in the caller's assortment")
    List<CategoryNode> categories() {
        return catalog.categories();
    }
}
