package io.b2bportal.catalog.admin.web;

import io.b2bportal.catalog.importing.ImportKind;
import io.b2bportal.platform.imports.ImportJob;
import io.b2bportal.platform.imports.ImportRowResult;
import io.b2bportal.platform.imports.ImportReports;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * A catalog import job in the API's shape, which predates the platform's import queue: the kind as PRODUCTS or
 * STOCK, no removed count, no options.
 */
record CatalogImportJob(long id, ImportKind kind, String fileName, boolean dryRun, String status,
        boolean applyRequested, int totalRows, int processedRows, int created, int updated, int unchanged,
        int errors, String failureKey, List<String> failureArgs, String createdByName, OffsetDateTime createdAt,
        OffsetDateTime finishedAt) {

    static CatalogImportJob of(ImportJob job) {
        return new CatalogImportJob(job.id(), ImportKind.of(job.kind()), job.fileName(), job.dryRun(), job.status(),
                job.applyRequested(), job.totalRows(), job.processedRows(), job.created(), job.updated(),
                job.unchanged(), job.errors(), job.failureKey(), job.failureArgs(), job.createdByName(),
                job.createdAt(), job.finishedAt());
    }

    /** A row of the report with its reason spelled out. */
    record RowView(int row, String outcome, String sku, String message) {

        static List<RowView> of(List<ImportRowResult> rows, ImportReports reports, Locale locale) {
            return rows.stream().map(r -> new RowView(r.row() == null ? 0 : r.row(), r.outcome(), r.subject(),
                    reports.message(r, locale))).toList();
        }
    }
}
