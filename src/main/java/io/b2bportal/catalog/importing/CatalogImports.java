package io.b2bportal.catalog.importing;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Bulk changes to products and stock: files imported as background jobs (a dry run first, then apply), and JSON
 * batches from an ERP applied at once. Either way all rows are written in one transaction or none is.
 */
@Service
public class CatalogImports {

    public static final int MAX_BATCH = 10_000;

    /** The outcome of a JSON batch that was applied. */
    public record BatchResult(int items, int created, int updated, int unchanged) {
    }

    /** A JSON batch with wrong items: nothing was written. */
    public static final class BatchRejected extends RuntimeException {

        private final transient List<RowIssue> errors;
        private final int errorCount;

        BatchRejected(List<RowIssue> errors, int errorCount) {
            super(errorCount + " items rejected");
            this.errors = errors;
            this.errorCount = errorCount;
        }

        public List<RowIssue> errors() {
            return errors;
        }

        public int errorCount() {
            return errorCount;
        }
    }

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final ImportWorker worker;

    CatalogImports(ImportJobs jobs, ImportRunner runner, ImportWorker worker) {
        this.jobs = jobs;
        this.runner = runner;
        this.worker = worker;
    }

    /** Only catalog managers and administrators change the catalog in bulk. */
    public static void requireCatalogManager(PortalUser user) {
        if (user == null || !(user.has(Role.CATALOG_MANAGER) || user.has(Role.ADMIN))) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
    }

    /** Queues a file; an unreadable encoding or format is refused now, everything else is reported by the job. */
    public long submit(PortalUser user, ImportKind kind, String fileName, byte[] content, boolean dryRun) {
        requireCatalogManager(user);
        if (content.length == 0) {
            throw TableFile.fileProblem("empty");
        }
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
        TableFile file = TableFile.of(name, content);
        long id = jobs.create(kind, name, content, dryRun, estimatedRows(file, content), user.id());
        worker.nudge();
        return id;
    }

    public void apply(PortalUser user, long id) {
        requireCatalogManager(user);
        job(id);
        if (!jobs.requestApply(id)) {
            throw DomainException.conflict("catalog-import-not-applicable", "catalog.import.apply.notApplicable", id);
        }
        worker.nudge();
    }

    public ImportJob job(long id) {
        return jobs.find(id).orElseThrow(() -> DomainException.notFound("import job", id));
    }

    public Optional<ImportJob> find(long id) {
        return jobs.find(id);
    }

    public List<ImportJob> recent(int limit) {
        return jobs.recent(limit);
    }

    public List<ImportRowResult> rows(long id) {
        return jobs.rows(id);
    }

    /**
     * Applies up to {@value #MAX_BATCH} items at once. Items use the file's column names as keys; {@code barcodes}
     * may be a list and {@code attributes} an object of attribute codes.
     */
    public BatchResult upsert(PortalUser user, ImportKind kind, List<Map<String, Object>> items) {
        requireCatalogManager(user);
        if (items == null || items.isEmpty()) {
            throw DomainException.invalid("catalog-batch-empty", "catalog.import.batch.empty");
        }
        if (items.size() > MAX_BATCH) {
            throw new DomainException(413, "catalog-batch-too-large", "catalog.import.batch.tooLarge", MAX_BATCH);
        }
        List<Map<String, String>> rows = items.stream().map(CatalogImports::flatten).toList();
        Set<String> header = new LinkedHashSet<>();
        rows.forEach(r -> header.addAll(r.keySet()));
        List<String> columns = new ArrayList<>(header);
        ImportRunner.Rows source = new ImportRunner.Rows() {
            @Override
            public void read(RowSink sink) {
                sink.header(columns);
                for (int i = 0; i < rows.size(); i++) {
                    Map<String, String> row = rows.get(i);
                    sink.row(i + 1, columns.stream().map(c -> row.getOrDefault(c, "")).toList());
                }
            }

            @Override
            public boolean decimalComma() {
                return false;
            }
        };
        ImportRunner.Result result = runner.run(kind, source, true, n -> { }, () -> { });
        if (!result.applied()) {
            throw new BatchRejected(result.errors(), result.errorCount());
        }
        return new BatchResult(result.rows(), result.created(), result.updated(), result.unchanged());
    }

    /**
     * JSON values as the cells of a file would hold them. A key an item leaves out is a blank cell when another item
     * has it, so a batch should give every item the same keys.
     */
    private static Map<String, String> flatten(Map<String, Object> item) {
        Map<String, String> row = new java.util.LinkedHashMap<>();
        item.forEach((key, value) -> {
            if (key.equals("attributes") && value instanceof Map<?, ?> attributes) {
                attributes.forEach((code, v) -> row.put(ProductImport.ATTRIBUTE_PREFIX + code, cell(v)));
            } else {
                row.put(key, cell(value));
            }
        });
        return row;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join("|", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Double || value instanceof Float) {
            return new java.math.BigDecimal(value.toString()).toPlainString();
        }
        return String.valueOf(value);
    }

    /** Line breaks of a CSV (a little high with multi-line quoted cells); XLSX is counted as it is read. */
    private static int estimatedRows(TableFile file, byte[] content) {
        if (!(file instanceof CsvTable)) {
            return 0;
        }
        int lines = 0;
        for (byte b : content) {
            if (b == '\n') {
                lines++;
            }
        }
        return Math.max(0, lines - 1);
    }
}
