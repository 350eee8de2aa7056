package io.b2bportal.bench;

import io.b2bportal.PortalApplication;
import io.b2bportal.ordering.order.Channel;
import io.b2bportal.ordering.order.Checkout;
import io.b2bportal.ordering.order.CheckoutRequest;
import io.b2bportal.ordering.order.CheckoutRequest.RequestedLine;
import io.b2bportal.ordering.order.Placer;
import io.b2bportal.platform.db.EmbeddedPostgresServer;
import io.b2bportal.shared.DomainException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.bench.BenchSupport.load;
import static io.b2bportal.bench.BenchSupport.load1;
import static io.b2bportal.bench.BenchSupport.exec;

/**
 * The order placement benchmark of issue 6: 20-line orders placed through the real checkout ({@link Checkout#place}:
 * pricing, quantity and assortment checks, minimum order, reservation under row locks, order and lines written, the
 * history and the event) by several threads at once, in-process (server-side, no HTTP), for a fixed time; orders per
 * second, latency per order, and a check that nothing was oversold: some lines ask for a few scarce products that run
 * out during the run, and at the end every product's reserved stock must equal what its order lines hold, never above
 * what is on hand. Next to pgbench's TPC-B-like run on the same embedded server. Not a test: run it from the project
 * root with {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.b2bportal.bench.OrderPlacementBenchmark};
 * results go to stdout and target/bench/orders.md.
 *
 * <p>Options: {@code bench.products} (generated products, 5000), {@code bench.seconds} (per thread count, 30),
 * {@code bench.threads} ("4,8"), {@code bench.lines} (20), {@code bench.pgbench} (true).
 */
public final class OrderPlacementBenchmark {

    private final JdbcClient jdbc;
    private final Checkout checkout;
    private final EmbeddedPostgresServer server;
    private final StringBuilder report = new StringBuilder();

