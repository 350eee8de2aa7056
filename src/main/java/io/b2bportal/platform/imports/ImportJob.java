package io.b2bportal.platform.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An import job as pages and the API show it. {@code kind} is the handler's code; {@code options} are what the
 * module stored on upload (a price list, a flag). {@code attempts} counts the starts of the current step (the
 * check, or the apply): more than one means a node running it stopped and another took it over.
 */
public record ImportJob(long id, String kind, String fileName, boolean dryRun, String status,
        boolean applyRequested, int totalRows, int processedRows, int created, int updated, int unchanged,
        int removed, int errors, int attempts, String failureKey, List<String> failureArgs,
        Map<String, String> options, String createdByName, OffsetDateTime createdAt, OffsetDateTime finishedAt) {

    public static final String QUEUED = "QUEUED";
    public static final String VALIDATING = "VALIDATING";
    public static final String VALIDATED = "VALIDATED";
    public static final String APPLYING = "APPLYING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    /** Nothing more will happen unless someone asks to apply. */
    public boolean finished() {
        return status.equals(DONE) || status.equals(FAILED) || status.equals(VALIDATED) && !applyRequested;
    }

    /** A validated dry run that nobody has applied yet. */
    public boolean mayApply() {
        return dryRun && status.equals(VALIDATED) && !applyRequested;
    }

    public int percent() {
        if (finished()) {
            return 100;
        }
        return totalRows <= 0 ? 0 : Math.min(99, (int) (100L * processedRows / totalRows));
    }

    public String option(String name) {
        return options.get(name);
    }
}
