package io.b2bportal.catalog;

import java.math.BigDecimal;

/** A row of the compact product list, with what is available to order now across warehouses. */
public record ProductRow(long id, String sku, String name, String brand, String unitName, BigDecimal packMultiple,
        BigDecimal minOrderQty, String status, String successorSku, BigDecimal available, BigDecimal incoming,
        boolean backorderAllowed, String categoryName, String imageSha256) {

    public boolean inStock() {
        return available.signum() > 0;
    }
}
