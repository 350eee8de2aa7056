package io.b2bportal.pricing;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large price file through the real job: upload over HTTP, dry run, apply, in the background. 100,000 rows (25,000
 * SKUs with four tiers each) here; the million-row run is opt-in, and needs the upload limit raised above the test
 * profile's 22 MB:
 * <pre>
 * ./mvnw -q test -Dtest=PricingLargeImportTests -Dpricing.import.rows=1000000 \
 *     -Dspring.servlet.multipart.max-file-size=64MB -Dspring.servlet.multipart.max-request-size=64MB
 * </pre>
 * It prints the times and the JVM's peak heap (the test JVM holds the portal and the test's own copy of the file).
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
    void aHundredThousandRowPriceFileIsCheckedAndAppliedInTheBackground() {
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

        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        JsonNode dry = f.run("big.csv", file, true);
        long validated = System.nanoTime();
        JsonNode done = f.apply(dry.get("job").get("id").asLong());
        long applied = System.nanoTime();
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

        System.out.printf("PRICE IMPORT BENCHMARK rows=%d bytes=%d dryRun=%d ms apply=%d ms peakHeap=%d MB maxHeap=%d MB%n",
                rows, file.length, (validated - start) / 1_000_000, (applied - validated) / 1_000_000, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
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
    }

    /**
     * Four tiers per SKU; from 1: 100.00 for every fourth SKU (unchanged where stored), 105.00 for the others.
     * Written byte by byte: the test should not need more memory than the file.
     */
    private byte[] file(int skus) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(skus * TIERS * 28);
        out.writeBytes("sku;price;min_qty\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int n = 1; n <= skus; n++) {
            String sku = f.sku(n);
            String first = n % 4 == 0 ? "100.00" : "105.00";
            out.writeBytes((sku + ";" + first + ";1\r\n" + sku + ";95.00;10\r\n" + sku + ";90.00;50\r\n"
                    + sku + ";85.00;100\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }
}
