package io.b2bportal.bench;

import io.b2bportal.PortalApplication;
import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.db.EmbeddedPostgresServer;
import io.b2bportal.pricing.PriceSource;
import io.b2bportal.pricing.PricedLine;
import io.b2bportal.pricing.PricingApi;
import io.b2bportal.pricing.Quote;
import io.b2bportal.pricing.QuoteLine;
import io.b2bportal.pricing.admin.PriceLists;
import io.b2bportal.pricing.admin.PriceLists.Adjustment;
import io.b2bportal.pricing.admin.Tier;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.bench.BenchSupport.load;
import static io.b2bportal.bench.BenchSupport.load1;
import static io.b2bportal.bench.BenchSupport.exec;
import static io.b2bportal.bench.BenchSupport.totalMemoryGiB;

/**
 * The pricing benchmark of issue 5, data size "M": 100,000 products, 1,000 companies with 5,000 buyer accounts,
 * 500 price lists with about 10 million price rows, 200 running promotions (bench/pricing/README.md). Generated
 * set-based in SQL (the catalog of bench/catalog/generate-catalog.sql, then bench/pricing/generate-pricing.sql) on its
 * own embedded PostgreSQL in target/bench-postgres-pricing, which later runs reuse. Times the real {@link PricingApi}
 * in-process (server-side, no HTTP): a 48-product catalog page and a 1,000-line quote for random buyers, a price change
 * and the next quote, the "+3 %" bulk change of a 100,000-row list; the HTTP endpoint {@code GET /api/v1/prices} for
 * 48 SKUs; next to raw primary-key lookups of price rows and pgbench on the same server. Not a test: run it from the
 * project root with {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.b2bportal.bench.PricingBenchmark};
 * results go to stdout and target/bench/pricing.md.
 *
 * <p>Options (system properties): {@code bench.regenerate} (generate even if a complete data set exists),
 * {@code bench.runs} (runs of the 48-product page, 2000; the other rows scale from it), {@code bench.pgbench} (true),
 * {@code bench.http} (true), {@code bench.only} (only the rows whose name contains this text), {@code bench.explain}
 * (plans of the engine's statements for one page and one cart, via auto_explain, instead of measuring).
 */
public final class PricingBenchmark {

    private static final Path DATA_DIRECTORY = Path.of("target", "bench-postgres-pricing");
    /** The list with one row for each of the 100,000 products, for the "+3 %" change. */
    private static final String BIG_LIST = "pl-002";

    private final ConfigurableApplicationContext context;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final PricingApi pricing;
    private final PriceLists priceLists;
    private final PlatformApi platform;
    private final EmbeddedPostgresServer server;
    private final int runs = Integer.getInteger("bench.runs", 2000);
    private final String only = System.getProperty("bench.only", "");
    private final Random random = new Random(5);
    private final StringBuilder report = new StringBuilder();
    /** Results by a short key, for the ratios printed at the end. */
    private final Map<String, Stats> results = new java.util.LinkedHashMap<>();
    private List<Long> entities;

    private PricingBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
        this.dataSource = context.getBean(DataSource.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.pricing = context.getBean(PricingApi.class);
        this.priceLists = context.getBean(PriceLists.class);
        this.platform = context.getBean(PlatformApi.class);
        this.server = context.getBean(EmbeddedPostgresServer.class);
    }

    public static void main(String[] args) throws Exception {
        boolean explain = Boolean.getBoolean("bench.explain");
        boolean clean = Boolean.getBoolean("bench.regenerate") || !Files.exists(DATA_DIRECTORY);
        for (int attempt = 0; attempt < 2; attempt++) {
            try (ConfigurableApplicationContext context = start(clean, explain)) {
                PricingBenchmark benchmark = new PricingBenchmark(context);
                boolean complete = benchmark.jdbc.sql("select to_regclass('bench.pricing_generated') is not null")
                        .query(Boolean.class).single();
                if (!complete && !clean) {
                    System.out.println("The data set in " + DATA_DIRECTORY + " is incomplete: generating it again.");
                    clean = true;
                    continue;
                }
                if (Boolean.getBoolean("bench.hold")) {
                    benchmark.hold();
                } else if (explain) {
                    benchmark.explain(!complete);
                } else {
                    benchmark.run(!complete);
                }
                return;
            }
        }
    }

