package io.b2bportal.catalog.web;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.catalog.CatalogApi.CategoryNode;
import io.b2bportal.catalog.ProductCard;
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

    CatalogApiController(CatalogApi catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/products")
    @Operation(summary = "Search products: q (SKU, SKU prefix, MPN, barcode or words; typos forgiven), category (id, "
            + "subtree), brand (repeatable), a.<attribute>=<value> (repeatable), inStock=true, sort=relevance|name|sku, "
            + "page, size=50|100|200. Returns the page, the total and the facets with counts")
    SearchResult search(@RequestParam MultiValueMap<String, String> params) {
        return catalog.search(CatalogRequests.query(params));
    }

    @GetMapping("/api/v1/products/{sku}")
    @Operation(summary = "One product with specifications, stock by warehouse, incoming deliveries and analogs")
    ProductCard product(@PathVariable String sku) {
        return catalog.product(sku).orElseThrow(() -> DomainException.notFound("product", sku));
    }

    @GetMapping("/api/v1/categories")
    @Operation(summary = "The category tree with product counts in the caller's assortment")
    List<CategoryNode> categories() {
        return catalog.categories();
    }
}
