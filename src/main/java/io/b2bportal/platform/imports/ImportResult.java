package io.b2bportal.platform.imports;

import java.util.List;

/**
 * What one run found: the number of rows read, the outcome counts, the first errors and a sample of the other
 * outcomes; {@code applied} when it also wrote them.
 */
public record ImportResult(int rows, int created, int updated, int unchanged, int removed, int errorCount,
        List<RowIssue> errors, List<ImportRowResult> samples, boolean applied) {
}
