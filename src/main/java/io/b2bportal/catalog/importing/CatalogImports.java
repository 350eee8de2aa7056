package io.b2bportal.catalog.importing;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.platform.imports.ImportJob;
import io.b2bportal.platform.imports.ImportResult;
import io.b2bportal.platform.imports.ImportRowResult;
import io.b2bportal.platform.imports.Imports;
import io.b2bportal.platform.imports.RowIssue;
import io.b2bportal.platform.imports.RowSink;
import io.b2bportal.platform.imports.RowSource;
import io.b2bportal.shared.DomainException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Bulk changes to products and stock: files imported as background jobs of the platform's import queue (a dry run
 * first, then apply), and JSON batches from an ERP applied at once. Either way all rows are written in one
 * transaction or none is.
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

    private final Imports imports;

    CatalogImports(Imports imports) {
        this.imports = imports;
    }

    /** Catalog managers and administrators change the catalog in bulk. */
    static boolean isCatalogManager(PortalUser user) {
        return user != null && (user.has(Role.CATALOG_MANAGER) || user.has(Role.ADMIN));
    }

    /** Only catalog managers and administrators change the catalog in bulk. */
    public static void requireCatalogManager(PortalUser user) {
        if (!isCatalogManager(user)) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
    }

    /** Queues a file; an unreadable encoding or format is refused now, everything else is reported by the job. */
    public long submit(PortalUser user, ImportKind kind, String fileName, byte[] content, boolean dryRun) {
        requireCatalogManager(user);
        return imports.submit(user, kind.code(), fileName, content, dryRun, Map.of());
    }

    public void apply(PortalUser user, long id) {
        job(user, id);
        imports.apply(user, id);
    }

    /** A catalog import job (404 for another module's job). */
    public ImportJob job(PortalUser user, long id) {
        requireCatalogManager(user);
        return imports.job(user, id, ImportKind.CODES);
    }

    public List<ImportJob> recent(PortalUser user, int limit) {
        requireCatalogManager(user);
        return imports.recent(user, ImportKind.CODES, limit);
    }

    public List<ImportRowResult> rows(ImportJob job) {
        return imports.rows(job);
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
        RowSource source = new RowSource() {
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
        ImportResult result = imports.applyNow(user, kind.code(), source, Map.of());
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
}
