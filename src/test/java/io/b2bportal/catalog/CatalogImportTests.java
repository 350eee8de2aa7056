package io.b2bportal.catalog;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV imports of products and stock: encodings, separators, dry run, all-or-nothing apply, row errors. */
@PortalTest
class CatalogImportTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ImportFixture f;

    @BeforeEach
    void setUp() {
        f = new ImportFixture(new Http(port), jdbc);
    }

    private String products(String sep, String... rows) {
        StringBuilder csv = new StringBuilder(String.join(sep, "sku", "name", "category", "vat_rate", "weight_kg",
                "attr:" + f.attribute, "barcodes")).append("\r\n");
        for (String row : rows) {
            csv.append(row).append("\r\n");
        }
        return csv.toString();
    }

    @Test
    void aDryRunReportsEveryRowAndWritesNothing() {
        String csv = products(";", f.sku(1) + ";Болт М6;" + f.category + ";22;0,5;6;4601234567890|4601234567891",
                f.sku(2) + ";Гайка М6;" + f.category + ";10;;;");

        JsonNode report = f.run("PRODUCTS", "products.csv", csv.getBytes(StandardCharsets.UTF_8), true);

        assertThat(report.get("job").get("status").asString()).isEqualTo("VALIDATED");
        assertThat(report.get("job").get("created").asInt()).isEqualTo(2);
        assertThat(report.get("rows").findValuesAsString("outcome")).containsExactly("CREATED", "CREATED");
        assertThat(f.products()).isZero();
    }

    @Test
    void applyingAValidatedDryRunWritesAllRowsWithTypedValues() {
        String csv = products(";", f.sku(1) + ";Болт М6;" + f.category + ";22;0,5;6,5;4601234567890|4601234567891");
        long job = f.run("PRODUCTS", "p.csv", csv.getBytes(StandardCharsets.UTF_8), true).get("job").get("id").asLong();

        JsonNode applied = f.apply(job);

        assertThat(applied.get("job").get("status").asString()).isEqualTo("DONE");
        var row = jdbc.sql("select name, weight_kg, barcodes::text, attributes ->> :a as d, vat_rate from catalog.product where sku = :s")
                .param("a", f.attribute).param("s", f.sku(1)).query().singleRow();
        assertThat(row.get("name")).isEqualTo("Болт М6");
        assertThat(row.get("weight_kg").toString()).isEqualTo("0.500");
        assertThat(row.get("barcodes")).isEqualTo("{4601234567890,4601234567891}");
        assertThat(row.get("d")).isEqualTo("6.5");

        JsonNode again = f.run("PRODUCTS", "p.csv", csv.getBytes(StandardCharsets.UTF_8), true);
        assertThat(again.get("job").get("unchanged").asInt()).isEqualTo(1);
        String changed = products(";", f.sku(1) + ";Болт М6 оцинк.;" + f.category + ";22;0,5;6,5;4601234567890");
        assertThat(f.run("PRODUCTS", "p.csv", changed.getBytes(StandardCharsets.UTF_8), false).get("job").get("updated").asInt())
                .isEqualTo(1);
        assertThat(jdbc.sql("select name from catalog.product where sku = :s").param("s", f.sku(1)).query(String.class).single())
                .isEqualTo("Болт М6 оцинк.");
    }

    @Test
    void oneBadRowAppliesNothingAndIsReportedWithItsReason() {
        StringBuilder csv = new StringBuilder(products(","));
        for (int i = 1; i <= 20; i++) {
            csv.append(f.sku(i)).append(",Товар ").append(i).append(',').append(f.category)
                    .append(',').append(i == 16 ? "18" : "22").append(",1.5,,\r\n");
        }

        JsonNode report = f.run("PRODUCTS", "p.csv", csv.toString().getBytes(StandardCharsets.UTF_8), false);

        assertThat(report.get("job").get("status").asString()).isEqualTo("FAILED");
        assertThat(report.get("job").get("errors").asInt()).isEqualTo(1);
        assertThat(report.get("rows").get(0).get("message").asString())
                .isEqualTo("row 17: vat_rate 18 is not one of 22, 10, 0, EXEMPT");
        assertThat(f.products()).isZero();
    }

    @Test
    void windows1251WithTabsAndUtf8WithBomAndCommasAreRead() {
        Charset cp1251 = Charset.forName("windows-1251");
        String tabbed = products("\t", f.sku(1) + "\tШуруп «Ёлка»\t" + f.category + "\t0\t1,25\t\t");
        JsonNode first = f.run("PRODUCTS", "cp1251.csv", tabbed.getBytes(cp1251), false);
        assertThat(first.get("job").get("status").asString()).as(first.toString()).isEqualTo("DONE");
        assertThat(jdbc.sql("select name from catalog.product where sku = :s").param("s", f.sku(1)).query(String.class).single())
                .isEqualTo("Шуруп «Ёлка»");

        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        bom.writeBytes(products(",", f.sku(2) + ",\"Дюбель, 6 мм \"\"Тип А\"\"\"," + f.category + ",EXEMPT,1.5,,")
                .getBytes(StandardCharsets.UTF_8));
        JsonNode second = f.run("PRODUCTS", "bom.csv", bom.toByteArray(), false);
        assertThat(second.get("job").get("status").asString()).as(second.toString()).isEqualTo("DONE");
        assertThat(jdbc.sql("select name from catalog.product where sku = :s").param("s", f.sku(2)).query(String.class).single())
                .isEqualTo("Дюбель, 6 мм \"Тип А\"");
    }

    @Test
    void aDecimalCommaInACommaSeparatedFileIsAnError() {
        String csv = products(",", f.sku(1) + ",Болт," + f.category + ",22,\"1,5\",,");

        JsonNode report = f.run("PRODUCTS", "p.csv", csv.getBytes(StandardCharsets.UTF_8), true);

        assertThat(report.get("rows").get(0).get("message").asString()).startsWith("row 2: weight_kg 1,5 is not a number");
    }

    @Test
    void bytesThatAreNeitherUtf8NorCyrillicAreRefused() {
        byte[] latin1 = ("sku;name;category\r\nA-1;Caf\u00e9;x\r\n").getBytes(StandardCharsets.ISO_8859_1);

        var response = f.upload("PRODUCTS", "latin1.csv", latin1, true, ImportFixture.CATALOG);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("neither UTF-8 nor windows-1251");
    }

    @Test
    void duplicateSkusAreReportedOnTheSecondRow() {
        String csv = products(";", f.sku(1) + ";Болт;" + f.category + ";22;;;", f.sku(1) + ";Болт 2;" + f.category + ";22;;;");

        JsonNode report = f.run("PRODUCTS", "p.csv", csv.getBytes(StandardCharsets.UTF_8), true);

        assertThat(report.get("job").get("status").asString()).isEqualTo("FAILED");
        assertThat(report.get("rows").get(0).get("message").asString())
                .isEqualTo("row 3: SKU " + f.sku(1) + " already appears in row 2");
    }

    @Test
    void anUnknownColumnOrAMissingRequiredOneFailsTheWholeFile() {
        JsonNode unknown = f.run("PRODUCTS", "p.csv", ("sku;name;category;colour\r\nA;B;" + f.category + ";red\r\n")
                .getBytes(StandardCharsets.UTF_8), true);
        JsonNode missing = f.run("STOCK", "s.csv", "sku;on_hand\r\nA;1\r\n".getBytes(StandardCharsets.UTF_8), true);

        assertThat(unknown.get("job").get("status").asString()).isEqualTo("FAILED");
        assertThat(unknown.get("failure").asString()).startsWith("Unknown columns: colour.");
        assertThat(missing.get("failure").asString()).isEqualTo("Required columns are missing: warehouse.");
    }

    @Test
    void stockRefusesNegativeQuantitiesReservationsOverOnHandAndUnknownSkus() {
        String products = products(";", f.sku(1) + ";Болт;" + f.category + ";22;;;", f.sku(2) + ";Гайка;" + f.category + ";22;;;");
        f.run("PRODUCTS", "p.csv", products.getBytes(StandardCharsets.UTF_8), false);
        String stock = "sku;warehouse;on_hand;reserved;incoming;incoming_date\r\n"
                + f.sku(1) + ";" + f.warehouse + ";-5;0;0;\r\n"
                + f.sku(2) + ";" + f.warehouse + ";3;4;0;\r\n"
                + f.prefix + "NOPE;" + f.warehouse + ";1;0;0;\r\n"
                + f.sku(2) + ";" + f.warehouse + ";3;1;0;\r\n";

        JsonNode report = f.run("STOCK", "s.csv", stock.getBytes(StandardCharsets.UTF_8), false);

        assertThat(report.get("job").get("status").asString()).isEqualTo("FAILED");
        assertThat(report.get("rows").findValuesAsString("message")).containsExactly(
                "row 2: on_hand -5 must not be negative",
                "row 3: reserved 4 is more than on_hand 3",
                "row 4: there is no product with SKU " + f.prefix + "NOPE",
                "row 5: SKU " + f.sku(2) + " at warehouse " + f.warehouse + " already appears in row 3");
        assertThat(jdbc.sql("select count(*) from catalog.stock s join catalog.warehouse w on w.id = s.warehouse_id where w.code = :w")
                .param("w", f.warehouse).query(Integer.class).single()).isZero();
    }

    @Test
    void stockIsSetPerSkuAndWarehouse() {
        f.run("PRODUCTS", "p.csv", products(";", f.sku(1) + ";Болт;" + f.category + ";22;;;").getBytes(StandardCharsets.UTF_8), false);
        String stock = "sku;warehouse;on_hand;reserved;incoming;incoming_date\r\n"
                + f.sku(1) + ";" + f.warehouse + ";10,5;2;100;01.12.2026\r\n";

        JsonNode report = f.run("STOCK", "s.csv", stock.getBytes(StandardCharsets.UTF_8), false);

        assertThat(report.get("job").get("status").asString()).as(report.toString()).isEqualTo("DONE");
        var row = jdbc.sql("""
                select s.on_hand, s.held as reserved, s.incoming_date::text as d from catalog.stock s
                  join catalog.product p on p.id = s.product_id where p.sku = :s""").param("s", f.sku(1)).query().singleRow();
        assertThat(row.get("on_hand").toString()).isEqualTo("10.500");
        assertThat(row.get("d")).isEqualTo("2026-12-01");
    }

    @Test
    void onlyCatalogManagersAndAdministratorsMayImport() {
        byte[] csv = products(";", f.sku(1) + ";Болт;" + f.category + ";22;;;").getBytes(StandardCharsets.UTF_8);
        for (String forbidden : List.of(ImportFixture.BUYER, ImportFixture.MANAGER)) {
            assertThat(f.upload("PRODUCTS", "p.csv", csv, true, forbidden).statusCode()).isEqualTo(403);
            assertThat(f.http.get("/api/v1/admin/catalog/imports", forbidden).statusCode()).isEqualTo(403);
            assertThat(f.http.get("/api/v1/admin/catalog/exports/products", forbidden).statusCode()).isEqualTo(403);
        }
        assertThat(f.upload("PRODUCTS", "p.csv", csv, true, ImportFixture.ADMIN).statusCode()).isEqualTo(202);
        assertThat(f.http.get("/api/v1/admin/catalog/imports", ImportFixture.CATALOG).statusCode()).isEqualTo(200);
    }
}
