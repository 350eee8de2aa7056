package io.b2bportal.platform.imports;

import io.b2bportal.platform.imports.ImportTarget.Classification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass over a table in one transaction: check every row, classify them against the stored data and, only when
 * asked to apply and not a single row is wrong, write. Otherwise the transaction rolls back and the data is as it
 * was. Problems with the file as a whole leave as DomainException.
 */
@Component
class ImportRunner {

    static final int PROGRESS_EVERY = 2000;

    /** What the run reports on the way; a listener may stop the run by throwing. */
    interface Listener {

        Listener NONE = new Listener() {
        };

        /** {@code rows} read so far. */
        default void progress(int rows) {
        }

        /** Every row is checked and none is wrong; the writing starts. */
        default void applying() {
        }

        /** Written but not yet committed: the job is finished inside the same transaction. */
        default void applied(ImportResult result) {
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Duration lease;

    ImportRunner(JdbcClient jdbc, TransactionTemplate transaction,
            @Value("${portal.imports.lease:2m}") Duration lease) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.lease = lease;
    }

    ImportResult run(ImportHandler handler, RowSource rows, Map<String, String> options, long userId, boolean apply,
            Listener listener) {
        return transaction.execute(status -> {
            // If this node dies mid-run, its connection may look alive to PostgreSQL for a long while (until TCP
            // keepalive gives up) and keep its locks; a transaction left idle longer than the lease is ended by the
            // server, so that the node taking the job over is not blocked by a ghost.
            jdbc.sql("select set_config('idle_in_transaction_session_timeout', :ms, true)")
                    .param("ms", String.valueOf(lease.toMillis())).query(rs -> { });
            if (apply) {
                // applies of one kind run one after another, cluster-wide: two price lists written at once by two
                // nodes would each classify against data the other is changing
                jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "import:" + handler.code())
                        .query(rs -> { });
            }
            long started = System.nanoTime();
            RowIssues issues = new RowIssues();
            ImportTarget target = handler.open(new ImportRun(handler.code(), options, rows.decimalComma(), issues,
                    userId));
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
                        listener.progress(count[0]);
                    }
                }
            });
            if (target.columns == null) {
                throw TableFile.fileProblem("empty");
            }
            long read = System.nanoTime();
            target.finish();
            listener.progress(count[0]);
            long checked = System.nanoTime();
            Classification outcome = target.classify();
            long classified = System.nanoTime();
            boolean applying = apply && issues.isEmpty();
            ImportResult result = new ImportResult(count[0], outcome.created(), outcome.updated(), outcome.unchanged(),
                    outcome.removed(), issues.count(), issues.kept(), outcome.samples(), applying);
            if (applying) {
                listener.applying();
                target.apply();
                listener.applied(result);
            } else {
                status.setRollbackOnly();
            }
            log.info("{} {}: {} rows read in {} ms, checked in {} ms, classified in {} ms{}", handler.code(),
                    applying ? "applied" : "checked", count[0], millis(started, read), millis(read, checked),
                    millis(checked, classified), applying ? ", written in " + millis(classified, System.nanoTime()) + " ms" : "");
            return result;
        });
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
