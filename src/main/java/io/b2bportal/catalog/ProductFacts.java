package io.b2bportal.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What pricing and ordering need to know of a product, read for many products at once: its VAT rate code, its
 * category path (the ids from the root down, for promotions on a category subtree), brand and order quantities.
 */
public record ProductFacts(long id, String sku, String name, String nameEn, String vatRate, String categoryPath,
        String brand, String status, BigDecimal minOrderQty, BigDecimal packMultiple) {

    /** The category ids from the root down to the product's own category ({@code '/1/5/12/'} → 1, 5, 12). */
    public List<Long> categoryIds() {
        // by hand rather than split + stream: pricing asks for every product of a 1,000-line cart
        List<Long> ids = new ArrayList<>(4);
        long id = -1;
        for (int i = 0; i < categoryPath.length(); i++) {
            char c = categoryPath.charAt(i);
            if (c == '/') {
                if (id >= 0) {
                    ids.add(id);
                }
                id = -1;
            } else {
                id = (id < 0 ? 0 : id * 10) + Character.digit(c, 10);
            }
        }
        if (id >= 0) {
            ids.add(id);
        }
        return ids;
    }
}