    private static ConfigurableApplicationContext start(boolean clean, boolean explain) {
        List<String> arguments = new ArrayList<>(List.of("--portal.demo=false",
                "--portal.embedded-db.data-directory=" + DATA_DIRECTORY, "--portal.embedded-db.clean-on-start=" + clean,
                "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=error"));
        if (explain) {
            // every statement's plan comes back as a notice, which JdbcTemplate logs at debug level
            arguments.add("--spring.datasource.hikari.connection-init-sql=load 'auto_explain';"
                    + " set auto_explain.log_min_duration = 0; set auto_explain.log_analyze = on;"
                    + " set auto_explain.log_buffers = on; set auto_explain.log_level = notice;"
                    + " set auto_explain.log_nested_statements = on");
            arguments.add("--logging.level.org.springframework.jdbc.core.JdbcTemplate=debug");
        }
        return new SpringApplicationBuilder(PortalApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new QuickOrderBenchmark.CountingDataSource()))
                .run(arguments.toArray(String[]::new));
    }

    private void run(boolean generate) throws Exception {
        line("## Pricing, data size M");
        line("");
        line("Machine: %d cores, %d GiB RAM, %s, Java %s. Load averages (1/5/15 min) at start: %s."
                .formatted(Runtime.getRuntime().availableProcessors(), totalMemoryGiB(),
                        jdbc.sql("select split_part(version(), ',', 1)").query(String.class).single(),
                        System.getProperty("java.version"), load()));
        line("");
        if (generate) {
            generate();
        } else {
            line("Data set reused from an earlier run (" + DATA_DIRECTORY + "; -Dbench.regenerate=true makes it anew).");
        }
        sizes();
        entities = jdbc.sql("select id from bench.entity order by id").query(Long.class).list();
        List<Page> pages = pages(300);
        List<List<QuoteLine>> carts = carts(40, 1000);
        QuickOrderBenchmark.counted = Thread.currentThread();
        line("");
        line("In-process calls of `PricingApi` (server-side, no HTTP), one caller at a time, a random buyer (legal "
                + "entity) per call:");
        line("");
        line("| call | runs | lines priced | p50 ms | p95 ms | p99 ms | max ms | SQL statements | target | verdict "
                + "| load 1 min (start→end) |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|");
        measure("48-product catalog page (`catalogPrices`)", runs, 10, () -> {
            Page page = pages.get(random.nextInt(pages.size()));
            return pricing.catalogPrices(entity(), page.ids()).values().stream().filter(PricedLine::priced).count();
        });
        measure("48 SKUs, as the price API (`prices`)", runs, 10, () -> {
            Page page = pages.get(random.nextInt(pages.size()));
            return pricing.prices(entity(), page.lines()).stream().filter(PricedLine::priced).count();
        });
        measure("1,000-line cart (`quote`)", Math.max(20, runs / 10), 100, () -> {
            List<QuoteLine> cart = carts.get(random.nextInt(carts.size()));
            return pricing.quote(entity(), cart).lines().stream().filter(PricedLine::priced).count();
        });
        // the catalog's price range filter (PriceDisplay.pricedWithin) resolves every candidate's price in slices of
        // 1,000: this is its cost at its cap of 20,000 candidates (catalog.search.ProductSearch.PRICE_FILTER_MAX)
        List<Long> allProducts = jdbc.sql("select id from catalog.product").query(Long.class).list();
        measure("price range filter over 20,000 candidates (`catalogPrices` × 20 slices of 1,000)", 10, null, () -> {
            List<Long> candidates = new java.util.ArrayList<>(allProducts);
            java.util.Collections.shuffle(candidates, new java.util.Random(random.nextLong()));
            long entity = entity();
            long priced = 0;
            for (int start = 0; start < 20_000; start += 1_000) {
                priced += pricing.catalogPrices(entity, candidates.subList(start, start + 1_000)).values().stream()
                        .filter(PricedLine::priced).count();
            }
            return priced;
        });
        if (Boolean.parseBoolean(System.getProperty("bench.http", "true")) && "48 SKUs over HTTP".contains(only)) {
            http(pages);
        }
        if (included("price change")) {
            priceChange(Math.max(20, runs / 10));
        }
        if (included("+3 %")) {
            bulkChange(3);
        }
        if (!included("raw PostgreSQL")) {
            line("");
            line("Load averages at end: " + load());
            return;
        }
        line("");
        line("Raw PostgreSQL on the same server (plain JDBC, one connection, prepared statements, sequential; random "
                + "products of the base list, whose rows include the tiers):");
        line("");
        line("| lookup | runs | rows | p50 ms | p95 ms | p99 ms | max ms | load 1 min |");
        line("|---|---:|---:|---:|---:|---:|---:|---|");
        raw(pages, carts);
        ratios();
        if (Boolean.parseBoolean(System.getProperty("bench.pgbench", "true"))) {
            pgbench();
        }
        line("");
        line("Load averages at end: " + load());
        Path out = Path.of("target", "bench", "pricing.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("\nWritten to " + out);
    }

    /** With -Dbench.explain=true: one page and one cart, every statement's plan logged by auto_explain. */
    private void explain(boolean generate) throws Exception {
        if (generate) {
            generate();
        }
        entities = jdbc.sql("select id from bench.entity order by id").query(Long.class).list();
        Page page = pages(1).getFirst();
        List<QuoteLine> cart = carts(1, 1000).getFirst();
        long entity = entity();
        pricing.catalogPrices(entity, page.ids());
        System.out.println("\n===== EXPLAIN 48-product page, legal entity " + entity);
        pricing.catalogPrices(entity, page.ids());
        pricing.quote(entity, cart);
        System.out.println("\n===== EXPLAIN 1,000-line cart, legal entity " + entity);
        pricing.quote(entity, cart);
    }

    /** With -Dbench.hold=true: keeps the server up for psql until target/bench/hold is deleted. */
    private void hold() throws Exception {
        Path flag = Path.of("target", "bench", "hold");
        Files.createDirectories(flag.getParent());
        Files.writeString(flag, "psql -h localhost -p " + server.port() + " -U postgres portal\n");
        System.out.println("Holding: " + Files.readString(flag).strip() + " (delete " + flag + " to stop)");
        while (Files.exists(flag)) {
            Thread.sleep(1000);
        }
    }

    // ---------------------------------------------------------------- data

    private void generate() throws Exception {
        List<String> timings = new ArrayList<>();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("set maintenance_work_mem = '1GB'");
            statement.execute("set synchronous_commit = off");
            // a bulk load builds indexes and checks foreign keys once at the end, as a large import would
            List<String> rebuild = new ArrayList<>();
            rebuild.addAll(dropIndexes(statement, "catalog.product"));
            rebuild.addAll(dropKeys(statement, "pricing.price"));
            rebuild.addAll(dropIndexes(statement, "pricing.price"));
            steps(statement, Path.of("bench", "catalog", "generate-catalog.sql"), "catalog ", timings);
            steps(statement, Path.of("bench", "pricing", "generate-pricing.sql"), "", timings);
            long t = System.nanoTime();
            for (String sql : rebuild) {
                statement.execute(sql);
            }
            timings.add("%d indexes and keys rebuilt %.1f s".formatted(rebuild.size(), seconds(t)));
            System.out.println("generated: " + timings.getLast());
            t = System.nanoTime();
            statement.execute("vacuum (analyze) catalog.product");
            statement.execute("vacuum (analyze) pricing.price");
            statement.execute("analyze");
            timings.add("vacuum analyze %.1f s".formatted(seconds(t)));
            statement.execute("checkpoint");
            statement.execute("reset all");
        }
        line("Generation: %.0f s in all (%s). Load at end of generation: %s."
                .formatted(seconds(start), String.join(", ", timings), load()));
    }

    /** Drops the table's indexes that no constraint owns; returns the statements that make them again. */
    private static List<String> dropIndexes(Statement statement, String table) throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("""
                select schemaname || '.' || indexname, indexdef from pg_indexes
                 where schemaname || '.' || tablename = '%s'
                   and indexname not in (select conname from pg_constraint where conrelid = '%s'::regclass)"""
                .formatted(table, table))) {
            while (rs.next()) {
                indexes.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        List<String> create = new ArrayList<>();
        for (String[] index : indexes) {
            statement.execute("drop index " + index[0]);
            create.add(index[1]);
        }
        return create;
    }

    /** Drops the table's primary key and foreign keys; returns the statements that add them again. */
    private static List<String> dropKeys(Statement statement, String table) throws SQLException {
        List<String[]> keys = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("""
                select conname, pg_get_constraintdef(oid) from pg_constraint
                 where conrelid = '%s'::regclass and contype in ('p', 'f') order by contype desc""".formatted(table))) {
            while (rs.next()) {
                keys.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        List<String> add = new ArrayList<>();
        for (String[] key : keys) {
            statement.execute("alter table " + table + " drop constraint " + key[0]);
            add.add("alter table " + table + " add constraint " + key[0] + " " + key[1]);
        }
        return add;
    }

    private static void steps(Statement statement, Path file, String prefix, List<String> timings)
            throws IOException, SQLException {
        String script = Files.readString(file).replace("${products}", "100000");
        String[] steps = script.split("(?m)^-- step: ");
        for (String step : Arrays.copyOfRange(steps, 1, steps.length)) {
            String name = prefix + step.substring(0, step.indexOf('\n')).strip();
            long t = System.nanoTime();
            statement.execute(step.substring(step.indexOf('\n') + 1));
            timings.add("%s %.1f s".formatted(name, seconds(t)));
            System.out.println("generated: " + timings.getLast());
        }
    }

    private void sizes() {
        Map<String, Object> size = jdbc.sql("""
                        select pg_size_pretty(pg_database_size(current_database())) as database,
                               pg_size_pretty(pg_relation_size('pricing.price')) as price_heap,
                               pg_size_pretty(pg_indexes_size('pricing.price')) as price_indexes,
                               (select count(*) from catalog.product) as products,
                               (select count(*) from pricing.price) as prices,
                               (select count(*) from pricing.price where min_qty > 1) as tiers,
                               (select count(*) from pricing.price_list) as lists,
                               (select count(*) from pricing.price_type) as types,
                               (select count(*) from pricing.contract_price) as contract_prices,
                               (select count(*) from customers.company) as companies,
                               (select count(*) from customers.legal_entity) as entities,
                               (select count(*) from platform.user_account where side = 'CUSTOMER') as buyers,
                               (select count(*) from pricing.promotion
                                 where active and starts_at <= now() and ends_at > now()) as running,
                               (select count(*) from pricing.promotion) as promotions,
                               (select count(*) from pricing.promotion_scope) as scopes,
                               (select count(*) from pricing.price where price_list_id
                                       = (select id from pricing.price_list where code = 'pl-002')) as big_list""")
                .query().singleRow();
        line(("Data: %,d products, %,d companies with %,d legal entities and %,d buyer accounts, %,d price lists, %,d "
                + "price types, %,d price rows (%,d of them tiers above the first), %,d rows in %s, %,d contract "
                + "prices, %,d promotions running (%,d in all, %,d scope rows).").formatted(
                        num(size, "products"), num(size, "companies"), num(size, "entities"), num(size, "buyers"),
                        num(size, "lists"), num(size, "types"), num(size, "prices"), num(size, "tiers"),
                        num(size, "big_list"), BIG_LIST, num(size, "contract_prices"), num(size, "running"),
                        num(size, "promotions"), num(size, "scopes")));
        line("Sizes: database %s; pricing.price heap %s, indexes %s.".formatted(size.get("database"),
                size.get("price_heap"), size.get("price_indexes")));
    }

    private static long num(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).longValue();
    }

    /** A catalog page: 48 products of a leaf category in name order. */
    private record Page(List<Long> ids, List<QuoteLine> lines) {
    }

    private List<Page> pages(int count) {
        List<Long> leaves = jdbc.sql("""
                        select c.id from catalog.category c
                         where not exists (select 1 from catalog.category k where k.parent_id = c.id) order by c.id""")
                .query(Long.class).list();
        List<Page> pages = new ArrayList<>();
        while (pages.size() < count) {
            long category = leaves.get(random.nextInt(leaves.size()));
            List<Map<String, Object>> rows = jdbc.sql("""
                            select id, sku from catalog.product where category_id = :category
                             order by name, id offset :offset limit 48""")
                    .param("category", category).param("offset", 48 * random.nextInt(10)).query().listOfRows();
            if (rows.size() == 48) {
                pages.add(new Page(rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList(),
                        rows.stream().map(r -> QuoteLine.of((String) r.get("sku"), 1)).toList()));
            }
        }
        return pages;
    }

    /** Carts of different random products; quantities 1–20 (60 %), 50–500 (30 %), 1,000–3,000 (10 %). */
    private List<List<QuoteLine>> carts(int count, int size) {
        List<String> skus = jdbc.sql("select sku from catalog.product order by id").query(String.class).list();
        List<List<QuoteLine>> carts = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            int start = random.nextInt(skus.size());
            List<QuoteLine> lines = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int kind = random.nextInt(10);
                long qty = kind < 6 ? 1 + random.nextInt(20) : kind < 9 ? 50 + random.nextInt(451)
                        : 1000 + random.nextInt(2001);
                lines.add(QuoteLine.of(skus.get((start + i * 97) % skus.size()), qty));
            }
            carts.add(lines);
        }
        return carts;
    }

    private long entity() {
        return entities.get(random.nextInt(entities.size()));
    }

    // ---------------------------------------------------------------- measurements

    private boolean included(String name) {
        return name.contains(only);
    }

    private void measure(String name, int count, Integer targetMs, LongSupplier call) {
        if (!included(name)) {
            return;
        }
        String loadBefore = load1();
        // warm-up: JIT, and the price rows' pages into shared_buffers (the first row measured was 1.5x slower with
        // a tenth of the runs as warm-up)
        for (int i = 0; i < Math.max(20, count / 3); i++) {
            call.getAsLong();
        }
        long[] nanos = new long[count];
        long priced = 0;
        long statements = 0;
        QuickOrderBenchmark.STATEMENT_NANOS.clear();
        QuickOrderBenchmark.STATEMENT_CALLS.clear();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            long s = QuickOrderBenchmark.STATEMENTS.get();
            long t = System.nanoTime();
            priced += call.getAsLong();
            nanos[i] = System.nanoTime() - t;
            statements = Math.max(statements, QuickOrderBenchmark.STATEMENTS.get() - s);
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        Stats stats = Stats.of(nanos);
        results.put(name, stats);
        if (QuickOrderBenchmark.timed) {
            statementTimes(name, count, java.util.Arrays.stream(nanos).sum(), cpu);
        }
        line("| %s | %d | %.1f | %.2f | %.2f | %.2f | %.2f | %d | %s | %s | %s→%s |".formatted(name, count,
                (double) priced / count, stats.p50(), stats.p95(), stats.p99(), stats.max(), statements,
                targetMs == null ? "—" : "p95 ≤ " + targetMs + " ms", verdict(stats.p95(), targetMs), loadBefore,
                load1()));
    }

    /**
     * With -Dbench.statements=true: the mean time per call of each statement (sent until its whole result has
     * arrived, so the round trip, PostgreSQL's planning and execution and the transfer), the commit, and the rest
     * (Java: mapping, the engine, the transaction), and the CPU time of the calling thread, which the load of the
     * machine changes least, printed before the row.
     */
    private void statementTimes(String name, int count, long totalNanos, long cpuNanos) {
        System.out.println("Where the time of a call goes, " + name + " (mean ms per call):");
        long sql = 0;
        for (var e : QuickOrderBenchmark.STATEMENT_NANOS.entrySet().stream()
                .sorted(Map.Entry.comparingByValue((a, b) -> Long.compare(b.sum(), a.sum()))).toList()) {
            sql += e.getValue().sum();
            System.out.printf("  %8.3f  %5.2f×  %s%n", e.getValue().sum() / 1e6 / count,
                    QuickOrderBenchmark.STATEMENT_CALLS.get(e.getKey()).sum() / (double) count, e.getKey());
        }
        System.out.printf("  %8.3f  statements and commit%n  %8.3f  the rest (Java)%n  %8.3f  the call%n"
                + "  %8.3f  CPU time of the calling thread (Java, JDBC included; not waiting)%n",
                sql / 1e6 / count, (totalNanos - sql) / 1e6 / count, totalNanos / 1e6 / count, cpuNanos / 1e6 / count);
    }

    private static String verdict(double p95, Integer targetMs) {
        return targetMs == null ? "—" : p95 <= targetMs ? "**meets**" : "**misses** (p95 ×%.1f)".formatted(p95 / targetMs);
    }

    /** {@code GET /api/v1/prices} with 48 SKUs, as a random buyer with its API key; round trip on localhost. */
    private void http(List<Page> pages) throws Exception {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        List<long[]> buyers = jdbc.sql("""
                        select m.user_id, m.default_legal_entity_id from customers.membership m
                          join platform.user_account a on a.id = m.user_id where a.email like 'buyer-%@bench.test'""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        int count = Math.max(50, runs / 4);
        String loadBefore = load1();
        long[] nanos = new long[count];
        long priced = 0;
        for (int i = -count / 5; i < count; i++) {
            Page page = pages.get(random.nextInt(pages.size()));
            long[] buyer = buyers.get(random.nextInt(buyers.size()));
            StringBuilder query = new StringBuilder("qty=1");
            page.lines().forEach(l -> query.append("&sku=").append(l.sku()));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/prices?" + query))
                    .header("Authorization", "Bearer bpk_bench-" + buyer[0])
                    .header(LegalEntityContext.HEADER, Long.toString(buyer[1])).header("Accept", "application/json")
                    .GET().build();
            long t = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - t;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v1/prices: " + response.statusCode() + " " + response.body());
            }
            if (i >= 0) {
                nanos[i] = elapsed;
                priced += response.body().split("\"status\":\"PRICED\"", -1).length - 1;
            }
        }
        Stats stats = Stats.of(nanos);
        results.put("http", stats);
        line("| 48 SKUs over HTTP: `GET /api/v1/prices?sku=…×48` with an API key, round trip on localhost | %d | %.1f "
                .formatted(count, (double) priced / count) + "| %.2f | %.2f | %.2f | %.2f | — | — | — | %s→%s |"
                .formatted(stats.p50(), stats.p95(), stats.p99(), stats.max(), loadBefore, load1()));
    }

    /**
     * One price row changed by the seller ({@link PriceLists#setPrices}, committed), then the very next quote of a
     * buyer whose contract names that list: it must return the new price. A pair is used only when the line is priced
     * by that list without a contract price or a promotion, so the expected price is exactly the new row.
     */
    private void priceChange(int count) {
        PortalUser staff = platform.account(platform.accountId("bench-admin@bench.test").orElseThrow()).orElseThrow();
        List<Map<String, Object>> candidates = jdbc.sql("""
                        select e.id as entity, l.code as list, p.id as product, p.sku
                          from bench.entity e
                          join customers.contract k on k.legal_entity_id = e.id and k.ends_on is null
                          join pricing.price_list l on l.code = k.price_type
                          cross join lateral (select pr.product_id from pricing.price pr
                                               where pr.price_list_id = l.id and pr.min_qty = 1
                                               offset (hashint8(e.id) & 1023) limit 8) pick
                          join catalog.product p on p.id = pick.product_id
                         where not exists (select 1 from pricing.contract_price cp
                                            where cp.legal_entity_id = e.id and cp.product_id = p.id)""")
                .query().listOfRows();
        java.util.Collections.shuffle(candidates, random);
        String loadBefore = load1();
        long[] write = new long[count];
        long[] read = new long[count];
        long[] total = new long[count];
        int n = 0;
        int verified = 0;
        int skipped = 0;
        long readStatements = 0;
        for (Map<String, Object> c : candidates) {
            if (n == count) {
                break;
            }
            long entity = ((Number) c.get("entity")).longValue();
            String list = (String) c.get("list");
            long product = ((Number) c.get("product")).longValue();
            String sku = (String) c.get("sku");
            PricedLine before = pricing.quote(entity, List.of(QuoteLine.of(sku, 1))).lines().getFirst();
            if (before.source() != PriceSource.PRICE_TYPE || before.promotion() != null
                    || !list.equals(before.priceType())) {
                skipped++;
                continue;
            }
            List<Tier> tiers = new ArrayList<>(priceLists.pricesOf(list, product).tiers());
            Tier first = tiers.getFirst();
            // 1 % down, unless that would undercut the next tier (runs change the same rows again): then 1 % up
            BigDecimal changed = first.amount().multiply(new BigDecimal("0.99")).setScale(2, RoundingMode.HALF_UP);
            if (tiers.size() > 1 && changed.compareTo(tiers.get(1).amount()) < 0) {
                changed = first.amount().multiply(new BigDecimal("1.01")).setScale(2, RoundingMode.HALF_UP);
            }
            if (changed.compareTo(first.amount()) == 0 || changed.signum() == 0) {
                skipped++;
                continue;
            }
            tiers.set(0, new Tier(first.minQty(), changed));
            long t0 = System.nanoTime();
            priceLists.setPrices(staff, list, product, tiers);
            long t1 = System.nanoTime();
            long s = QuickOrderBenchmark.STATEMENTS.get();
            Quote next = pricing.quote(entity, List.of(QuoteLine.of(sku, 1)));
            long t2 = System.nanoTime();
            readStatements = Math.max(readStatements, QuickOrderBenchmark.STATEMENTS.get() - s);
            if (next.lines().getFirst().unitPrice().compareTo(changed) == 0) {
                verified++;
            } else {
                System.out.printf("NOT VISIBLE: %s in %s for entity %d: expected %s, quoted %s%n", sku, list, entity,
                        changed, next.lines().getFirst().unitPrice());
            }
            write[n] = t1 - t0;
            read[n] = t2 - t1;
            total[n] = t2 - t0;
            n++;
        }
        String loadAfter = load1();
        Stats w = Stats.of(Arrays.copyOf(write, n));
        Stats r = Stats.of(Arrays.copyOf(read, n));
        Stats t = Stats.of(Arrays.copyOf(total, n));
        line("| price change, the write: `PriceLists.setPrices` (one product's row, commit, audit) | %d | 1 | %.2f | %.2f "
                .formatted(n, w.p50(), w.p95()) + "| %.2f | %.2f | — | — | — | %s→%s |".formatted(w.p99(), w.max(),
                        loadBefore, loadAfter));
        line("| price change, the next request: `quote` of that line | %d | 1 | %.2f | %.2f | %.2f | %.2f | %d | — | — "
                .formatted(n, r.p50(), r.p95(), r.p99(), r.max(), readStatements) + "| %s→%s |".formatted(loadBefore,
                        loadAfter));
        line(("| price change visible: write + next quote (**new price returned in %d of %d**, no rebuild step) | %d | 1 "
                + "| %.2f | %.2f | %.2f | %.2f | — | visible at once | %s | %s→%s |").formatted(verified, n, n, t.p50(),
                        t.p95(), t.p99(), t.max(), verified == n ? "**meets**" : "**misses**", loadBefore, loadAfter));
        if (skipped > 0) {
            System.out.printf("price change: %d candidate pairs skipped (contract price, promotion or another type)%n",
                    skipped);
        }
    }

    /**
     * The seller's "+3 %" on the list with 100,000 rows ({@link PriceLists#adjust}, one UPDATE), alternating with the
     * way back (−2.9126 %) so that repeated runs keep the prices where they were; then the same UPDATE alone on plain
     * JDBC. Checked: every row of the list changed as the rounding rule says.
     */
    private void bulkChange(int rounds) throws SQLException {
        PortalUser staff = platform.account(platform.accountId("bench-admin@bench.test").orElseThrow()).orElseThrow();
        long list = jdbc.sql("select id from pricing.price_list where code = :code").param("code", BIG_LIST)
                .query(Long.class).single();
        long rows = jdbc.sql("select count(*) from pricing.price where price_list_id = :list").param("list", list)
                .query(Long.class).single();
        String loadBefore = load1();
        long[] admin = new long[rounds];
        long changedRows = 0;
        int correct = 0;
        for (int i = 0; i < rounds; i++) {
            for (BigDecimal percent : List.of(new BigDecimal("3"), new BigDecimal("-2.9126"))) {
                jdbc.sql("drop table if exists bench.before_adjust").update();
                jdbc.sql("""
                                create table bench.before_adjust as
                                select product_id, min_qty, amount from pricing.price where price_list_id = :list""")
                        .param("list", list).update();
                long t = System.nanoTime();
                int changed = priceLists.adjust(staff, BIG_LIST, new Adjustment(percent, null, null));
                long elapsed = System.nanoTime() - t;
                long wrong = jdbc.sql("""
                                select count(*) from bench.before_adjust b
                                  join pricing.price p on p.price_list_id = :list and p.product_id = b.product_id
                                                      and p.min_qty = b.min_qty
                                 where p.amount <> round(b.amount * (1 + :percent / 100), 2)""")
                        .param("list", list).param("percent", percent).query(Long.class).single();
                if (percent.signum() > 0) {
                    admin[i] = elapsed;
                    changedRows = changed;
                    correct += wrong == 0 ? 1 : 0;
                }
            }
        }
        jdbc.sql("drop table if exists bench.before_adjust").update();
        Stats a = Stats.of(admin);
        line(("| +3 %% of the %,d-row list %s: `PriceLists.adjust` (one UPDATE + list stamp + audit, commit; %,d rows "
                + "changed, every row right in %d of %d runs) | %d | %,d | %.0f | %.0f | %.0f | %.0f | — | ≤ 10 s | %s "
                + "| %s→%s |").formatted(rows, BIG_LIST, changedRows, correct, rounds, rounds, changedRows, a.p50(),
                        a.p95(), a.p99(), a.max(), a.max() <= 10_000 ? "**meets**" : "**misses**", loadBefore, load1()));
        String update = """
                update pricing.price pr
                   set amount = round(pr.amount * ?, 2), updated_at = now(), updated_by = ?
                 where pr.price_list_id = ? and round(pr.amount * ?, 2) <> pr.amount""";
        loadBefore = load1();
        long[] raw = new long[rounds];
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (int i = 0; i < rounds; i++) {
                for (BigDecimal factor : List.of(new BigDecimal("1.03"), new BigDecimal("0.970874"))) {
                    try (PreparedStatement statement = connection.prepareStatement(update)) {
                        statement.setBigDecimal(1, factor);
                        statement.setLong(2, staff.id());
                        statement.setLong(3, list);
                        statement.setBigDecimal(4, factor);
                        long t = System.nanoTime();
                        statement.executeUpdate();
                        if (factor.compareTo(BigDecimal.ONE) > 0) {
                            raw[i] = System.nanoTime() - t;
                        }
                    }
                }
            }
        }
        Stats u = Stats.of(raw);
        line("| +3 %% of %s: the same UPDATE alone (plain JDBC, autocommit) | %d | %,d | %.0f | %.0f | %.0f | %.0f | 1 "
                .formatted(BIG_LIST, rounds, rows, u.p50(), u.p95(), u.p99(), u.max()) + "| ≤ 10 s | %s | %s→%s |"
                .formatted(u.max() <= 10_000 ? "**meets**" : "**misses**", loadBefore, load1()));
    }

    // ---------------------------------------------------------------- references

    private void raw(List<Page> pages, List<List<QuoteLine>> carts) throws SQLException {
        long base = jdbc.sql("select id from pricing.price_list where code = 'base'").query(Long.class).single();
        List<Long> all = jdbc.sql("select id from catalog.product order by id").query(Long.class).list();
        String byArray = "select product_id, min_qty, amount from pricing.price where price_list_id = ? and product_id = any(?)";
        String byKey = "select product_id, min_qty, amount from pricing.price where price_list_id = ? and product_id = ?";
        String byUnnest = """
                select pr.product_id, pr.min_qty, pr.amount from unnest(cast(? as bigint[])) as x (id)
                  join pricing.price pr on pr.price_list_id = ? and pr.product_id = x.id""";
        try (Connection connection = dataSource.getConnection()) {
            rawLoop(connection, "`select 1` (round trip only)", 5000, 1, () -> {
                try (PreparedStatement s = connection.prepareStatement("select 1"); ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return 1;
                }
            });
            for (int size : new int[] {48, 1000}) {
                rawLoop(connection, "price rows of %,d products, one statement: `price_list_id = ? and product_id = any(?)`"
                        .formatted(size), size == 48 ? 2000 : 200, size, () -> {
                            Long[] ids = sample(all, size);
                            try (PreparedStatement s = connection.prepareStatement(byArray)) {
                                s.setLong(1, base);
                                s.setArray(2, connection.createArrayOf("bigint", ids));
                                return rows(s);
                            }
                        });
                rawLoop(connection, "price rows of %,d products, one statement: `join unnest(?)` on the primary key (a probe each)"
                        .formatted(size), size == 48 ? 2000 : 200, size, () -> {
                            Long[] ids = sample(all, size);
                            try (PreparedStatement s = connection.prepareStatement(byUnnest)) {
                                s.setArray(1, connection.createArrayOf("bigint", ids));
                                s.setLong(2, base);
                                return rows(s);
                            }
                        });
                rawLoop(connection, "price rows of %,d products, one primary-key lookup each (%,d round trips)"
                        .formatted(size, size), size == 48 ? 1000 : 100, size, () -> {
                            long rows = 0;
                            try (PreparedStatement s = connection.prepareStatement(byKey)) {
                                for (Long id : sample(all, size)) {
                                    s.setLong(1, base);
                                    s.setLong(2, id);
                                    rows += rows(s);
                                }
                            }
                            return rows;
                        });
            }
        }
    }

    /** Our calls against the raw reads of the same number of price rows, at p50 and p95. */
    private void ratios() {
        String[][] pairs = {
            {"48-product catalog page (`catalogPrices`)", "price rows of 48 products, one statement: `price_list_id = ? and product_id = any(?)`"},
            {"48-product catalog page (`catalogPrices`)", "price rows of 48 products, one primary-key lookup each (48 round trips)"},
            {"48 SKUs, as the price API (`prices`)", "price rows of 48 products, one statement: `price_list_id = ? and product_id = any(?)`"},
            {"http", "price rows of 48 products, one statement: `price_list_id = ? and product_id = any(?)`"},
            {"1,000-line cart (`quote`)", "price rows of 1,000 products, one statement: `join unnest(?)` on the primary key (a probe each)"},
            {"1,000-line cart (`quote`)", "price rows of 1,000 products, one primary-key lookup each (1,000 round trips)"}};
        line("");
        line("Ratios (our call ÷ the raw read of as many price rows, same run):");
        line("");
        line("| call | raw reference | p50 ratio | p95 ratio |");
        line("|---|---|---:|---:|");
        for (String[] pair : pairs) {
            Stats ours = results.get(pair[0]);
            Stats raw = results.get(pair[1]);
            if (ours != null && raw != null) {
                line("| %s | %s | %.1f× | %.1f× |".formatted(pair[0].equals("http") ? "48 SKUs over HTTP" : pair[0],
                        pair[1], ours.p50() / raw.p50(), ours.p95() / raw.p95()));
            }
        }
    }

    private Long[] sample(List<Long> all, int size) {
        Long[] ids = new Long[size];
        int start = random.nextInt(all.size());
        for (int i = 0; i < size; i++) {
            ids[i] = all.get((start + i * 97) % all.size());
        }
        return ids;
    }

    private static long rows(PreparedStatement statement) throws SQLException {
        long rows = 0;
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rs.getBigDecimal(3);
                rows++;
            }
        }
        return rows;
    }

    @FunctionalInterface
    private interface RawCall {
        long run() throws SQLException;
    }

    private void rawLoop(Connection connection, String name, int count, int products, RawCall call)
            throws SQLException {
        String loadBefore = load1();
        long[] nanos = new long[count];
        long rows = 0;
        for (int i = -count / 5; i < count; i++) {
            long t = System.nanoTime();
            long r = call.run();
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t;
                rows += r;
            }
        }
        Stats stats = Stats.of(nanos);
        results.put(name, stats);
        line("| %s | %d | %.1f | %.3f | %.3f | %.3f | %.2f | %s→%s |".formatted(name, count, (double) rows / count,
                stats.p50(), stats.p95(), stats.p99(), stats.max(), loadBefore, load1()));
    }

    /** pgbench select-only against the same embedded server, in its own database; latencies from its per-transaction log. */
    private void pgbench() throws IOException, InterruptedException {
        BenchSupport.pgbenchSelectOnly(server, Path.of("target", "bench", "pgbench-pricing"), this::line);
    }
    // ---------------------------------------------------------------- helpers

    private record Stats(double p50, double p95, double p99, double max) {
        static Stats of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Stats(at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        }

        /** Nearest-rank percentile, in milliseconds. */
        static double at(long[] sorted, double p) {
            return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
