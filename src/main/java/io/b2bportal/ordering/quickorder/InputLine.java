package io.b2bportal.ordering.quickorder;

/**
 * One line of bulk input as the buyer gave it: where it was (line of the paste, row of the file), the SKU and the
 * quantity as typed.
 */
public record InputLine(int sourceLine, String sku, String quantity) {
}
