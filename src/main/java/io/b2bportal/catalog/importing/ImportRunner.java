package io.b2bportal.catalog.importing;

import io.b2bportal.catalog.importing.ImportTarget.Classification;
import java.util.List;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass over a table in one transaction: check every row, classify them against the catalog and, only when
 * asked to apply and not a single row is wrong, write. Otherwise the transaction rolls back and the catalog is as
 * it was. Problems with the file as a whole leave as DomainException.
 */
@Component
class ImportRunner {

    static final int PROGRESS_EVERY = 2000;

    /** What a run found; {@code applied} only when it also wrote. */
    record Result(int rows, int created, int updated, int unchanged, int errorCount, List<RowIssue> errors,
            List<ImportTarget.Sample> samples, boolean applied) {
    }

    /** The rows of something to import: a file or a JSON batch. */
    interface Rows {

        void read(RowSink sink);

        boolean decimalComma();
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;

    ImportRunner(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = transaction;
    }

    static Rows of(TableFile file) {
        return new Rows() {
            @Override
            public void read(RowSink sink) {
                file.read(sink);
            }

            @Override
            public boolean decimalComma() {
                return file.decimalComma();
            }
        };
    }

    Result run(ImportKind kind, Rows rows, boolean apply, IntConsumer progress, Runnable beforeApply) {
        return transaction.execute(status -> {
            RowIssues issues = new RowIssues();
            ImportTarget target = switch (kind) {
                case PRODUCTS -> new ProductImport(jdbc, template, issues, rows.decimalComma());
                case STOCK -> new StockImport(jdbc, template, issues, rows.decimalComma());
            };
            int[] count = { 0 };
            rows.read(new RowSink() {
                @Override
                public void header(List<String> columns) {
                    target.begin(columns);
                }

                @Override
                public void row(int rowNo, List<String> cells) {
                    target.row(rowNo, cells);
                    if (++count[0] % PROGRESS_EVERY == 0) {
                        progress.accept(count[0]);
                    }
                }
            });
            target.finish();
            progress.accept(count[0]);
            Classification outcome = target.classify();
            boolean applying = apply && issues.isEmpty();
            if (applying) {
                beforeApply.run();
                target.apply();
            } else {
                status.setRollbackOnly();
            }
            return new Result(count[0], outcome.created(), outcome.updated(), outcome.unchanged(), issues.count(),
                    issues.kept(), outcome.samples(), applying);
        });
    }

}
