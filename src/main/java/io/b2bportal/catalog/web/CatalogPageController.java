package io.b2bportal.catalog.web;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.catalog.PriceDisplay;
import io.b2bportal.catalog.ProductCard;
import io.b2bportal.catalog.ProductQuery;
import io.b2bportal.catalog.ProductRow;
import io.b2bportal.catalog.SearchResult;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The buyer's catalog: one search box, filters with counts kept in the URL, a dense table (or, with {@code view=grid},
 * cards with pictures), the product page.
 */
@Controller
class CatalogPageController {

    private final CatalogApi catalog;
    private final ObjectProvider<PriceDisplay> prices;

    CatalogPageController(CatalogApi catalog, ObjectProvider<PriceDisplay> prices) {
        this.catalog = catalog;
        this.prices = prices;
    }

    @GetMapping("/catalog")
    String list(@RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        ProductQuery query;
        SearchResult result;
        try {
            query = CatalogRequests.query(params);
            result = catalog.search(query);
        } catch (DomainException e) {
            if (!e.code().contains("price-filter")) {
                throw e;
            }
            // a price range that cannot be applied is said next to its inputs; the rest of the search still runs
            model.addAttribute("priceProblem", e);
            MultiValueMap<String, String> withoutPrice = new LinkedMultiValueMap<>(params);
            withoutPrice.remove("priceFrom");
            withoutPrice.remove("priceTo");
            query = CatalogRequests.query(withoutPrice);
            result = catalog.search(query);
        }
        model.addAttribute("query", query);
        model.addAttribute("result", result);
        PriceDisplay display = prices.getIfAvailable();
        model.addAttribute("prices", display == null ? Map.of()
                : display.prices(result.rows().stream().map(ProductRow::id).toList()));
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("pageSizes", ProductQuery.PAGE_SIZES);
        model.addAttribute("queryString", request.getQueryString() == null ? "" : request.getQueryString());
        model.addAttribute("urls", new CatalogUrls(params));
        model.addAttribute("view", "grid".equals(params.getFirst("view")) ? "grid" : "list");
        return htmx != null ? "catalog/list :: results" : "catalog/list";
    }

    @GetMapping("/catalog/products/{sku}")
    String product(@PathVariable String sku, Model model) {
        ProductCard product = catalog.product(sku).orElseThrow(() -> DomainException.notFound("product", sku));
        model.addAttribute("product", product);
        PriceDisplay display = prices.getIfAvailable();
        model.addAttribute("price", display == null ? null : display.product(product.id(), null).orElse(null));
        return "catalog/product";
    }

    /**
     * Links that change one thing of the current query (a filter, the page, the size, the view) and keep the rest; a
     * new filter or size starts again at the first page, a new view stays on the same one.
     */
    record CatalogUrls(MultiValueMap<String, String> params) {

        public String with(String name, Object value) {
            UriComponentsBuilder builder = base();
            builder.replaceQueryParam(name, value);
            if (!"page".equals(name) && !"view".equals(name)) {
                builder.replaceQueryParam("page");
            }
            return builder.build().encode().toUriString();
        }

        public String toggle(String name, String value) {
            UriComponentsBuilder builder = base();
            var current = params.getOrDefault(name, java.util.List.of());
            var next = current.contains(value) ? current.stream().filter(v -> !v.equals(value)).toList()
                    : java.util.stream.Stream.concat(current.stream(), java.util.stream.Stream.of(value)).toList();
            builder.replaceQueryParam(name, next.toArray());
            builder.replaceQueryParam("page");
            return builder.build().encode().toUriString();
        }

        /** The current parameters but the ones named and the page, as hidden inputs of a filter form. */
        public java.util.List<java.util.Map.Entry<String, String>> keptExcept(String... names) {
            var excluded = java.util.Set.of(names);
            return params.entrySet().stream()
                    .filter(e -> !excluded.contains(e.getKey()) && !"page".equals(e.getKey()))
                    .flatMap(e -> e.getValue().stream().map(v -> java.util.Map.entry(e.getKey(), v)))
                    .toList();
        }

        public String without(String... names) {
            UriComponentsBuilder builder = base();
            for (String name : names) {
                builder.replaceQueryParam(name);
            }
            builder.replaceQueryParam("page");
            return builder.build().encode().toUriString();
        }

        public boolean has(String name, String value) {
            return params.getOrDefault(name, java.util.List.of()).contains(value);
        }

        private UriComponentsBuilder base() {
            UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/catalog");
            params.forEach((name, values) -> builder.queryParam(name, values.toArray()));
            return builder;
        }
    }
}
