package io.b2bportal.catalog.importing;

import java.time.OffsetDateTime;
import java.util.List;

/** An import job as pages and the API show it. */
public record ImportJob(long id, ImportKind kind, String fileName, boolean dryRun, String status,
        boolean applyRequested, int totalRows, int processedRows, int created, int updated, int unchanged,
        int errors, String failureKey, List<String> failureArgs, String createdByName, OffsetDateTime createdAt,
        OffsetDateTime finishedAt) {

    public boolean finished() {
        return status.equals("DONE") || status.equals("FAILED") || status.equals("VALIDATED") && !applyRequested;
    }

    /** A validated dry run that nobody has applied yet. */
    public boolean mayApply() {
        return dryRun && status.equals("VALIDATED") && !applyRequested;
    }

    public int percent() {
        if (finished()) {
            return 100;
        }
        return totalRows <= 0 ? 0 : Math.min(99, (int) (100L * processedRows / totalRows));
    }
}
