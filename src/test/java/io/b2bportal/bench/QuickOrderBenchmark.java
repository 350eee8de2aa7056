package io.b2bportal.bench;

import io.b2bportal.PortalApplication;
import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.cart.BuyerContext;
import io.b2bportal.ordering.cart.Carts;
import io.b2bportal.ordering.cart.Source;
import io.b2bportal.ordering.quickorder.PastedLines;
import io.b2bportal.ordering.quickorder.QuickOrders;
import io.b2bportal.ordering.quickorder.Review;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.PortalUser;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static io.b2bportal.bench.BenchSupport.load;
import static io.b2bportal.bench.BenchSupport.load1;

/**
 * The quick-order benchmark of issue 6: a review of 1,000 and 10,000 pasted lines ({@link PastedLines#parse} +
 * {@link QuickOrders#start}) and its confirm into a fresh cart ({@link QuickOrders#confirm}), called in-process as
 * the demo buyer (server-side time, no HTTP), with the number of SQL statements each call sends. The portal runs in
 * demo mode on its own embedded PostgreSQL under target/, with {@code bench.products} generated products added to
 * the demo catalog so that 10,000 lines are 10,000 different products. Not a test: run it from the project root with
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.b2bportal.bench.QuickOrderBenchmark}; results go
 * to stdout and target/bench/quick-order.md.
 *
 * <p>Options: {@code bench.products} (20000), {@code bench.runs} (runs per size, 20), {@code bench.sizes} (lines
 * per quick order, "1000,10000"), {@code bench.unknown}
 * (share of lines with a mistyped SKU, 0.01), {@code bench.duplicates} (share of lines repeating an earlier SKU,
 * 0.05).
 */
public final class QuickOrderBenchmark {

    /**
     * Statements prepared or created by the benchmark's own thread: each is (at least) one round trip. The portal's
     * background pollers (mail, imports, events) run SQL too, on their own threads, and are not counted.
     */
    static final AtomicLong STATEMENTS = new AtomicLong();
    static volatile Thread counted;
    /** With -Dbench.statements=true: the time each statement of the counted thread took, by its first words. */
    static final boolean timed = Boolean.getBoolean("bench.statements");
    static final java.util.Map<String, java.util.concurrent.atomic.LongAdder> STATEMENT_NANOS =
            new java.util.concurrent.ConcurrentHashMap<>();
    static final java.util.Map<String, java.util.concurrent.atomic.LongAdder> STATEMENT_CALLS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final JdbcClient jdbc;
    private final QuickOrders quickOrders;
    private final Carts carts;
    private final BuyerContext buyers;
    private final PlatformApi platform;
    private final Random random = new Random(6);
    private final StringBuilder report = new StringBuilder();

