package io.b2bportal.catalog;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
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

/** XLSX imports: typed cells read as raw values, and hostile workbooks (zip bomb, external entity) refused. */
@PortalTest
class CatalogXlsxImportTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ImportFixture f;

    @BeforeEach
    void setUp() {
        f = new ImportFixture(new Http(port), jdbc);
    }

    private byte[] workbook() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("products");
            Row header = sheet.createRow(0);
            String[] columns = { "name", "sku", "category", "pack_multiple", "attr:" + f.flag, "lead_time_days" };
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("Анкер клиновой");
            row.createCell(1).setCellValue(f.sku(1));
            row.createCell(2).setCellValue(f.category);
            row.createCell(3).setCellValue(12.5);
            row.createCell(4).setCellValue(true);
            row.createCell(5).setCellValue(14);
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void anXlsxWorkbookIsImportedWithColumnsInAnyOrder() throws IOException {
        JsonNode report = f.run("PRODUCTS", "products.xlsx", workbook(), false);

        assertThat(report.get("job").get("status").asString()).as(report.toString()).isEqualTo("DONE");
        var row = jdbc.sql("select name, pack_multiple, lead_time_days, attributes ->> :a as zinc from catalog.product where sku = :s")
                .param("a", f.flag).param("s", f.sku(1)).query().singleRow();
        assertThat(row.get("name")).isEqualTo("Анкер клиновой");
        assertThat(row.get("pack_multiple").toString()).isEqualTo("12.500");
        assertThat(row.get("lead_time_days")).isEqualTo(14);
        assertThat(row.get("zinc")).isEqualTo("true");
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        sheet.append(" ".repeat(60 * 1024 * 1024)).append("</sheetData></worksheet>");

        JsonNode report = f.run("PRODUCTS", "bomb.xlsx", replaceSheet(workbook(), sheet.toString()), true);

        assertThat(report.get("job").get("status").asString()).isEqualTo("FAILED");
        assertThat(report.get("failure").asString()).contains("expands to far more than a spreadsheet");
        assertThat(f.products()).isZero();
    }

    @Test
    void aWorkbookWithAnExternalEntityIsRefused() throws IOException {
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>sku</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>name</t></is></c>"
                + "<c r=\"C1\" t=\"inlineStr\"><is><t>category</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + f.sku(1) + "</t></is></c>"
                + "<c r=\"B2\" t=\"inlineStr\"><is><t>&secret;</t></is></c>"
                + "<c r=\"C2\" t=\"inlineStr\"><is><t>" + f.category + "</t></is></c></row>"
                + "</sheetData></worksheet>";

        JsonNode report = f.run("PRODUCTS", "xxe.xlsx", replaceSheet(workbook(), sheet), false);

        assertThat(report.get("job").get("status").asString()).isEqualTo("FAILED");
        assertThat(report.get("failure").asString()).contains("DOCTYPE");
        assertThat(f.products()).isZero();
    }

    private static byte[] replaceSheet(byte[] xlsx, String sheetXml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(entry.getName().equals("xl/worksheets/sheet1.xml")
                        ? sheetXml.getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
