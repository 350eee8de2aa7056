package io.b2bportal.ordering;

import io.b2bportal.catalog.OrderableProduct;
import java.math.BigDecimal;

/** Products for rule tests, one line each: a bolt sold by packs of 100 with stock, a cable by the metre, and so on. */
final class ProductFixture {

    private ProductFixture() {
    }

    /** Bolts: pieces, pack and minimum 100, the given stock, backorders allowed. */
    static OrderableProduct bolt(String available) {
        return product("BLT-1", "796", "шт", "100", "100", available, true, "ACTIVE", null);
    }

    /** Anchors: pieces, pack and minimum 25, no backorders. */
    static OrderableProduct anchor(String available) {
        return product("ANC-1", "796", "шт", "25", "25", available, false, "ACTIVE", null);
    }

    /** Cable: metres (divisible), pack 0.5 m, from 10 m. */
    static OrderableProduct cable(String available) {
        return product("CBL-1", "006", "м", "0.5", "10", available, true, "ACTIVE", null);
    }

    static OrderableProduct discontinued(String successor) {
        return product("PWR-OLD", "796", "шт", "1", "1", "5", false, "DISCONTINUED", successor);
    }

    static OrderableProduct outsideAssortment() {
        return new OrderableProduct(9, "PWR-9", false, null, null, null, null, null, null, null, null, false, null,
                null, null, null);
    }

    static OrderableProduct product(String sku, String unitCode, String unitName, String pack, String minimum,
            String available, boolean backorder, String status, String successor) {
        return new OrderableProduct(sku.hashCode(), sku, true, "Товар " + sku, "Product " + sku, unitCode, unitName,
                new BigDecimal(pack), new BigDecimal(minimum), status, successor, backorder, backorder ? 14 : null,
                new BigDecimal(available), BigDecimal.ZERO, null);
    }
}
