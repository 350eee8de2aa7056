package io.b2bportal.platform.imports;

import java.util.List;

/**
 * Why one row was refused: a message key and its arguments, the row number first. {@code subject} names what the
 * row is about (a SKU).
 */
public record RowIssue(int row, String subject, String messageKey, List<String> args) {
}
