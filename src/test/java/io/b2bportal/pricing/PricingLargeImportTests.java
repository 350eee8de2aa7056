package io.b2bportal.pricing;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large price file through the real job: upload over HTTP, dry run, apply, in the background; then the same list
 * 3 % dearer, checked and applied in one go. 100,000 rows (25,000 SKUs with four tiers each) here; the million-row
 * run is opt-in, and needs the upload limit raised above the test
 * profile's 22 MB:
 * <pre>
 * ./mvnw -q test -Dtest=PricingLargeImportTests -Dpricing.import.rows=1000000 \
 *     -Dspring.servlet.multipart.max-file-size=64MB -Dspring.servlet.multipart.max-request-size=64MB
 * </pre>
 * It prints the times and the peak of the heap in use, sampled (the test JVM holds the portal and the test's own
 * copies of the file); add {@code -DargLine=-Xmx512m} to see that it fits.
 */
@PortalTest
class PricingLargeImportTests {

    private static final int TIERS = 4;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    PriceImportFixture f;

    @AfterEach
    void cleanUp() {
        if (f != null) {
            jdbc.sql("delete from pricing.price where price_list_id in (select id from pricing.price_list where code in (:a, :b))")
                    .param("a", f.list).param("b", f.otherList).update();
            jdbc.sql("delete from pricing.price_list where code in (:a, :b)").param("a", f.list).param("b", f.otherList).update();
            jdbc.sql("delete from catalog.product where category_id = :c").param("c", f.categoryId).update();
            jdbc.sql("delete from catalog.category where id = :c").param("c", f.categoryId).update();
        }
    }

    @Test
    void aHundredThousandRowPriceFileIsCheckedAndAppliedInTheBackground() throws InterruptedException {
        int rows = Integer.getInteger("pricing.import.rows", 100_000);
        int skus = rows / TIERS;
        f = new PriceImportFixture(new Http(port), jdbc, skus);
        // stored before: every even SKU costs 100.00 from 1 and 50.00 from 500 (a tier the file drops)
        jdbc.sql("""
                        insert into pricing.price (price_list_id, product_id, min_qty, amount)
                        select l.id, p.id, t.qty, t.amount
                          from catalog.product p, pricing.price_list l,
                               (values (1, 100.00), (500, 50.00)) t(qty, amount)
                         where p.category_id = :c and l.code = :l
                           and cast(substring(p.sku from length(:prefix) + 1) as int) % 2 = 0""")
                .param("c", f.categoryId).param("l", f.list).param("prefix", f.prefix).update();
        byte[] file = file(skus);

        // the heap in use, sampled every 20 ms: the per-pool peaks of the JVM are reached at different times
        AtomicLong peak = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                LockSupport.parkNanos(20_000_000);
            }
        });
        long start = System.nanoTime();
        JsonNode dry = f.run("big.csv", file, true);
        long validated = System.nanoTime();
        JsonNode done = f.apply(dry.get("job").get("id").asLong());
        long applied = System.nanoTime();

        JsonNode job = dry.get("job");
        assertThat(job.get("status").asString()).as(dry.toString()).isEqualTo("VALIDATED");
        assertThat(List.of(job.get("created").asInt(), job.get("updated").asInt(), job.get("unchanged").asInt(),
                job.get("removed").asInt())).containsExactly(3 * skus + skus / 2, skus / 4, skus / 4, skus / 2);
        assertThat(done.get("job").get("status").asString()).isEqualTo("DONE");
        assertThat(jdbc.sql("""
                        select count(*) filter (where pr.min_qty = 1 and pr.amount = 105) as changed,
                               count(*) filter (where pr.min_qty = 500) as dropped, count(*) as total
                          from pricing.price pr join pricing.price_list l on l.id = pr.price_list_id where l.code = :l""")
                .param("l", f.list).query().singleRow())
                .containsEntry("total", (long) rows).containsEntry("dropped", 0L).containsEntry("changed", (long) (skus - skus / 4));
        // then the whole list 3 % dearer, checked and applied at once (dryRun=false): every row an update
        byte[] dearer = file(skus, "103.00", "108.15", "97.85", "92.70", "87.55");
        long again = System.nanoTime();
        JsonNode raised = f.run("plus3.csv", dearer, false);
        long raisedAt = System.nanoTime();
        running.set(false);
        sampler.join();
        System.out.printf("PRICE IMPORT BENCHMARK rows=%d bytes=%d dryRun=%d ms apply=%d ms plus3direct=%d ms "
                + "peakHeap=%d MB maxHeap=%d MB%n", rows, file.length, (validated - start) / 1_000_000,
                (applied - validated) / 1_000_000, (raisedAt - again) / 1_000_000, peak.get() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        assertThat(raised.get("job").get("status").asString()).isEqualTo("DONE");
        assertThat(raised.get("job").get("updated").asInt()).isEqualTo(rows);
        assertThat(f.diff(raised).getFirst()).isEqualTo("UPDATED 1 from 1: 105.00 → 108.15");
    }

    /**
     * Four tiers per SKU; from 1: 100.00 for every fourth SKU (unchanged where stored), 105.00 for the others.
     * Written byte by byte: the test should not need more memory than the file.
     */
    private byte[] file(int skus) {
        return file(skus, "100.00", "105.00", "95.00", "90.00", "85.00");
    }

    /** From 1: {@code everyFourth} for every fourth SKU, {@code first} for the others; then the tiers 10, 50, 100. */
    private byte[] file(int skus, String everyFourth, String first, String from10, String from50, String from100) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(skus * TIERS * 28);
        out.writeBytes("sku;price;min_qty\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int n = 1; n <= skus; n++) {
            String sku = f.sku(n);
            out.writeBytes((sku + ";" + (n % 4 == 0 ? everyFourth : first) + ";1\r\n" + sku + ";" + from10 + ";10\r\n"
                    + sku + ";" + from50 + ";50\r\n" + sku + ";" + from100 + ";100\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }
}
