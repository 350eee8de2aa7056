package io.b2bportal.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A product as ordering needs it to check a quantity: units, pack multiple, minimum, status and what is available
 * now. A product outside the caller's assortment comes back with {@code inAssortment} false and nothing but its id
 * and SKU, so that ordering can say "not in your assortment" without showing it.
 *
 * @param available on hand minus reserved, over all warehouses
 */
public record OrderableProduct(long id, String sku, boolean inAssortment, String name, String nameEn,
        String unitCode, String unitName, BigDecimal packMultiple, BigDecimal minOrderQty, String status,
        String successorSku, boolean backorderAllowed, Integer leadTimeDays, BigDecimal available,
        BigDecimal incoming, LocalDate incomingDate) {

    public boolean discontinued() {
        return "DISCONTINUED".equals(status);
    }
}
