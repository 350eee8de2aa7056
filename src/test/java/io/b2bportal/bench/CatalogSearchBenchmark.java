package io.b2bportal.bench;

import io.b2bportal.PortalApplication;
import io.b2bportal.catalog.ProductQuery;
import io.b2bportal.catalog.search.ProductCards;
import io.b2bportal.catalog.search.ProductSearch;
import io.b2bportal.platform.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToLongFunction;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.bench.BenchSupport.load;
import static io.b2bportal.bench.BenchSupport.load1;
import static io.b2bportal.bench.BenchSupport.exec;
import static io.b2bportal.bench.BenchSupport.totalMemoryGiB;

/**
 * The catalog search benchmark of issue 4: generates N products set-based in SQL (bench/catalog/generate-catalog.sql)
 * on its own embedded PostgreSQL under target/, then times the real {@link ProductSearch#search} and
 * {@link ProductCards#find} in-process (server-side latency, no HTTP), next to raw JDBC index lookups and pgbench
 * on the same server. Not a test: run it from the project root with
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.products=100000}; results go to stdout and
 * target/bench/catalog-N.md.
 *
 * <p>Options (system properties): {@code bench.products} (100000), {@code bench.reuse} (keep a database generated
 * before with the same size), {@code bench.budgetSeconds} (measuring time per query, 60), {@code bench.pgbench}
 * (run pgbench if it is on the PATH, true), {@code bench.only} (only the queries whose name contains this text, e.g.
 * {@code SKU}).
 */
public final class CatalogSearchBenchmark {

    private final int products;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ProductSearch search;
    private final ProductCards cards;
    private final EmbeddedPostgresServer server;
    private final long budgetNanos = Long.getLong("bench.budgetSeconds", 60) * 1_000_000_000L;
    private final Random random = new Random(42);
    private final StringBuilder report = new StringBuilder();

    private CatalogSearchBenchmark(ConfigurableApplicationContext context, int products) {
        this.products = products;
        this.dataSource = context.getBean(DataSource.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.search = context.getBean(ProductSearch.class);
        this.cards = context.getBean(ProductCards.class);
        this.server = context.getBean(EmbeddedPostgresServer.class);
    }

    public static void main(String[] args) throws Exception {
        int products = Integer.getInteger("bench.products", 100_000);
        boolean reuse = Boolean.getBoolean("bench.reuse");
        Path dataDirectory = Path.of("target", "bench-postgres-" + products);
        boolean generate = !reuse || !Files.exists(dataDirectory);
        boolean explain = Boolean.getBoolean("bench.explain");
        List<String> arguments = new ArrayList<>(List.of("--portal.demo=false",
                "--portal.embedded-db.data-directory=" + dataDirectory, "--portal.embedded-db.clean-on-start=" + generate,
                "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=error"));
        if (explain) {
            // every statement's plan comes back as a notice, which JdbcTemplate logs at debug level
            arguments.add("--spring.datasource.hikari.connection-init-sql=load 'auto_explain';"
                    + " set auto_explain.log_min_duration = 0; set auto_explain.log_analyze = on;"
                    + " set auto_explain.log_buffers = on; set auto_explain.log_level = notice");
            arguments.add("--logging.level.org.springframework.jdbc.core.JdbcTemplate=debug");
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PortalApplication.class)
                .run(arguments.toArray(String[]::new))) {
            CatalogSearchBenchmark benchmark = new CatalogSearchBenchmark(context, products);
            if (explain) {
                benchmark.explain(generate);
            } else {
                benchmark.run(generate);
            }
        }
    }

