package io.b2bportal.platform.imports;

import io.b2bportal.shared.Hashes;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL side of import jobs: queue, claim, heartbeat, progress, results, and taking back the jobs of a node
 * that stopped. Every write by the node running a job names the attempt it claimed ({@code attempts}), so a node
 * whose job was taken away (its heartbeat stopped for longer than the lease) can no longer touch it.
 */
@Repository
class ImportJobs {

    /** A job a worker has claimed; {@code attempt} fences its writes. */
    record Claimed(long id, String kind, long fileId, String fileName, boolean dryRun, String status, int attempt,
            Map<String, String> options, long userId) {

        boolean apply() {
            return !dryRun || status.equals(ImportJob.APPLYING);
        }
    }

    /** A job taken back from a node that stopped: queued again, or given up. */
    record Abandoned(long id, String status, int attempts) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> OPTIONS = new TypeReference<>() { };
    private static final String RUNNING = "('" + ImportJob.VALIDATING + "', '" + ImportJob.APPLYING + "')";
    private static final String SELECT = """
            select j.id, j.kind, j.file_name, j.dry_run, j.status, j.apply_requested, j.total_rows, j.processed_rows,
                   j.created_count, j.updated_count, j.unchanged_count, j.removed_count, j.error_count, j.attempts,
                   j.failure_key, j.failure_args, j.options::text as options, u.display_name, j.created_at,
                   j.finished_at
              from platform.import_job j join platform.user_account u on u.id = j.created_by
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate separately;
    private final TransactionTemplate together;

    ImportJobs(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.together = new TransactionTemplate(transactions);
    }

    long create(String kind, String fileName, byte[] content, boolean dryRun, Map<String, String> options,
            int estimatedRows, long userId) {
        long fileId = jdbc.sql("""
                        insert into platform.import_file (file_name, sha256, size, content)
                        values (:name, :sha, :size, :content) returning id""")
                .param("name", fileName).param("sha", Hashes.sha256Hex(content)).param("size", content.length)
                .param("content", content).query(Long.class).single();
        return jdbc.sql("""
                        insert into platform.import_job (kind, file_id, file_name, dry_run, options, total_rows, created_by)
                        values (:kind, :file, :name, :dry, cast(:options as jsonb), :rows, :user) returning id""")
                .param("kind", kind).param("file", fileId).param("name", fileName).param("dry", dryRun)
                .param("options", JSON.writeValueAsString(options)).param("rows", estimatedRows).param("user", userId)
                .query(Long.class).single();
    }

    /**
     * Takes the oldest waiting job of a kind this node can run; {@code skip locked} lets every node of a cluster
     * poll without taking the same one.
     */
    Optional<Claimed> claim(Collection<String> kinds, String node) {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        update platform.import_job j
                           set status = case when j.status = 'QUEUED' then 'VALIDATING' else 'APPLYING' end,
                               started_at = now(), heartbeat_at = now(), claimed_by = :node,
                               attempts = j.attempts + 1, processed_rows = 0
                         where j.id = (select id from platform.import_job
                                        where (status = 'QUEUED' or (status = 'VALIDATED' and apply_requested))
                                          and kind in (:kinds)
                                        order by id limit 1 for update skip locked)
                        returning j.id, j.kind, j.file_id, j.file_name, j.dry_run, j.status, j.attempts,
                                  j.options::text, j.created_by""")
                .param("node", node).param("kinds", List.copyOf(kinds))
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6), rs.getInt(7), options(rs.getString(8)), rs.getLong(9)))
                .optional();
    }

    byte[] content(long fileId) {
        return jdbc.sql("select content from platform.import_file where id = :id").param("id", fileId)
                .query(byte[].class).single();
    }

    /** The running node says it is alive; false when the job is no longer its own. */
    boolean heartbeat(long id, int attempt) {
        return separately.execute(status -> jdbc.sql("""
                        update platform.import_job set heartbeat_at = now()
                         where id = :id and attempts = :attempt and status in %s""".formatted(RUNNING))
                .param("id", id).param("attempt", attempt).update() == 1);
    }

    /** Rows read so far; written at once in its own transaction (the run's transaction is still open). */
    boolean progress(long id, int attempt, int processed) {
        return separately.execute(status -> jdbc.sql("""
                        update platform.import_job
                           set processed_rows = :n, total_rows = greatest(total_rows, :n), heartbeat_at = now()
                         where id = :id and attempts = :attempt and status in %s""".formatted(RUNNING))
                .param("n", processed).param("id", id).param("attempt", attempt).update() == 1);
    }

    /** Every row checked and none wrong: the job now writes. */
    boolean applying(long id, int attempt) {
        return separately.execute(status -> jdbc.sql("""
                        update platform.import_job set status = 'APPLYING', heartbeat_at = now()
                         where id = :id and attempts = :attempt and status in %s""".formatted(RUNNING))
                .param("id", id).param("attempt", attempt).update() == 1);
    }

    /**
     * Records the outcome and the report, in one transaction, so that nobody sees the job finished without its
     * report. An apply finishes its job inside the transaction that wrote the rows, so the two commit together or not
     * at all. False (and nothing written) when the job is no longer this attempt's.
     */
    boolean finish(long id, int attempt, String status, ImportResult result) {
        return together.execute(tx -> record(id, attempt, status, result));
    }

    private boolean record(long id, int attempt, String status, ImportResult result) {
        boolean mine = jdbc.sql("""
                        update platform.import_job
                           set status = :status, apply_requested = false, total_rows = :rows, processed_rows = :rows,
                               created_count = :created, updated_count = :updated, unchanged_count = :unchanged,
                               removed_count = :removed, error_count = :errors, failure_key = null,
                               failure_args = '{}', finished_at = now(), heartbeat_at = now()
                         where id = :id and attempts = :attempt and status in %s""".formatted(RUNNING))
                .param("status", status).param("rows", result.rows()).param("created", result.created())
                .param("updated", result.updated()).param("unchanged", result.unchanged())
                .param("removed", result.removed()).param("errors", result.errorCount())
                .param("id", id).param("attempt", attempt).update() == 1;
        if (!mine) {
            return false;
        }
        jdbc.sql("delete from platform.import_row_result where job_id = :id").param("id", id).update();
        List<ImportRowResult> report = new ArrayList<>(result.errors().size() + result.samples().size());
        result.errors().forEach(issue -> report.add(ImportRowResult.error(issue)));
        report.addAll(result.samples());
        List<Object[]> rows = new ArrayList<>(report.size());
        for (int seq = 0; seq < report.size(); seq++) {
            ImportRowResult r = report.get(seq);
            String args = String.join("\u001F", r.args());
            rows.add(new Object[] { id, seq, r.row(), r.outcome(), r.scope(), r.subject(), r.detail(), r.oldValue(),
                    r.newValue(), r.messageKey(), args, args });
        }
        // the arguments travel as one unit-separator-joined string, so the batch needs no array binding
        template.batchUpdate("""
                insert into platform.import_row_result
                    (job_id, seq, row_no, outcome, scope, subject, detail, old_value, new_value, message_key, args)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? = '' then '{}' else string_to_array(?, chr(31)) end)""",
                rows);
        return true;
    }

    /** A problem with the whole file, or an unexpected failure: nothing was written. */
    boolean fail(long id, int attempt, String messageKey, List<String> args) {
        return jdbc.sql("""
                        update platform.import_job
                           set status = 'FAILED', apply_requested = false, failure_key = :key,
                               failure_args = string_to_array(:args, chr(31)), finished_at = now()
                         where id = :id and attempts = :attempt and status in %s""".formatted(RUNNING))
                .param("key", messageKey).param("args", String.join("\u001F", args)).param("id", id)
                .param("attempt", attempt).update() == 1;
    }

    /**
     * Takes back the jobs whose node has not heartbeaten for longer than {@code lease}: the node crashed, was
     * killed or lost the database. An apply runs in one transaction, so when its node died the database rolled it
     * back and nothing of it was written; running it again from the start is safe. A check goes back to the queue,
     * an apply back to "validated, apply requested" (a direct import, which checks and applies in one go, back to
     * the queue). After {@code maxAttempts} starts of the same step the job fails instead, with a reason the page
     * shows, so that a file that kills its node every time cannot take the cluster down one node after another.
     */
    List<Abandoned> requeueAbandoned(Duration lease, int maxAttempts) {
        return jdbc.sql("""
                        update platform.import_job j
                           set status = case when j.attempts >= :max then 'FAILED'
                                             when j.dry_run and j.status = 'APPLYING' then 'VALIDATED'
                                             else 'QUEUED' end,
                               apply_requested = j.attempts < :max and j.dry_run and j.status = 'APPLYING',
                               failure_key = case when j.attempts >= :max then 'imports.failure.abandoned' end,
                               failure_args = case when j.attempts >= :max then array[j.attempts::text]
                                                   else '{}'::text[] end,
                               finished_at = case when j.attempts >= :max then now() end,
                               claimed_by = null, processed_rows = 0
                         where j.status in %s
                           and coalesce(j.heartbeat_at, j.started_at, j.created_at)
                               < now() - make_interval(secs => :lease)
                        returning j.id, j.status, j.attempts""".formatted(RUNNING))
                .param("max", maxAttempts).param("lease", lease.toMillis() / 1000.0)
                .query((rs, n) -> new Abandoned(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
    }

    /** Marks a validated dry run for applying; false when the job is not (or no longer) in that state. */
    boolean requestApply(long id) {
        return jdbc.sql("""
                        update platform.import_job set apply_requested = true, attempts = 0
                         where id = :id and dry_run and status = 'VALIDATED' and not apply_requested""")
                .param("id", id).update() == 1;
    }

    Optional<ImportJob> find(long id) {
        return jdbc.sql(SELECT + " where j.id = :id").param("id", id).query(ImportJobs::job).optional();
    }

    List<ImportJob> recent(Collection<String> kinds, int limit) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where j.kind in (:kinds) order by j.created_at desc, j.id desc limit :limit")
                .param("kinds", List.copyOf(kinds)).param("limit", limit).query(ImportJobs::job).list();
    }

    List<ImportRowResult> rows(long jobId) {
        return jdbc.sql("""
                        select row_no, outcome, scope, subject, detail, old_value, new_value, message_key, args
                          from platform.import_row_result where job_id = :id order by seq""")
                .param("id", jobId)
                .query((rs, n) -> {
                    int row = rs.getInt(1);
                    return new ImportRowResult(rs.wasNull() ? null : row, rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            strings(rs.getArray(9)));
                })
                .list();
    }

    private static ImportJob job(ResultSet rs, int n) throws SQLException {
        return new ImportJob(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
                rs.getBoolean("dry_run"), rs.getString("status"), rs.getBoolean("apply_requested"),
                rs.getInt("total_rows"), rs.getInt("processed_rows"), rs.getInt("created_count"),
                rs.getInt("updated_count"), rs.getInt("unchanged_count"), rs.getInt("removed_count"),
                rs.getInt("error_count"), rs.getInt("attempts"), rs.getString("failure_key"),
                strings(rs.getArray("failure_args")), options(rs.getString("options")), rs.getString("display_name"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
    }

    private static Map<String, String> options(String json) {
        return json == null ? Map.of() : Map.copyOf(JSON.readValue(json, OPTIONS));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
