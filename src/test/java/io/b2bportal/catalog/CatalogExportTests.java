package io.b2bportal.catalog;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports: Excel-friendly CSV, XLSX, formulas defused, and the CSV imports back unchanged. */
@PortalTest
class CatalogExportTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNameThatLooksLikeAFormulaIsDefusedInCsvAndXlsxAndRoundTrips() throws Exception {
        ImportFixture f = new ImportFixture(new Http(port), jdbc);
        String csv = "sku;name;category;weight_kg\r\n" + f.sku(1) + ";\"=HYPERLINK(\"\"http://evil\"\")\";" + f.category + ";1,5\r\n";
        f.run("PRODUCTS", "p.csv", csv.getBytes(StandardCharsets.UTF_8), false);

        HttpResponse<byte[]> export = download("/api/v1/admin/catalog/exports/products?format=csv");
        String text = new String(export.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFsku;name;name_en;");
        assertThat(text).contains(f.sku(1) + ";\"'=HYPERLINK(\"\"http://evil\"\")\";;;;;796;шт;1;1;1,5;");

        HttpResponse<byte[]> xlsx = download("/api/v1/admin/catalog/exports/products?format=xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            var row = java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
                    .filter(r -> f.sku(1).equals(r.getCell(0).getStringCellValue())).findFirst().orElseThrow();
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\")");
            assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(1.5);
        }

        String mine = text.lines().filter(l -> l.startsWith("\uFEFFsku") || l.startsWith(f.prefix)).reduce((a, b) -> a + "\r\n" + b).orElseThrow();
        var again = f.run("PRODUCTS", "export.csv", mine.getBytes(StandardCharsets.UTF_8), true);
        assertThat(again.get("job").get("unchanged").asInt()).as(again.toString()).isEqualTo(1);
    }

    private HttpResponse<byte[]> download(String path) throws Exception {
        Http http = new Http(port);
        var response = java.net.http.HttpClient.newHttpClient().send(http.request(path)
                .header("Authorization", ImportFixture.CATALOG).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }
}
