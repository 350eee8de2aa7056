package io.b2bportal.catalog.importing;

import io.b2bportal.shared.Hashes;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL side of import jobs: queue, claim, progress, results. */
@Repository
class ImportJobs {

    /** A job a worker has claimed. */
    record Claimed(long id, ImportKind kind, long fileId, String fileName, boolean dryRun, String status) {

        boolean apply() {
            return !dryRun || status.equals("APPLYING");
        }
    }

    private static final String SELECT = """
            select j.id, j.kind, j.file_name, j.dry_run, j.status, j.apply_requested, j.total_rows, j.processed_rows,
                   j.created_count, j.updated_count, j.unchanged_count, j.error_count, j.failure_key, j.failure_args,
                   u.display_name, j.created_at, j.finished_at
              from catalog.import_job j join platform.user_account u on u.id = j.created_by
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportJobs(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long create(ImportKind kind, String fileName, byte[] content, boolean dryRun, int estimatedRows, long userId) {
        long fileId = jdbc.sql("""
                        insert into catalog.import_file (file_name, sha256, size, content)
                        values (:name, :sha, :size, :content) returning id""")
                .param("name", fileName).param("sha", Hashes.sha256Hex(content)).param("size", content.length)
                .param("content", content).query(Long.class).single();
        return jdbc.sql("""
                        insert into catalog.import_job (kind, file_id, file_name, dry_run, total_rows, created_by)
                        values (:kind, :file, :name, :dry, :rows, :user) returning id""")
                .param("kind", kind.name()).param("file", fileId).param("name", fileName).param("dry", dryRun)
                .param("rows", estimatedRows).param("user", userId).query(Long.class).single();
    }

    /** Takes the oldest waiting job; {@code skip locked} lets every node of a cluster poll without taking the same. */
    Optional<Claimed> claim() {
        return jdbc.sql("""
                        update catalog.import_job j
                           set status = case when j.status = 'QUEUED' then 'VALIDATING' else 'APPLYING' end,
                               started_at = now(), processed_rows = 0
                         where j.id = (select id from catalog.import_job
                                        where status = 'QUEUED' or (status = 'VALIDATED' and apply_requested)
                                        order by id limit 1 for update skip locked)
                        returning j.id, j.kind, j.file_id, j.file_name, j.dry_run, j.status""")
                .query((rs, n) -> new Claimed(rs.getLong(1), ImportKind.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getString(4), rs.getBoolean(5), rs.getString(6)))
                .optional();
    }

    byte[] content(long fileId) {
        return jdbc.sql("select content from catalog.import_file where id = :id").param("id", fileId)
                .query(byte[].class).single();
    }

    void progress(long id, int processed) {
        jdbc.sql("update catalog.import_job set processed_rows = :n, total_rows = greatest(total_rows, :n) where id = :id")
                .param("n", processed).param("id", id).update();
    }

    void status(long id, String status) {
        jdbc.sql("update catalog.import_job set status = :status where id = :id")
                .param("status", status).param("id", id).update();
    }

    void finish(long id, String status, ImportRunner.Result result) {
        jdbc.sql("""
                        update catalog.import_job
                           set status = :status, apply_requested = false, total_rows = :rows, processed_rows = :rows,
                               created_count = :created, updated_count = :updated, unchanged_count = :unchanged,
                               error_count = :errors, failure_key = null, failure_args = '{}', finished_at = now()
                         where id = :id""")
                .param("status", status).param("rows", result.rows()).param("created", result.created())
                .param("updated", result.updated()).param("unchanged", result.unchanged())
                .param("errors", result.errorCount()).param("id", id).update();
        jdbc.sql("delete from catalog.import_row_result where job_id = :id").param("id", id).update();
        List<Object[]> rows = new ArrayList<>();
        for (RowIssue issue : result.errors()) {
            rows.add(new Object[] { id, issue.row(), "ERROR", issue.sku(), issue.messageKey(),
                    String.join("\u001F", issue.args()) });
        }
        for (ImportTarget.Sample sample : result.samples()) {
            rows.add(new Object[] { id, sample.row(), sample.outcome(), sample.sku(), null, "" });
        }
        // the arguments travel as one unit-separator-joined string, so the batch needs no array binding
        template.batchUpdate("""
                insert into catalog.import_row_result (job_id, row_no, outcome, sku, message_key, args)
                values (?, ?, ?, ?, ?, case when ? = '' then '{}' else string_to_array(?, chr(31)) end)""",
                rows.stream().map(r -> new Object[] { r[0], r[1], r[2], r[3], r[4], r[5], r[5] }).toList());
    }

    void fail(long id, String messageKey, List<String> args) {
        jdbc.sql("""
                        update catalog.import_job
                           set status = 'FAILED', apply_requested = false, failure_key = :key,
                               failure_args = string_to_array(:args, chr(31)), finished_at = now()
                         where id = :id""")
                .param("key", messageKey).param("args", String.join("\u001F", args)).param("id", id).update();
    }

    /** Marks a validated dry run for applying; false when the job is not (or no longer) in that state. */
    boolean requestApply(long id) {
        return jdbc.sql("""
                        update catalog.import_job set apply_requested = true
                         where id = :id and dry_run and status = 'VALIDATED' and not apply_requested""")
                .param("id", id).update() == 1;
    }

    Optional<ImportJob> find(long id) {
        return jdbc.sql(SELECT + " where j.id = :id").param("id", id).query(ImportJobs::job).optional();
    }

    List<ImportJob> recent(int limit) {
        return jdbc.sql(SELECT + " order by j.created_at desc, j.id desc limit :limit").param("limit", limit)
                .query(ImportJobs::job).list();
    }

    List<ImportRowResult> rows(long jobId) {
        return jdbc.sql("""
                        select row_no, outcome, sku, message_key, args from catalog.import_row_result
                         where job_id = :id order by outcome <> 'ERROR', row_no""")
                .param("id", jobId)
                .query((rs, n) -> new ImportRowResult(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), strings(rs.getArray(5))))
                .list();
    }

    private static ImportJob job(ResultSet rs, int n) throws SQLException {
        return new ImportJob(rs.getLong("id"), ImportKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
                rs.getBoolean("dry_run"), rs.getString("status"), rs.getBoolean("apply_requested"),
                rs.getInt("total_rows"), rs.getInt("processed_rows"), rs.getInt("created_count"),
                rs.getInt("updated_count"), rs.getInt("unchanged_count"), rs.getInt("error_count"),
                rs.getString("failure_key"), strings(rs.getArray("failure_args")), rs.getString("display_name"),
                rs.getObject("created_at", java.time.OffsetDateTime.class),
                rs.getObject("finished_at", java.time.OffsetDateTime.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
