package io.b2bportal.documents;

import io.b2bportal.documents.pdf.AmountInWords;
import io.b2bportal.documents.pdf.DocumentPdfs;
import io.b2bportal.documents.query.DocumentQueries;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.shared.Hashes;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.documents.DocumentsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoice of a placed order as a PDF: its text (read back with PDFBox) has the order's lines, VAT and totals to
 * the kopeck, the amount in words, the due date and the seller's bank; the file served is the stored one, its SHA-256
 * the one the document carries, and a second render gives the same bytes. English for whoever asks for it.
 */
@PortalTest
class InvoicePdfTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentPdfs pdfs;
    @Autowired
    DocumentQueries queries;
    @Autowired
    LedgerApi ledger;
    DocumentsFixture fixture;
    DocumentsFixture.Client buyer;
    long stroy;

    @BeforeEach
    void setUp() {
        fixture = new DocumentsFixture(jdbc, new Http(port));
        stroy = fixture.entity(DocumentsFixture.ALPHA_STROY);
        fixture.acceptAgreement(stroy);
        buyer = fixture.client("buyer@alpha.demo", stroy);
    }

    @Test
    void theInvoicePdfPrintsTheOrderLinesVatTotalsAndTheAmountInWords() {
        String screws = fixture.product("1234.56", 100);
        String bolts = fixture.product("99.99", 100);
        JsonNode order = buyer.place(screws, 9, bolts, 13);
        String number = order.get("number").asString();

        JsonNode invoices = json(buyer.get("/api/v1/invoices?order=" + number), 200);
        assertThat(invoices.size()).isEqualTo(1);
        JsonNode invoice = json(buyer.get("/api/v1/invoices/" + invoices.get(0).get("id").asLong()), 200);
        assertThat(invoice.get("status").asString()).isEqualTo("ISSUED");
        assertThat(invoice.get("totalGross").decimalValue()).isEqualByComparingTo(order.get("totalGross").decimalValue());
        assertThat(invoice.get("totalVat").decimalValue()).isEqualByComparingTo(order.get("totalVat").decimalValue());
        assertThat(invoice.get("outstanding").decimalValue()).isEqualByComparingTo(order.get("totalGross").decimalValue());

        HttpResponse<byte[]> download = buyer.bytes("/api/v1/documents/" + invoice.get("id").asLong() + "/pdf");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = DocumentsFixture.text(download.body()).replace('\u00a0', ' ');
        DocumentsFixture.snapshot(download.body(), "documents-invoice-pdf");

        assertThat(text).contains("Счёт на оплату № " + invoice.get("number").asString());
        assertThat(text).contains("ООО «ТехноСнаб»", "7707083893", "Альфа Строй", "7704123450", "БИК");
        assertThat(text).contains("заказ № " + number, "PO-DOC-7");
        for (JsonNode line : order.get("lines")) {
            assertThat(text).contains(line.get("sku").asString());
            assertThat(text).contains(money(line.get("unitGross").decimalValue()));
            assertThat(text).contains(money(line.get("lineVat").decimalValue()));
            assertThat(text).contains(money(line.get("lineGross").decimalValue()));
        }
        BigDecimal gross = order.get("totalGross").decimalValue();
        BigDecimal vat = order.get("totalVat").decimalValue();
        assertThat(gross).isEqualByComparingTo(order.get("lines").get(0).get("lineGross").decimalValue()
                .add(order.get("lines").get(1).get("lineGross").decimalValue()));
        assertThat(text).contains("Итого: " + money(gross), "В том числе НДС: " + money(vat),
                "Всего к оплате: " + money(gross));
        assertThat(text).contains("Всего наименований 2, на сумму " + money(gross) + " руб.");
        assertThat(text).contains(AmountInWords.russian(gross));
        assertThat(text).contains("Оплатить не позднее");

        String sha = Hashes.sha256Hex(download.body());
        assertThat(download.headers().firstValue("X-Content-SHA256")).hasValue(sha);
        var stored = queries.find(invoice.get("id").asLong()).orElseThrow();
        assertThat(stored.pdfSha256()).isEqualTo(sha);
        assertThat(pdfs.render(stored, false)).as("a second render is byte-identical").isEqualTo(download.body());
        assertThat(json(buyer.get("/api/v1/documents/" + stored.id()), 200).get("pdfSha256").asString())
                .isEqualTo(sha);
    }

    @Test
    void anEnglishReaderGetsTheSameInvoiceInEnglishStoredOnce() {
        String sku = fixture.product("45000", 10);
        JsonNode order = buyer.place(sku, 1);
        long id = json(buyer.get("/api/v1/invoices?order=" + order.get("number").asString()), 200).get(0)
                .get("id").asLong();

        HttpResponse<byte[]> en = buyer.bytes("/api/v1/documents/" + id + "/pdf?lang=en");
        HttpResponse<byte[]> again = buyer.bytes("/api/v1/documents/" + id + "/pdf?lang=en");

        String text = DocumentsFixture.text(en.body());
        DocumentsFixture.snapshot(en.body(), "documents-invoice-pdf-en");
        BigDecimal gross = order.get("totalGross").decimalValue();
        assertThat(text).contains("Invoice No.", AmountInWords.english(gross), "Roofing screw " + sku,
                new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(gross),
                "VAT included:");
        assertThat(again.body()).isEqualTo(en.body());
        assertThat(queries.find(id).orElseThrow().pdfEnSha256()).isEqualTo(Hashes.sha256Hex(en.body()));
        assertThat(buyer.bytes("/api/v1/documents/" + id + "/pdf?lang=de").statusCode()).isEqualTo(400);
    }

    private static String money(BigDecimal amount) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", symbols).format(amount.setScale(2, RoundingMode.HALF_UP));
    }
}
