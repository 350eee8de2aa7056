package io.b2bportal.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A line to price: a product by SKU or by id, and a positive quantity in the product's unit.
 */
public record QuoteLine(String sku, Long productId, BigDecimal quantity) {

    public QuoteLine {
        if ((sku == null) == (productId == null)) {
            throw new IllegalArgumentException("A quote line names a product by SKU or by id, not both");
        }
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }

    public static QuoteLine of(String sku, BigDecimal quantity) {
        return new QuoteLine(sku, null, quantity);
    }

    public static QuoteLine of(String sku, long quantity) {
        return of(sku, BigDecimal.valueOf(quantity));
    }

    public static QuoteLine ofProduct(long productId, BigDecimal quantity) {
        return new QuoteLine(null, productId, quantity);
    }
}
