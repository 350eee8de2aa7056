package io.b2bportal.catalog.importing;

import java.util.List;

/** One row of a job's report: an error with its reason, or a sample of the created, updated or unchanged rows. */
public record ImportRowResult(int row, String outcome, String sku, String messageKey, List<String> args) {
}