    private void run(boolean generate) throws Exception {
        line("## Catalog search, %,d products".formatted(products));
        line("");
        line("Machine: %d cores, %d GiB RAM, %s, Java %s. Load averages (1/5/15 min) at start: %s."
                .formatted(Runtime.getRuntime().availableProcessors(), totalMemoryGiB(),
                        jdbc.sql("select split_part(version(), ',', 1)").query(String.class).single(),
                        System.getProperty("java.version"), load()));
        line("");
        if (generate) {
            generate();
        } else {
            line("Database reused from an earlier run (bench.reuse=true).");
        }
        sizes();
        List<Sample> samples = samples(400);
        line("");
        line("| query | runs | avg. hits | p50 ms | p95 ms | p99 ms | max ms | target | verdict | load 1 min (start→end) |");
        line("|---|---:|---:|---:|---:|---:|---:|---|---|---|");
        queries(samples);
        line("");
        line("Raw PostgreSQL on the same server (plain JDBC, one connection, prepared statement, sequential):");
        line("");
        line("| lookup | runs | p50 ms | p95 ms | p99 ms | max ms | load 1 min |");
        line("|---|---:|---:|---:|---:|---:|---|");
        raw(samples);
        if (Boolean.parseBoolean(System.getProperty("bench.pgbench", "true"))) {
            pgbench();
        }
        line("");
        line("Load averages at end: " + load());
        Path out = Path.of("target", "bench", "catalog-" + products + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("\nWritten to " + out);
    }

    /** With -Dbench.explain=true: one query of each kind, its statements' plans logged by auto_explain. */
    private void explain(boolean generate) throws Exception {
        if (generate) {
            generate();
        }
        Sample s = samples(1).getFirst();
        Map<String, SampleQuery> kinds = new LinkedHashMap<>();
        kinds.put("exact SKU search", x -> search.search(ProductQuery.text(x.sku()), null).total());
        kinds.put("full text ru", x -> search.search(ProductQuery.text(x.noun() + " " + x.qualifier()), null).total());
        kinds.put("full text en", x -> search.search(ProductQuery.text(x.qualifierEn() + " " + x.nounEn()), null).total());
        kinds.put("full text + brand + 2 attributes", x -> search.search(filtered(x, 2), null).total());
        kinds.put("typo", x -> search.search(ProductQuery.text(typo(x.noun()) + " " + x.qualifier()), null).total());
        kinds.put("leaf category", x -> search.search(listing(x.categoryId()), null).total());
        for (var kind : kinds.entrySet()) {
            kind.getValue().run(s);
            System.out.println("\n===== EXPLAIN " + kind.getKey() + " (sample product " + s.sku() + ")");
            kind.getValue().run(s);
        }
    }

    // ---------------------------------------------------------------- data

    private void generate() throws Exception {
        String script = Files.readString(Path.of("bench", "catalog", "generate-catalog.sql"))
                .replace("${products}", Integer.toString(products));
        String[] steps = script.split("(?m)^-- step: ");
        List<String> timings = new ArrayList<>();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("set maintenance_work_mem = '1GB'");
            statement.execute("set synchronous_commit = off");
            // a bulk load builds the secondary indexes once at the end, as a large import would
            List<String[]> indexes = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("""
                    select indexname, indexdef from pg_indexes
                     where schemaname = 'catalog' and tablename = 'product'
                       and indexname not in (select conname from pg_constraint where conrelid = 'catalog.product'::regclass)""")) {
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] index : indexes) {
                statement.execute("drop index catalog." + index[0]);
            }
            for (String step : Arrays.copyOfRange(steps, 1, steps.length)) {
                String name = step.substring(0, step.indexOf('\n')).strip();
                long t = System.nanoTime();
                statement.execute(step.substring(step.indexOf('\n') + 1));
                timings.add("%s %.1f s".formatted(name, seconds(t)));
                System.out.println("generated: " + timings.getLast());
            }
            long t = System.nanoTime();
            for (String[] index : indexes) {
                statement.execute(index[1]);
            }
            timings.add("%d secondary indexes %.1f s".formatted(indexes.size(), seconds(t)));
            t = System.nanoTime();
            statement.execute("vacuum (analyze) catalog.product");
            statement.execute("vacuum (analyze) catalog.stock");
            statement.execute("analyze");
            timings.add("vacuum analyze %.1f s".formatted(seconds(t)));
            statement.execute("checkpoint");
            statement.execute("reset all");
        }
        line("Generation: %.0f s in all (%s). Load at end of generation: %s."
                .formatted(seconds(start), String.join(", ", timings), load()));
    }

    private void sizes() {
        Map<String, Object> size = jdbc.sql("""
                        select pg_size_pretty(pg_database_size(current_database())) as database,
                               pg_size_pretty(pg_relation_size('catalog.product')) as product_heap,
                               pg_size_pretty(pg_total_relation_size('catalog.product') - pg_relation_size('catalog.product')
                                              - pg_indexes_size('catalog.product')) as product_toast,
                               pg_size_pretty(pg_indexes_size('catalog.product')) as product_indexes,
                               pg_size_pretty(pg_total_relation_size('catalog.stock')) as stock,
                               (select count(*) from catalog.product) as products,
                               (select count(*) from catalog.category) as categories,
                               (select count(*) from catalog.stock) as stock_rows,
                               (select round(avg((select count(*) from jsonb_object_keys(attributes))), 1)
                                  from catalog.product) as avg_attributes""")
                .query().singleRow();
        String indexes = jdbc.sql("""
                        select string_agg(indexrelname || ' ' || pg_size_pretty(pg_relation_size(indexrelid)), ', '
                                          order by pg_relation_size(indexrelid) desc)
                          from pg_stat_user_indexes where schemaname = 'catalog' and relname = 'product'""")
                .query(String.class).single();
        line("Data: %,d products in %d categories, %s attributes per product on average, %,d stock rows (3 warehouses)."
                .formatted(((Number) size.get("products")).longValue(), ((Number) size.get("categories")).longValue(),
                        size.get("avg_attributes"), ((Number) size.get("stock_rows")).longValue()));
        line("Sizes: database %s; catalog.product heap %s, TOAST %s, indexes %s (%s); catalog.stock %s."
                .formatted(size.get("database"), size.get("product_heap"), size.get("product_toast"),
                        size.get("product_indexes"), indexes, size.get("stock")));
    }

    /** A random product with the words of its category, from which queries with a known share of hits are built. */
    private record Sample(long id, String sku, String noun, String qualifier, String nounEn, String qualifierEn,
            String brand, long categoryId, long groupId, long rootId, List<String> keys, List<String> values) {
    }

    private List<Sample> samples(int count) {
        long maxId = jdbc.sql("select max(id) from catalog.product").query(Long.class).single();
        Long[] ids = random.longs(count, 1, maxId + 1).boxed().toArray(Long[]::new);
        return jdbc.sql("""
                        select p.id, p.sku, lower(l.noun) as noun, l.qualifier, l.noun_en, l.qualifier_en, p.brand,
                               c.id as category_id, c.parent_id as group_id, g.parent_id as root_id,
                               (select array_agg(key order by key) from jsonb_each_text(p.attributes)) as keys,
                               (select array_agg(value order by key) from jsonb_each_text(p.attributes)) as vals
                          from unnest(cast(:ids as bigint[])) with ordinality as s(id, n)
                          join catalog.product p on p.id = s.id
                          join catalog.category c on c.id = p.category_id
                          join catalog.category g on g.id = c.parent_id
                          join bench.leaf l on l.category_id = p.category_id
                         order by s.n""")
                .param("ids", ids)
                .query((rs, n) -> new Sample(rs.getLong("id"), rs.getString("sku"), rs.getString("noun"),
                        rs.getString("qualifier"), rs.getString("noun_en"), rs.getString("qualifier_en"),
                        rs.getString("brand"), rs.getLong("category_id"), rs.getLong("group_id"), rs.getLong("root_id"),
                        List.of((String[]) rs.getArray("keys").getArray()),
                        List.of((String[]) rs.getArray("vals").getArray())))
                .list();
    }

    // ---------------------------------------------------------------- queries

    private void queries(List<Sample> samples) {
        measure("exact SKU, product card (ProductCards.find)", 2000, 5, samples,
                s -> cards.find(s.sku(), null).map(c -> 1L).orElse(0L));
        measure("exact SKU in the search box (search)", 2000, 5, samples,
                s -> search.search(ProductQuery.text(s.sku()), null).total());
        measure("SKU prefix, e.g. `DRL-00123`", 1000, null, samples,
                s -> search.search(ProductQuery.text(s.sku().substring(0, s.sku().length() - 2)), null).total());
        measure("full text ru, 2 words, e.g. `дрель ударная` + facets", 500, 50, samples,
                s -> search.search(ProductQuery.text(s.noun() + " " + s.qualifier()), null).total());
        measure("full text en, e.g. `impact drill` + facets", 500, 50, samples,
                s -> search.search(ProductQuery.text(s.qualifierEn() + " " + s.nounEn()), null).total());
        measure("full text ru + brand word, e.g. `дрель makita` + facets", 500, 50, samples,
                s -> search.search(ProductQuery.text(s.noun() + " " + s.brand()), null).total());
        measure("full text + brand + 2 attribute filters + facets", 500, 50, samples,
                s -> search.search(filtered(s, 2), null).total());
        measure("full text + brand + 4 attribute filters (5 facets) + facets", 500, 50, samples,
                s -> search.search(filtered(s, 4), null).total());
        measure("typo, e.g. `дрль ударная` (fuzzy path)", 500, null, samples,
                s -> search.search(ProductQuery.text(typo(s.noun()) + " " + s.qualifier()), null).total());
        measure("category page: leaf category, by name", 300, null, samples,
                s -> search.search(listing(s.categoryId()), null).total());
        measure("category page: group of 7 leaves, by name", 200, null, samples,
                s -> search.search(listing(s.groupId()), null).total());
        measure("category page: top-level family (1/8 of catalog), by name", 100, null, samples,
                s -> search.search(listing(s.rootId()), null).total());
    }

    private static ProductQuery filtered(Sample s, int attributes) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (int i = 0; i < attributes; i++) {
            int at = (int) ((s.id() * 7 + i * 3) % s.keys().size());
            filters.put(s.keys().get(at), List.of(s.values().get(at)));
        }
        return new ProductQuery(s.noun() + " " + s.qualifier(), null, List.of(s.brand()), filters, false, "relevance", 0,
                50);
    }

    private static ProductQuery listing(long category) {
        return new ProductQuery(null, category, List.of(), Map.of(), false, "name", 0, 50);
    }

    /** One letter dropped from the middle of the word: "дрель" → "дрль". */
    private static String typo(String word) {
        int at = word.length() / 2;
        return word.substring(0, at) + word.substring(at + 1);
    }

    private void measure(String name, int runs, Integer targetMs, List<Sample> samples, SampleQuery query) {
        if (!name.contains(System.getProperty("bench.only", ""))) {
            return;
        }
        String loadBefore = load1();
        long warmUpEnd = System.nanoTime() + budgetNanos / 6;
        for (int i = 0; i < Math.max(20, runs / 10) && System.nanoTime() < warmUpEnd; i++) {
            query.run(samples.get(random.nextInt(samples.size())));
        }
        long[] nanos = new long[runs];
        long hits = 0;
        int n = 0;
        long end = System.nanoTime() + budgetNanos;
        while (n < runs && (n < 10 || System.nanoTime() < end)) {
            Sample sample = samples.get(random.nextInt(samples.size()));
            long t = System.nanoTime();
            hits += query.run(sample);
            nanos[n++] = System.nanoTime() - t;
        }
        Stats stats = Stats.of(Arrays.copyOf(nanos, n));
        String verdict = targetMs == null ? "—" : stats.p95() <= targetMs ? "**meets**" : "**misses** (p95 ×%.1f)"
                .formatted(stats.p95() / targetMs);
        line("| %s | %d | %,.0f | %.2f | %.2f | %.2f | %.2f | %s | %s | %s→%s |".formatted(name, n, (double) hits / n,
                stats.p50(), stats.p95(), stats.p99(), stats.max(), targetMs == null ? "—" : "p95 ≤ " + targetMs + " ms",
                verdict, loadBefore, load1()));
    }

    @FunctionalInterface
    private interface SampleQuery {
        long run(Sample sample);
    }

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

    // ---------------------------------------------------------------- references

    private void raw(List<Sample> samples) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            rawLoop(connection, "`select 1` (round trip only)", "select 1", 10_000, (ps, s) -> { });
            rawLoop(connection, "primary key: `select … from catalog.product where id = ?`",
                    "select id, sku, name, brand, category_id from catalog.product where id = ?", 10_000,
                    (ps, s) -> ps.setLong(1, s.id()));
            rawLoop(connection, "unique SKU: `select … from catalog.product where sku = ?`",
                    "select id, sku, name, brand, category_id from catalog.product where sku = ?", 10_000,
                    (ps, s) -> ps.setString(1, s.sku()));
            rawLoop(connection, "GIN full text: `select count(*) … where search @@ websearch_to_tsquery('russian', ?)`",
                    "select count(*) from catalog.product where search @@ websearch_to_tsquery('russian', ?)", 1000,
                    (ps, s) -> ps.setString(1, s.noun() + " " + s.qualifier()));
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement, Sample sample) throws SQLException;
    }

    private void rawLoop(Connection connection, String name, String sql, int runs, Binder binder) throws SQLException {
        List<Sample> samples = samples(1000);
        String loadBefore = load1();
        long[] nanos = new long[runs];
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = -runs / 5; i < runs; i++) {
                binder.bind(statement, samples.get(random.nextInt(samples.size())));
                long t = System.nanoTime();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - t;
                }
            }
        }
        Stats stats = Stats.of(nanos);
        line("| %s | %d | %.3f | %.3f | %.3f | %.2f | %s→%s |".formatted(name, runs, stats.p50(), stats.p95(),
                stats.p99(), stats.max(), loadBefore, load1()));
    }

    /** pgbench select-only against the same embedded server, in its own database; latencies from its per-transaction log. */
    private void pgbench() throws IOException, InterruptedException {
        BenchSupport.pgbenchSelectOnly(server, Path.of("target", "bench", "pgbench"), this::line);
    }
    // ---------------------------------------------------------------- helpers

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
