package io.b2bportal.platform.imports;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs of a node that died: a job whose heartbeat is older than the lease is queued again and finished by a live
 * node, at most max-attempts times; a node that lost its job can no longer write to it; a live job keeps its lease.
 * The "dead node" is a job row claimed by a node name that no longer heartbeats.
 */
@PortalTest
class ImportRequeueTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate template;
    @Autowired
    ImportJobs jobs;
    @Autowired
    ImportRunner runner;

    final String id = UUID.randomUUID().toString().substring(0, 8);
    final String sku = "R" + id.toUpperCase();
    final String list = "rq-" + id;
    long userId;

    @BeforeEach
    void setUp() {
        userId = jdbc.sql("select id from platform.user_account where email = 'catalog@demo.local'").query(Long.class).single();
        long category = jdbc.sql("insert into catalog.category (code, name, path) values (:c, 'Requeue', '/') returning id")
                .param("c", "rq-" + id).query(Long.class).single();
        jdbc.sql("insert into catalog.product (sku, name, category_id) values (:s, 'Болт', :c)")
                .param("s", sku).param("c", category).update();
        jdbc.sql("insert into pricing.price_list (code, name) values (:l, 'Requeue')").param("l", list).update();
    }

    /** A price job as a node that then died left it: claimed {@code attempts} times, last heartbeat 10 minutes ago. */
    private long abandoned(String status, boolean dryRun, int attempts) {
        byte[] file = ("sku;price\r\n" + sku + ";123.45\r\n").getBytes(StandardCharsets.UTF_8);
        long job = jobs.create("pricing.prices", "dead.csv", file, dryRun,
                Map.of("priceList", list, "decimalComma", "false", "removeMissing", "false"), 1, userId);
        jdbc.sql("""
                        update platform.import_job
                           set status = :status, apply_requested = false, attempts = :attempts, claimed_by = 'dead-node',
                               started_at = now() - interval '10 minutes', heartbeat_at = now() - interval '10 minutes'
                         where id = :id""")
                .param("status", status).param("attempts", attempts).param("id", job).update();
        return job;
    }

    private Map<String, Object> awaitFinished(long job) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Map<String, Object> row = jdbc.sql("""
                            select status, apply_requested, attempts, claimed_by, created_count, failure_key
                              from platform.import_job where id = :id""").param("id", job).query().singleRow();
            String status = (String) row.get("status");
            if (status.equals("DONE") || status.equals("FAILED")
                    || status.equals("VALIDATED") && !(Boolean) row.get("apply_requested")) {
                return row;
            }
            sleep(200);
        }
        throw new AssertionError("job " + job + " was not taken over");
    }

    private String price() {
        return jdbc.sql("""
                        select trim_scale(pr.amount)::text from pricing.price pr
                          join pricing.price_list l on l.id = pr.price_list_id
                          join catalog.product p on p.id = pr.product_id where l.code = :l and p.sku = :s""")
                .param("l", list).param("s", sku).query(String.class).optional().orElse(null);
    }

    @Test
    void aCheckLeftByADeadNodeIsQueuedAgainAndFinishedByALiveOne() {
        long job = abandoned("VALIDATING", true, 1);

        Map<String, Object> finished = awaitFinished(job);

        assertThat(finished.get("status")).isEqualTo("VALIDATED");
        assertThat(finished.get("attempts")).isEqualTo(2);
        assertThat(finished.get("claimed_by")).isNotEqualTo("dead-node");
        assertThat(finished.get("created_count")).isEqualTo(1);
        assertThat(price()).isNull();
    }

    @Test
    void anApplyLeftByADeadNodeIsAppliedAgainFromTheStart() {
        // the dead node's transaction was rolled back by PostgreSQL: nothing of its apply is in the list
        long job = abandoned("APPLYING", true, 1);

        Map<String, Object> finished = awaitFinished(job);

        assertThat(finished.get("status")).isEqualTo("DONE");
        assertThat(finished.get("attempts")).isEqualTo(2);
        assertThat(price()).isEqualTo("123.45");
    }

    @Test
    void aJobWhoseNodesDiedMaxAttemptsTimesFailsWithTheReasonShown() {
        long job = abandoned("APPLYING", false, 3);

        Map<String, Object> finished = awaitFinished(job);

        assertThat(finished.get("status")).isEqualTo("FAILED");
        assertThat(finished.get("failure_key")).isEqualTo("imports.failure.abandoned");
        var http = new Http(port);
        var response = http.send(http.request("/api/v1/admin/pricing/imports/" + job)
                .header("Authorization", Http.basic("catalog@demo.local", "demo")).header("Accept-Language", "en"));
        assertThat(JsonMapper.builder().build().readTree(response.body()).get("failure").asString())
                .startsWith("The import was given up after 3 attempts: each time the server running it stopped");
        assertThat(price()).isNull();
    }

    @Test
    void aNodeWhoseJobWasTakenOverCanNoLongerWriteToIt() {
        String kind = "test.nobody-" + id;
        long job = jobs.create(kind, "x.csv", "a\r\n1\r\n".getBytes(StandardCharsets.UTF_8), true, Map.of(), 1, userId);
        ImportJobs.Claimed first = jobs.claim(List.of(kind), "node-a").orElseThrow();
        assertThat(jobs.requeueAbandoned(Duration.ofMinutes(2), 3)).extracting(ImportJobs.Abandoned::id).doesNotContain(job);

        jdbc.sql("update platform.import_job set heartbeat_at = now() - interval '3 minutes' where id = :id").param("id", job).update();
        jobs.requeueAbandoned(Duration.ofMinutes(2), 3); // or the portal's own poll did it a moment ago
        assertThat(jdbc.sql("select status from platform.import_job where id = :id").param("id", job).query(String.class)
                .single()).isEqualTo("QUEUED");
        ImportJobs.Claimed second = jobs.claim(List.of(kind), "node-b").orElseThrow();
        ImportResult result = new ImportResult(1, 1, 0, 0, 0, 0, List.of(), List.of(), false);

        assertThat(second.attempt()).isEqualTo(first.attempt() + 1);
        assertThat(jobs.heartbeat(job, first.attempt())).isFalse();
        assertThat(jobs.progress(job, first.attempt(), 1)).isFalse();
        assertThat(jobs.finish(job, first.attempt(), ImportJob.VALIDATED, result)).isFalse();
        assertThat(jobs.heartbeat(job, second.attempt())).isTrue();
        assertThat(jobs.finish(job, second.attempt(), ImportJob.VALIDATED, result)).isTrue();
    }

    @Test
    void aRunningJobKeepsItsLeaseByHeartbeatingEvenWhenARowTakesLongerThanTheLease() throws Exception {
        String kind = "test.slow-" + id;
        ImportHandler slow = new ImportHandler() {
            @Override
            public String code() {
                return kind;
            }

            @Override
            public boolean permits(PortalUser user) {
                return true;
            }

            @Override
            public ImportTarget open(ImportRun run) {
                return new SlowTarget(jdbc, template, run);
            }
        };
        // a worker of its own with a 1 s lease and a 200 ms heartbeat; only it knows the kind
        ImportWorker worker = new ImportWorker(jobs, runner, Runnable::run, List.of(slow), Duration.ofMillis(200),
                Duration.ofSeconds(1), 3);
        long job = jobs.create(kind, "slow.csv", "n\r\n1\r\n2\r\n3\r\n4\r\n5\r\n6\r\n".getBytes(StandardCharsets.UTF_8),
                true, Map.of(), 6, userId);

        Thread running = Thread.ofVirtual().start(worker::nudge);
        Set<Long> requeued = new java.util.HashSet<>();
        while (running.isAlive()) {
            jobs.requeueAbandoned(Duration.ofSeconds(1), 3).forEach(a -> requeued.add(a.id()));
            sleep(100);
        }

        Map<String, Object> finished = jdbc.sql("select status, attempts, created_count from platform.import_job where id = :id")
                .param("id", job).query().singleRow();
        assertThat(requeued).doesNotContain(job);
        assertThat(finished).containsEntry("status", "VALIDATED").containsEntry("attempts", 1).containsEntry("created_count", 6);
    }

    /** One column {@code n}; every row takes 400 ms, so six rows take more than twice the 1 s lease. */
    private static final class SlowTarget extends ImportTarget {

        SlowTarget(JdbcClient jdbc, JdbcTemplate template, ImportRun run) {
            super(jdbc, template, run, run.cells());
        }

        @Override
        protected Set<String> required() {
            return Set.of("n");
        }

        @Override
        protected List<String> allowed() {
            return List.of("n");
        }

        @Override
        protected boolean known(String column) {
            return column.equals("n");
        }

        @Override
        protected String createTempTable() {
            return "create temp table import_slow (row_no int not null) on commit drop";
        }

        @Override
        protected String insertIntoTempTable() {
            return "insert into import_slow (row_no) values (?)";
        }

        @Override
        protected Object[] parse(int rowNo, List<String> row) {
            sleep(400);
            return new Object[] { rowNo };
        }

        @Override
        protected void checkAgainstData() {
        }

        @Override
        protected Classification classify() {
            return classify("""
                    select row_no, 'CREATED' as outcome, null::text as scope, row_no::text as subject,
                           null::text as detail, null::text as old_value, null::text as new_value, null::numeric as weight
                      from import_slow""", 10);
        }

        @Override
        protected void apply() {
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
