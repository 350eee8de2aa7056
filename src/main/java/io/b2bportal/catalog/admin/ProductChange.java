package io.b2bportal.catalog.admin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A product's own fields as the catalog manager sets them. Formats (lengths, SKU characters, ranges) are checked by
 * the form; what needs the catalog (the SKU is free, the category and successor exist, attribute values fit their
 * types) by {@link ProductEditor}.
 *
 * @param attributes attribute code → the value as typed; a blank value removes it; codes not given are kept
 */
public record ProductChange(String sku, String name, String nameEn, String brand, String mpn, List<String> barcodes,
        String unitCode, String unitName, BigDecimal packMultiple, BigDecimal minOrderQty, BigDecimal weightKg,
        BigDecimal volumeM3, String vatRate, BigDecimal purchaseCost, String description, Long categoryId,
        String status, String successorSku, boolean backorderAllowed, Integer leadTimeDays,
        Map<String, String> attributes) {

    public ProductChange {
        barcodes = barcodes == null ? List.of() : List.copyOf(barcodes);
        attributes = attributes == null ? Map.of() : attributes.entrySet().stream().collect(
                java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        e -> e.getValue() == null ? "" : e.getValue()));
    }

    /** The same change of the product with this SKU: an edit never changes the SKU. */
    public ProductChange withSku(String sku) {
        return new ProductChange(sku, name, nameEn, brand, mpn, barcodes, unitCode, unitName, packMultiple, minOrderQty,
                weightKg, volumeM3, vatRate, purchaseCost, description, categoryId, status, successorSku,
                backorderAllowed, leadTimeDays, attributes);
    }
}
