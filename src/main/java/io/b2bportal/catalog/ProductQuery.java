package io.b2bportal.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a buyer asks the catalog: a search text (SKU, MPN, barcode or words, typos forgiven), a category subtree,
 * brands, attribute values, availability, sorting and a page.
 *
 * @param attributes attribute code → accepted values (any of them), as strings
 * @param sort       {@code relevance}, {@code name}, {@code sku}
 * @param size       50, 100 or 200 rows
 * @param priceFrom  the caller's unit price with VAT at least this, or null
 * @param priceTo    the caller's unit price with VAT at most this, or null
 */
public record ProductQuery(String text, Long categoryId, List<String> brands, Map<String, List<String>> attributes,
        boolean inStockOnly, String sort, int page, int size, BigDecimal priceFrom, BigDecimal priceTo) {

    public static final List<Integer> PAGE_SIZES = List.of(50, 100, 200);

    public ProductQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        brands = brands == null ? List.of() : brands.stream().filter(b -> b != null && !b.isBlank()).toList();
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        sort = sort != null && List.of("relevance", "name", "sku").contains(sort) ? sort : "relevance";
        page = Math.max(0, Math.min(page, 100_000));
        size = PAGE_SIZES.contains(size) ? size : 50;
        if (priceFrom != null && priceTo != null && priceFrom.compareTo(priceTo) > 0) {
            BigDecimal swap = priceFrom;
            priceFrom = priceTo;
            priceTo = swap;
        }
    }

    public ProductQuery(String text, Long categoryId, List<String> brands, Map<String, List<String>> attributes,
            boolean inStockOnly, String sort, int page, int size) {
        this(text, categoryId, brands, attributes, inStockOnly, sort, page, size, null, null);
    }

    /** Whether the buyer's own price narrows the result. */
    public boolean pricedBetween() {
        return priceFrom != null || priceTo != null;
    }

    public static ProductQuery text(String text) {
        return new ProductQuery(text, null, List.of(), Map.of(), false, "relevance", 0, 50);
    }
}
