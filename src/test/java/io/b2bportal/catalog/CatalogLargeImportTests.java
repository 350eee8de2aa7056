package io.b2bportal.catalog;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large file goes through dry run and apply in the background. 10,000 rows here; the 100,000-row benchmark runs
 * with -Dcatalog.import.rows=100000.
 */
@PortalTest
class CatalogLargeImportTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void tenThousandRowsAreCheckedAndAppliedInTheBackground() {
        int rows = Integer.getInteger("catalog.import.rows", 10_000);
        ImportFixture f = new ImportFixture(new Http(port), jdbc);
        StringBuilder csv = new StringBuilder("sku;name;brand;category;vat_rate;pack_multiple;weight_kg;purchase_cost;attr:"
                + f.attribute + ";barcodes;description\r\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(f.sku(i)).append(";Саморез кровельный 4,8×").append(i).append(";Крепыш;").append(f.category)
                    .append(";22;100;0,012;1,2345;4,8;46").append(String.format("%011d", i))
                    .append(";\"Оцинкованный, со сверлом; шайба EPDM\"\r\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);

        long start = System.nanoTime();
        JsonNode dry = f.run("PRODUCTS", "big.csv", bytes, true);
        long validated = System.nanoTime();
        JsonNode done = f.apply(dry.get("job").get("id").asLong());
        long applied = System.nanoTime();

        System.out.printf("IMPORT BENCHMARK rows=%d bytes=%d dryRun=%d ms apply=%d ms%n", rows, bytes.length,
                (validated - start) / 1_000_000, (applied - validated) / 1_000_000);
        assertThat(dry.get("job").get("created").asInt()).isEqualTo(rows);
        assertThat(done.get("job").get("status").asString()).isEqualTo("DONE");
        assertThat(f.products()).isEqualTo(rows);
    }
}
