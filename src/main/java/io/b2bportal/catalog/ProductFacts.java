package io.b2bportal.catalog;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * What pricing and ordering need to know of a product, read for many products at once: its VAT rate code, its
 * category path (the ids from the root down, for promotions on a category subtree), brand and order quantities.
 */
public record ProductFacts(long id, String sku, String name, String nameEn, String vatRate, String categoryPath,
        String brand, String status, BigDecimal minOrderQty, BigDecimal packMultiple) {

    /** The category ids from the root down to the product's own category ({@code '/1/5/12/'} → 1, 5, 12). */
    public List<Long> categoryIds() {
        return Arrays.stream(categoryPath.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
    }
}