    private OrderPlacementBenchmark(ConfigurableApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.checkout = context.getBean(Checkout.class);
        this.server = context.getBean(EmbeddedPostgresServer.class);
    }

    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of("target", "bench-orders");
        List<String> arguments = List.of("--portal.demo=true", "--portal.embedded-db.data-directory=" + dataDirectory,
                "--portal.embedded-db.clean-on-start=true", "--server.port=0", "--spring.main.banner-mode=off",
                "--logging.level.root=error", "--spring.datasource.hikari.maximum-pool-size=20",
                "--portal.standing-orders.poll-interval=1h", "--portal.mail.poll-interval=1h");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PortalApplication.class)
                .run(arguments.toArray(String[]::new))) {
            new OrderPlacementBenchmark(context).run();
        }
    }

    private record Buyer(long userId, long legalEntityId, long companyId) {
    }

    private void run() throws Exception {
        int products = Integer.getInteger("bench.products", 5000);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int lines = Integer.getInteger("bench.lines", 20);
        line("## Order placement");
        line("");
        line("Machine: %d cores, Java %s, %s. Load averages (1/5/15 min) at start: %s.".formatted(
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                jdbc.sql("select split_part(version(), ',', 1)").query(String.class).single(), load()));
        List<String> skus = generate(products);
        List<String> scarce = skus.subList(0, 10);
        List<String> plenty = skus.subList(10, skus.size());
        Buyer buyer = prepareBuyer();
        line("Catalog: the demo catalog plus %,d generated products (one warehouse; 10 of them with 10 units each, the "
                .formatted(products) + "rest with a million); as buyer@alpha.demo for «Альфа Строй», terms set to "
                + "prepayment without minimum for the run. Each order: %d different random products, ".formatted(lines)
                + "quantities 1–5; one order in ten also asks for one unit of a scarce product (no backorders), so those "
                + "run out and later orders asking for them are refused with the reason.");
        line("");
        line("| threads | seconds | orders placed | refused (out of stock) | orders/s | p50 ms | p95 ms | p99 ms | "
                + "max ms | target | load 1 min (start→end) |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        // warm-up: the JIT, the pool, PostgreSQL's caches
        measure(buyer, plenty, scarce, lines, 4, 5, false);
        for (int threads : Arrays.stream(System.getProperty("bench.threads", "4,8").split(","))
                .mapToInt(Integer::parseInt).toArray()) {
            measure(buyer, plenty, scarce, lines, threads, seconds, true);
        }
        oversellCheck(scarce);
        if (Boolean.parseBoolean(System.getProperty("bench.pgbench", "true"))) {
            pgbench(seconds);
        }
        line("");
        line("Load averages at end: " + load());
        Path out = Path.of("target", "bench", "orders.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("\nWritten to " + out);
    }

    private List<String> generate(int count) {
        jdbc.sql("""
                        insert into catalog.product (sku, name, name_en, brand, unit_code, unit_name, pack_multiple,
                                                     min_order_qty, vat_rate, category_id, backorder_allowed)
                        select 'OB-' || lpad(g::text, 6, '0'), 'Товар для замера ' || g, 'Bench product ' || g, 'Bench',
                               '796', 'шт', 1, 1, '22', (select min(id) from catalog.category where parent_id is not null),
                               false
                          from generate_series(1, :count) g""")
                .param("count", count).update();
        jdbc.sql("""
                        insert into catalog.stock (product_id, warehouse_id, on_hand)
                        select p.id, (select min(id) from catalog.warehouse),
                               case when p.sku <= 'OB-000010' then 10 else 1000000 end
                          from catalog.product p where p.sku like 'OB-%'""").update();
        jdbc.sql("""
                        insert into pricing.price (price_list_id, product_id, amount)
                        select (select price_list_id from pricing.price_type where code = 'base'), p.id,
                               100 + (p.id * 7919) % 900
                          from catalog.product p where p.sku like 'OB-%'""").update();
        jdbc.sql("analyze").update();
        return jdbc.sql("select sku from catalog.product where sku like 'OB-%' order by sku").query(String.class).list();
    }

    private Buyer prepareBuyer() {
        Buyer buyer = jdbc.sql("""
                        select u.id as user_id, e.id as legal_entity_id, e.company_id
                          from platform.user_account u, customers.legal_entity e
                         where u.email = 'buyer@alpha.demo' and e.inn = '7704123450'""")
                .query(Buyer.class).single();
        jdbc.sql("""
                        update customers.contract set payment_terms = 'PREPAYMENT', deferral_days = 0, credit_limit = 0,
                               min_order_amount = 0
                         where legal_entity_id = :entity""").param("entity", buyer.legalEntityId()).update();
        jdbc.sql("delete from customers.approval_limit where user_id = :user").param("user", buyer.userId()).update();
        return buyer;
    }

    private void measure(Buyer buyer, List<String> plenty, List<String> scarce, int lines, int threads, int seconds,
            boolean report) throws InterruptedException {
        String loadBefore = load1();
        LongAdder placed = new LongAdder();
        LongAdder refused = new LongAdder();
        Map<Integer, long[]> latencies = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(thread * 7919L + seconds);
                long[] mine = new long[200_000];
                int n = 0;
                Placer placer = new Placer(buyer.userId(), buyer.legalEntityId(), buyer.companyId(), Channel.API);
                try {
                    while (System.nanoTime() < end) {
                        CheckoutRequest request = new CheckoutRequest(List.of(), order(random, plenty, scarce, lines),
                                false, false, null, List.of(), null, "bench", null);
                        long t0 = System.nanoTime();
                        try {
                            checkout.place(placer, request);
                            placed.increment();
                        } catch (DomainException e) {
                            refused.increment();
                        }
                        if (n < mine.length) {
                            mine[n++] = System.nanoTime() - t0;
                        }
                    }
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    latencies.put(thread, Arrays.copyOf(mine, n));
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (!report) {
            return;
        }
        long[] all = latencies.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double rate = placed.sum() / elapsed;
        line("| %d | %.1f | %,d | %,d | **%.1f** | %.1f | %.1f | %.1f | %.1f | ≥ 100 orders/s: %s | %s→%s |".formatted(
                threads, elapsed, placed.sum(), refused.sum(), rate, BenchSupport.millis(all, 0.5), BenchSupport.millis(all, 0.95), BenchSupport.millis(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, rate >= 100 ? "meets" : "**misses**", loadBefore,
                load1()) + (failures.get() > 0 ? " (" + failures.get() + " threads failed)" : ""));
    }

    private static List<RequestedLine> order(SplittableRandom random, List<String> plenty, List<String> scarce,
            int lines) {
        Set<String> chosen = new HashSet<>();
        List<RequestedLine> order = new ArrayList<>();
        if (random.nextInt(10) == 0) {
            String sku = scarce.get(random.nextInt(scarce.size()));
            chosen.add(sku);
            order.add(new RequestedLine(sku, BigDecimal.ONE));
        }
        while (order.size() < lines) {
            String sku = plenty.get(random.nextInt(plenty.size()));
            if (chosen.add(sku)) {
                order.add(new RequestedLine(sku, BigDecimal.valueOf(1 + random.nextInt(5))));
            }
        }
        return order;
    }

    private void oversellCheck(List<String> scarce) {
        record Check(String sku, BigDecimal onHand, BigDecimal reserved, BigDecimal inOrders) {
        }
        List<Check> checks = jdbc.sql("""
                        select p.sku, s.on_hand, s.reserved,
                               coalesce((select sum(l.reserved) from ordering.order_line l
                                          join ordering.orders o on o.id = l.order_id
                                         where l.product_id = p.id and o.status <> 'CANCELLED'), 0) as in_orders
                          from catalog.product p
                          join (select product_id, sum(on_hand) as on_hand, sum(reserved) as reserved
                                  from catalog.stock group by product_id) s on s.product_id = p.id
                         where p.sku like 'OB-%'""")
                .query(Check.class).list();
        long oversold = checks.stream().filter(c -> c.reserved().compareTo(c.onHand()) > 0).count();
        long mismatched = checks.stream().filter(c -> c.reserved().compareTo(c.inOrders()) != 0).count();
        BigDecimal scarceReserved = checks.stream().filter(c -> scarce.contains(c.sku())).map(Check::reserved)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        line("");
        line("No oversell: of %,d products, %d have more reserved than on hand and %d a reservation that differs from "
                .formatted(checks.size(), oversold, mismatched) + "what their order lines hold; the 10 scarce products "
                + "(10 units each, 100 in all) have %s units reserved.".formatted(scarceReserved.stripTrailingZeros()
                .toPlainString()));
    }

    /** pgbench's TPC-B-like transaction (the default script) against the same embedded server. */
    private void pgbench(int seconds) throws IOException, InterruptedException {
        if (!BenchSupport.pgbenchInstalled(this::line)) {
            return;
        }
        server.jdbcUrl("pgbench");
        String port = Integer.toString(server.port());
        exec(List.of("pgbench", "-h", "localhost", "-p", port, "-U", "postgres", "-i", "-s", "10", "-q", "pgbench"));
        line("");
        line("pgbench TPC-B-like (default script: 3 updates, 1 select, 1 insert per transaction; scale 10, same server, "
                + "TCP on localhost):");
        line("");
        line("| run | tps | average latency ms | load 1 min (start→end) |");
        line("|---|---:|---:|---|");
        for (String clients : new String[] {"4", "8"}) {
            String loadBefore = load1();
            String output = exec(List.of("pgbench", "-h", "localhost", "-p", port, "-U", "postgres", "-c", clients,
                    "-j", "2", "-T", Integer.toString(seconds), "pgbench"));
            String tps = BenchSupport.tps(output);
            String latency = output.lines().filter(l -> l.startsWith("latency average")).findFirst()
                    .orElse("latency average = ? ms").replaceAll("latency average = ([0-9.]+).*", "$1");
            line("| `pgbench -c %s -j 2 -T %d` | %s | %s | %s→%s |".formatted(clients, seconds, tps, latency,
                    loadBefore, load1()));
        }
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }
}
