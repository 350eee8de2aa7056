package io.b2bportal.pricing;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Price list imports: a dry run shows every change old → new, apply writes exactly the file's rows in one
 * transaction, a failure writes nothing, and bad input is reported row by row.
 */
@PortalTest
class PricingImportTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    PriceImportFixture f;
    Map<String, String> before;

    @BeforeEach
    void setUp() {
        f = new PriceImportFixture(new Http(port), jdbc, 6);
        f.price(1, "1", "100");
        f.price(1, "10", "90");
        f.price(2, "1", "50");
        f.price(2, "5", "45");
        f.price(3, "1", "70");
        f.price(f.otherList, 1, "1", "200");
        before = f.prices();
    }

    private byte[] csv(String header, String... rows) {
        StringBuilder csv = new StringBuilder(header).append("\r\n");
        for (String row : rows) {
            csv.append(row.replace("{p}", f.prefix)).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] changes(String... extraRows) {
        List<String> rows = new java.util.ArrayList<>(List.of("{p}1;105.50;1", "{p}1;95;10", "{p}2;50;", "{p}4;12.3"));
        rows.addAll(List.of(extraRows));
        return csv("sku;price;min_qty", rows.toArray(String[]::new));
    }

    @Test
    void aDryRunShowsEveryChangeOldToNewWithTheErrorRowAndWritesNothing() {
        JsonNode report = f.run("prices.csv", changes("{p}NOPE;10;1"), true);

        JsonNode job = report.get("job");
        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(f.diff(report)).containsExactly(
                "ERROR row 6: there is no product with SKU NOPE",
                "UPDATED 1 from 10: 90.00 → 95.00",
                "UPDATED 1 from 1: 100.00 → 105.50",
                "UNCHANGED 2 from 1: 50.00 → 50.00",
                "CREATED 4 from 1: - → 12.30",
                "REMOVED 2 from 5: 45.00 → -");
        assertThat(List.of(job.get("created").asInt(), job.get("updated").asInt(), job.get("unchanged").asInt(),
                job.get("removed").asInt(), job.get("errors").asInt())).containsExactly(1, 2, 1, 1, 1);
        assertThat(report.get("rows").get(1).get("priceList").asString()).isEqualTo(f.list);
        assertThat(f.prices()).isEqualTo(before);
    }

    @Test
    void applyWritesExactlyTheRowsOfTheFileAndReplacesTheTiersOfItsSkus() {
        JsonNode dry = f.run("prices.csv", changes(), true);
        assertThat(dry.get("job").get("status").asString()).as(dry.toString()).isEqualTo("VALIDATED");
        assertThat(f.prices()).isEqualTo(before);

        JsonNode done = f.apply(dry.get("job").get("id").asLong());

        assertThat(done.get("job").get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(f.prices()).containsExactly(entry("1@1", "105.5"), entry("1@10", "95"), entry("2@1", "50"),
                entry("3@1", "70"), entry("4@1", "12.3"));
        // the unchanged price is not rewritten; SKU 3, not in the file, is not touched; 2 from 5 is gone
        assertThat(f.touched()).containsExactly("1@1", "1@10", "4@1");
        assertThat(f.prices(f.otherList)).containsExactly(entry("1@1", "200"));
        assertThat(jdbc.sql("select updated_by is not null from pricing.price_list where code = :c").param("c", f.list)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void removingSkusNotInTheFileEmptiesTheRestOfTheListOnly() {
        JsonNode report = f.run("prices.csv", csv("sku;price", "{p}1;100"), false, "removeMissing", "true");

        assertThat(report.get("job").get("status").asString()).as(report.toString()).isEqualTo("DONE");
        assertThat(report.get("job").get("removed").asInt()).isEqualTo(4);
        assertThat(f.diff(report)).contains("REMOVED 3 from 1: 70.00 → -", "REMOVED 1 from 10: 90.00 → -");
        assertThat(f.prices()).containsExactly(entry("1@1", "100"));
        assertThat(f.prices(f.otherList)).containsExactly(entry("1@1", "200"));
    }

    @Test
    void aFailureHalfwayThroughTheApplyLeavesTheListAsItWas() {
        long productId = jdbc.sql("select id from catalog.product where sku = :s").param("s", f.sku(4))
                .query(Long.class).single();
        JsonNode dry = f.run("prices.csv", changes(), true);
        assertThat(dry.get("job").get("status").asString()).isEqualTo("VALIDATED");
        // the database refuses the last row written: the deleted tier and the changed price must come back
        jdbc.sql("""
                create function pricing.test_refuse_%1$s() returns trigger language plpgsql as
                  $$ begin raise exception 'refused by the test'; end $$;
                create trigger test_refuse_%1$s before insert on pricing.price for each row
                  when (new.product_id = %2$d) execute function pricing.test_refuse_%1$s();"""
                .formatted(f.id.replace('-', '_'), productId)).update();
        try {
            JsonNode applied = f.apply(dry.get("job").get("id").asLong());

            assertThat(applied.get("job").get("status").asString()).isEqualTo("FAILED");
            assertThat(applied.get("failure").asString())
                    .startsWith("The import failed unexpectedly and nothing was written:").contains("refused by the test");
        } finally {
            jdbc.sql("drop function pricing.test_refuse_%s() cascade".formatted(f.id.replace('-', '_'))).update();
        }
        assertThat(f.prices()).isEqualTo(before);
        assertThat(f.touched()).isEmpty();
    }

    @Test
    void aWindows1251FileSeparatedBySemicolonsWithADeclaredDecimalCommaIsRead() {
        Charset cp1251 = Charset.forName("windows-1251");
        byte[] file = ("sku;name;price;min_qty\r\n"
                + f.sku(1) + ";Саморез кровельный «Ёлка»;1 234,50;1\r\n"
                + f.sku(1) + ";Саморез кровельный «Ёлка»;1 100,25;10\r\n").getBytes(cp1251);

        JsonNode undeclared = f.run("прайс.csv", file, false);
        JsonNode declared = f.run("прайс.csv", file, false, "decimalComma", "true");

        assertThat(undeclared.get("job").get("status").asString()).isEqualTo("FAILED");
        assertThat(f.diff(undeclared)).first().isEqualTo("ERROR row 2: price 1 234,50 has a decimal comma, but the "
                + "upload did not declare one: tick \"decimal comma\" when uploading, or write a decimal point");
        assertThat(declared.get("job").get("status").asString()).as(declared.toString()).isEqualTo("DONE");
        assertThat(declared.get("job").get("options").get("decimalComma").asString()).isEqualTo("true");
        assertThat(f.prices()).contains(entry("1@1", "1234.5"), entry("1@10", "1100.25"));
    }

    @Test
    void anXlsxPriceListIsImportedWithNumberCells() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("prices");
            String[] header = { "min_qty", "sku", "price" };
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            Object[][] rows = { { 1, f.sku(5), 99.9 }, { 100, f.sku(5), 89.99 }, { 1, f.sku(6), 0.5 } };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue(((Integer) rows[r][0]).doubleValue());
                row.createCell(1).setCellValue((String) rows[r][1]);
                row.createCell(2).setCellValue((Double) rows[r][2]);
            }
            book.write(out);
            xlsx = out.toByteArray();
        }

        JsonNode report = f.run("prices.xlsx", xlsx, false);

        assertThat(report.get("job").get("status").asString()).as(report.toString()).isEqualTo("DONE");
        assertThat(f.prices()).contains(entry("5@1", "99.9"), entry("5@100", "89.99"), entry("6@1", "0.5"));
    }

    @Test
    void badCellsAreReportedRowByRowAndNothingIsWritten() {
        byte[] file = csv("sku;price;min_qty;price_list",
                "{p}1;-5;1;",
                "{p}2;10;0;",
                "{p}3;abc;1;",
                "{p}4;1,5;1;",
                "{p}5;10;1;",
                "{p}5;11;1;",
                "{p}6;10;1;",
                "{p}6;12;10;",
                "{p}NOPE;1;1;",
                "{p}2;5;5;nolist");

        JsonNode report = f.run("bad.csv", file, false);

        assertThat(report.get("job").get("status").asString()).isEqualTo("FAILED");
        assertThat(f.diff(report).stream().filter(line -> line.startsWith("ERROR")).toList()).containsExactly(
                "ERROR row 2: price -5 must not be negative",
                "ERROR row 3: min_qty 0 must be greater than 0",
                "ERROR row 4: price abc is not a number",
                "ERROR row 5: price 1,5 has a decimal comma, but the upload did not declare one: tick \"decimal comma\" "
                        + "when uploading, or write a decimal point",
                "ERROR row 7: SKU 5 from 1 units already appears in row 6",
                "ERROR row 9: SKU 6 costs 12 from 10 units, more than 10 from 1 units in row 8; a larger quantity may "
                        + "not cost more per unit",
                "ERROR row 10: there is no product with SKU NOPE",
                "ERROR row 11: there is no price list with code nolist");
        assertThat(f.prices()).isEqualTo(before);
    }

    @Test
    void aPriceListColumnFillsSeveralListsFromOneFile() {
        byte[] file = csv("price_list;sku;price", f.list + ";{p}3;71", f.otherList + ";{p}3;140");

        JsonNode report = f.run("two-lists.csv", file, false, "priceList", null);

        assertThat(report.get("job").get("status").asString()).as(report.toString()).isEqualTo("DONE");
        assertThat(f.prices()).contains(entry("3@1", "71"));
        assertThat(f.prices(f.otherList)).containsExactly(entry("1@1", "200"), entry("3@1", "140"));
    }

    @Test
    void aFileWithoutAListOrWithoutRowsOrForAnUnknownListIsRefusedAsAWhole() {
        JsonNode noList = f.run("p.csv", csv("sku;price", "{p}1;1"), true, "priceList", null);
        JsonNode noRows = f.run("p.csv", csv("sku;price"), false, "removeMissing", "true");
        HttpResponse<String> unknown = f.upload("p.csv", csv("sku;price", "{p}1;1"), Map.of("priceList", "no-such-list"),
                PriceImportFixture.CATALOG);

        assertThat(noList.get("failure").asString())
                .isEqualTo("Choose a price list on upload, or give the file a price_list column.");
        assertThat(noRows.get("failure").asString()).isEqualTo("The file has a header but no prices. Nothing was changed.");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(PriceImportFixture.json(unknown).get("detail").asString()).isEqualTo("There is no price list with code no-such-list.");
        assertThat(f.prices()).isEqualTo(before);
    }

    @Test
    void theExportIsFormulaSafeAndImportsBackUnchanged() throws Exception {
        jdbc.sql("update catalog.product set name = '=HYPERLINK(\"http://evil\")' where sku = :s").param("s", f.sku(1)).update();

        HttpResponse<byte[]> csv = download("/api/v1/admin/pricing/price-lists/" + f.list + "/export?format=csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("prices-" + f.list);
        assertThat(text.lines().toList()).containsExactly(
                "\uFEFFsku;name;min_qty;price",
                f.sku(1) + ";\"'=HYPERLINK(\"\"http://evil\"\")\";1;100,00",
                f.sku(1) + ";\"'=HYPERLINK(\"\"http://evil\"\")\";10;90,00",
                f.sku(2) + ";Саморез 2;1;50,00",
                f.sku(2) + ";Саморез 2;5;45,00",
                f.sku(3) + ";Саморез 3;1;70,00");

        HttpResponse<byte[]> xlsx = download("/api/v1/admin/pricing/price-lists/" + f.list + "/export?format=xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Row first = book.getSheetAt(0).getRow(1);
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\")");
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(100.0);
        }

        JsonNode again = f.run("export.csv", csv.body(), true, "decimalComma", "true");
        assertThat(again.get("job").get("status").asString()).as(again.toString()).isEqualTo("VALIDATED");
        assertThat(again.get("job").get("unchanged").asInt()).isEqualTo(5);
        assertThat(again.get("job").get("updated").asInt() + again.get("job").get("created").asInt()
                + again.get("job").get("removed").asInt()).isZero();
    }

    @Test
    void onlyAdministratorsTheSalesHeadAndCatalogManagersImportPrices() {
        byte[] file = csv("sku;price", "{p}1;100");
        for (String forbidden : List.of(PriceImportFixture.BUYER, PriceImportFixture.MANAGER)) {
            assertThat(f.upload("p.csv", file, Map.of("priceList", f.list), forbidden).statusCode()).isEqualTo(403);
            assertThat(f.http.get("/api/v1/admin/pricing/imports", forbidden).statusCode()).isEqualTo(403);
            assertThat(f.http.get("/api/v1/admin/pricing/price-lists/" + f.list + "/export", forbidden).statusCode())
                    .isEqualTo(403);
        }
        for (String allowed : List.of(PriceImportFixture.ADMIN, PriceImportFixture.HEAD, PriceImportFixture.CATALOG)) {
            assertThat(f.upload("p.csv", file, Map.of("priceList", f.list), allowed).statusCode()).isEqualTo(202);
        }
        long catalogJob = jdbc.sql("""
                        with file as (insert into platform.import_file (file_name, sha256, size, content)
                                      values ('p.csv', 'x', 1, 'x') returning id)
                        insert into platform.import_job (kind, file_id, file_name, dry_run, status, created_by)
                        select 'catalog.products', file.id, 'p.csv', true, 'FAILED', u.id
                          from file, platform.user_account u where u.email = 'catalog@demo.local' returning id""")
                .query(Long.class).single();
        // the pricing API shows pricing jobs only, even to someone who may see both
        assertThat(f.http.get("/api/v1/admin/pricing/imports/" + catalogJob, PriceImportFixture.CATALOG).statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<byte[]> download(String path) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(f.http.request(path)
                .header("Authorization", PriceImportFixture.CATALOG).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }
}