    private QuickOrderBenchmark(ConfigurableApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.quickOrders = context.getBean(QuickOrders.class);
        this.carts = context.getBean(Carts.class);
        this.buyers = context.getBean(BuyerContext.class);
        this.platform = context.getBean(PlatformApi.class);
    }

    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of("target", "bench-quickorder");
        List<String> arguments = List.of("--portal.demo=true", "--portal.embedded-db.data-directory=" + dataDirectory,
                "--portal.embedded-db.clean-on-start=true", "--server.port=0", "--spring.main.banner-mode=off",
                "--logging.level.root=error");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PortalApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new CountingDataSource()))
                .run(arguments.toArray(String[]::new))) {
            new QuickOrderBenchmark(context).run();
        }
    }

    private void run() throws IOException {
        int generated = Integer.getInteger("bench.products", 20_000);
        int runs = Integer.getInteger("bench.runs", 20);
        double unknown = Double.parseDouble(System.getProperty("bench.unknown", "0.01"));
        double duplicates = Double.parseDouble(System.getProperty("bench.duplicates", "0.05"));
        line("## Quick order");
        line("");
        line("Machine: %d cores, Java %s, %s. Load averages (1/5/15 min) at start: %s.".formatted(
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                jdbc.sql("select split_part(version(), ',', 1)").query(String.class).single(), load()));
        long t = System.nanoTime();
        generate(generated);
        List<String> skus = jdbc.sql("select sku from catalog.product where status = 'ACTIVE' order by sku")
                .query(String.class).list();
        line("Catalog: the demo catalog plus %,d generated products, %,d active SKUs (generated in %.1f s)."
                .formatted(generated, skus.size(), (System.nanoTime() - t) / 1e9));
        line("Lines: random active SKUs of the catalog (all different), %.0f %% of them mistyped (unknown, so the "
                .formatted(unknown * 100) + "review looks up similar SKUs), %.0f %% repeating an earlier SKU "
                .formatted(duplicates * 100) + "(merged); quantities 1–500, rounded to packs; as buyer@alpha.demo "
                + "for «Альфа Строй» (whole catalog).");
        if (Boolean.getBoolean("bench.explainSimilar")) {
            explainSimilar(skus);
            return;
        }
        line("");
        line("| call | lines | runs | p50 ms | p95 ms | max ms | SQL statements per call | load 1 min (start→end) |");
        line("|---|---:|---:|---:|---:|---:|---:|---|");
        actAsBuyer();
        counted = Thread.currentThread();
        Buyer buyer = buyers.require();
        for (int size : Arrays.stream(System.getProperty("bench.sizes", "1000,10000").split(","))
                .mapToInt(Integer::parseInt).toArray()) {
            measure(buyer, size, runs, skus, unknown, duplicates);
        }
        line("");
        line("Load averages at end: " + load());
        Path out = Path.of("target", "bench", "quick-order.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("\nWritten to " + out);
    }

    private void measure(Buyer buyer, int size, int runs, List<String> skus, double unknown, double duplicates) {
        String loadBefore = load1();
        long[] review = new long[runs];
        long[] confirm = new long[runs];
        long reviewStatements = 0;
        long confirmStatements = 0;
        int warmUp = 3;
        for (int run = -warmUp; run < runs; run++) {
            String paste = paste(size, skus, unknown, duplicates);
            long cart = carts.create(buyer, "bench " + size + " " + run + " " + System.nanoTime());
            long s0 = STATEMENTS.get();
            long t0 = System.nanoTime();
            Review reviewed = quickOrders.start(buyer, cart, Source.PASTE, PastedLines.parse(paste));
            long t1 = System.nanoTime();
            long s1 = STATEMENTS.get();
            quickOrders.confirm(buyer, reviewed.id(), List.of(), null);
            long t2 = System.nanoTime();
            long s2 = STATEMENTS.get();
            if (run >= 0) {
                review[run] = t1 - t0;
                confirm[run] = t2 - t1;
                reviewStatements = Math.max(reviewStatements, s1 - s0);
                confirmStatements = Math.max(confirmStatements, s2 - s1);
            }
            carts.delete(buyer, cart);
        }
        String loadAfter = load1();
        row("review (parse + `QuickOrders.start`)", size, review, reviewStatements, loadBefore, loadAfter);
        row("confirm (`QuickOrders.confirm`)", size, confirm, confirmStatements, loadBefore, loadAfter);
    }

    private void row(String call, int size, long[] nanos, long statements, String before, String after) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        line("| %s | %,d | %d | %.0f | %.0f | %.0f | %d | %s→%s |".formatted(call, size, nanos.length,
                at(sorted, 0.5), at(sorted, 0.95), sorted[sorted.length - 1] / 1e6, statements, before, after));
    }

    private static double at(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private String paste(int size, List<String> skus, double unknown, double duplicates) {
        List<String> lines = new ArrayList<>(size);
        List<String> used = new ArrayList<>(size);
        int start = random.nextInt(skus.size());
        for (int i = 0; i < size; i++) {
            String sku;
            if (!used.isEmpty() && random.nextDouble() < duplicates) {
                sku = used.get(random.nextInt(used.size()));
            } else {
                sku = skus.get((start + i * 7) % skus.size());
                if (random.nextDouble() < unknown) {
                    sku = sku.substring(0, sku.length() - 1) + "Q";
                }
                used.add(sku);
            }
            lines.add(sku + "\t" + (1 + random.nextInt(500)));
        }
        return String.join("\n", lines);
    }

    /** Generated products: copies of demo products under new SKUs, with stock in every warehouse. */
    private void generate(int count) {
        jdbc.sql("""
                        with base as (select p.*, row_number() over (order by p.id) - 1 as n
                                        from catalog.product p where p.status = 'ACTIVE')
                        insert into catalog.product (sku, name, name_en, brand, unit_code, unit_name, pack_multiple,
                                                     min_order_qty, vat_rate, category_id, backorder_allowed)
                        select 'QB-' || lpad(g::text, 6, '0') || '-' || b.sku, b.name || ' / ' || g, b.name_en, b.brand,
                               b.unit_code, b.unit_name, b.pack_multiple, b.min_order_qty, b.vat_rate, b.category_id,
                               b.backorder_allowed
                          from generate_series(1, :count) g
                          join base b on b.n = g % (select count(*) from base)""")
                .param("count", count).update();
        jdbc.sql("""
                        insert into catalog.stock (product_id, warehouse_id, on_hand)
                        select p.id, w.id, ((p.id * 37 + w.id * 11) % 500) * p.pack_multiple
                          from catalog.product p cross join catalog.warehouse w
                         where p.sku like 'QB-%' on conflict do nothing""").update();
        jdbc.sql("analyze").update();
    }

    /** With -Dbench.explainSimilar=true: the suggestion query for 100 mistyped SKUs under several trigram indexes. */
    private void explainSimilar(List<String> skus) {
        String[] typed = random.ints(100, 0, skus.size()).mapToObj(i -> skus.get(i).toLowerCase())
                .map(s -> s.substring(0, s.length() - 1) + "q").toArray(String[]::new);
        String knn = """
                explain (analyze, buffers) select u.typed, m.sku
                  from unnest(cast(:typed as text[])) with ordinality as u(typed, n)
                  cross join lateral (select p.sku from catalog.product p
                                       where lower(p.sku) % u.typed and p.status = 'ACTIVE'
                                       order by lower(p.sku) <-> u.typed, p.sku limit 3) m""";
        for (String threshold : new String[] {"0.3", "0.4", "0.5"}) {
            for (int run = 0; run < 2; run++) {
                List<String> plan = jdbc.sql("select set_config('pg_trgm.similarity_threshold', :t, false)")
                        .param("t", threshold).query(String.class).list();
                plan = jdbc.sql(knn).param("typed", typed).query(String.class).list();
                long found = jdbc.sql(knn.replace("explain (analyze, buffers) ", "select count(*) from (") + ") x")
                        .param("typed", typed).query(Long.class).single();
                line("threshold %s (current index), run %d: %s, %d suggestions for 100 SKUs".formatted(threshold, run,
                        plan.getLast(), found));
            }
        }
        jdbc.sql("select set_config('pg_trgm.similarity_threshold', '0.3', false)").query(String.class).list();
        String[][] indexes = {
            {"gist siglen 12 (default)", "create index product_sku_trgm_idx on catalog.product using gist (lower(sku) gist_trgm_ops)"},
            {"gist siglen 64", "create index product_sku_trgm_idx on catalog.product using gist (lower(sku) gist_trgm_ops(siglen=64))"},
            {"gist siglen 256", "create index product_sku_trgm_idx on catalog.product using gist (lower(sku) gist_trgm_ops(siglen=256))"},
            {"gin", "create index product_sku_trgm_idx on catalog.product using gin (lower(sku) gin_trgm_ops)"}};
        for (String[] index : indexes) {
            jdbc.sql("drop index if exists catalog.product_sku_trgm_idx").update();
            long t = System.nanoTime();
            jdbc.sql(index[1]).update();
            jdbc.sql("analyze catalog.product").update();
            String size = jdbc.sql("select pg_size_pretty(pg_relation_size('catalog.product_sku_trgm_idx'))")
                    .query(String.class).single();
            double build = (System.nanoTime() - t) / 1e9;
            for (int run = 0; run < 2; run++) {
                List<String> plan = jdbc.sql(knn).param("typed", typed).query(String.class).list();
                line("%s (built in %.1f s, %s), run %d: %s".formatted(index[0], build, size, run,
                        plan.getLast()));
                if (run == 1) {
                    plan.stream().limit(14).forEach(l -> line("    " + l));
                }
            }
        }
    }

    private void actAsBuyer() {
        long userId = platform.accountId("buyer@alpha.demo").orElseThrow();
        PortalUser user = platform.account(userId).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        long entity = jdbc.sql("select id from customers.legal_entity where inn = '7704123450'").query(Long.class)
                .single();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(LegalEntityContext.HEADER, Long.toString(entity));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }
    /** Wraps the data source so that every statement prepared or created on its connections is counted. */
    static final class CountingDataSource implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (!(bean instanceof DataSource dataSource)) {
                return bean;
            }
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        Object result = invoke(dataSource, method, args);
                        return result instanceof Connection connection ? counting(connection) : result;
                    });
        }

        private static Connection counting(Connection connection) {
            return (Connection) Proxy.newProxyInstance(QuickOrderBenchmark.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if ((method.getName().startsWith("prepare") || method.getName().equals("createStatement"))
                                && Thread.currentThread() == counted) {
                            STATEMENTS.incrementAndGet();
                            if (timed && method.getName().equals("prepareStatement")) {
                                return timing((java.sql.PreparedStatement) invoke(connection, method, args),
                                        (String) args[0]);
                            }
                        }
                        if (timed && Thread.currentThread() == counted && method.getName().equals("commit")) {
                            long t = System.nanoTime();
                            Object result = invoke(connection, method, args);
                            time("commit", System.nanoTime() - t);
                            return result;
                        }
                        return invoke(connection, method, args);
                    });
        }

        /** Times the execution of a statement (until its whole result has arrived), by the statement's first words. */
        private static java.sql.PreparedStatement timing(java.sql.PreparedStatement statement, String sql) {
            String key = sql.strip().replaceAll("\\s+", " ");
            String name = key.substring(0, Math.min(90, key.length()));
            return (java.sql.PreparedStatement) Proxy.newProxyInstance(QuickOrderBenchmark.class.getClassLoader(),
                    new Class<?>[] {java.sql.PreparedStatement.class}, (proxy, method, args) -> {
                        if (!method.getName().startsWith("execute")) {
                            return invoke(statement, method, args);
                        }
                        long t = System.nanoTime();
                        Object result = invoke(statement, method, args);
                        time(name, System.nanoTime() - t);
                        return result;
                    });
        }

        private static void time(String name, long nanos) {
            STATEMENT_NANOS.computeIfAbsent(name, k -> new java.util.concurrent.atomic.LongAdder()).add(nanos);
            STATEMENT_CALLS.computeIfAbsent(name, k -> new java.util.concurrent.atomic.LongAdder()).increment();
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
