package io.b2bportal.catalog.admin;

import java.util.List;

/**
 * What the seller's product table shows: a search text (as the buyer's search reads it), a category subtree, a
 * status, a column to sort by and a page.
 *
 * @param sort {@code sku}, {@code name}, {@code brand}, {@code category}, {@code status}, {@code stock},
 *             {@code updated}; with a search text and no sort, the best match comes first
 */
public record AdminProductQuery(String text, Long categoryId, String status, String sort, boolean descending, int page,
        int size) {

    public static final List<String> SORTS = List.of("sku", "name", "brand", "category", "status", "stock", "updated");
    public static final List<Integer> PAGE_SIZES = List.of(50, 100, 200);

    public AdminProductQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        status = "ACTIVE".equals(status) || "DISCONTINUED".equals(status) ? status : null;
        sort = sort != null && SORTS.contains(sort) ? sort : null;
        page = Math.max(0, Math.min(page, 100_000));
        size = PAGE_SIZES.contains(size) ? size : 50;
    }

    /** Relevance with a search text, otherwise by SKU. */
    public String effectiveSort() {
        return sort != null ? sort : text != null ? "relevance" : "sku";
    }
}
