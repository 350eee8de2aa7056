package io.b2bportal.catalog.importing;

import java.util.List;

/** Why one row was refused: a message key of catalog-import.properties and its arguments, the row number first. */
public record RowIssue(int row, String sku, String messageKey, List<String> args) {
}
