package io.b2bportal.pricing.admin;

import java.math.BigDecimal;

/** One price of a product in a price list: the unit price from {@code minQty} units on. */
public record Tier(BigDecimal minQty, BigDecimal amount) {
}
