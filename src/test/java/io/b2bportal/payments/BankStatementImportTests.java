package io.b2bportal.payments;

import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.documents.InvoiceStatus;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.payments.payment.Allocations;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.Seller;
import io.b2bportal.support.Http;
import io.b2bportal.support.Multipart;
import io.b2bportal.support.PortalTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.payments.PaymentsFixture.json;
import static io.b2bportal.payments.PaymentsFixture.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real-format 1C client-bank statement (src/test/resources/payments/kl_to_1c.txt: Windows-1251, five payment
 * orders) imported through the API: exact, partial and over-payments matched to fresh invoices by their numbers
 * written three ways, an unknown payer left for review and then posted by staff, an outgoing payment skipped; the
 * same file again imports nothing; and every kind of bad file or document, reported and never half-imported.
 */
@PortalTest
class BankStatementImportTests {

    static final Charset CP1251 = Charset.forName("windows-1251");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentsApi documents;
    @Autowired
    LedgerApi ledger;
    @Autowired
    Allocations allocations;
    @Autowired
    PlatformApi platform;
    PaymentsFixture fixture;
    long remont;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        fixture = new PaymentsFixture(jdbc, http, documents, ledger, allocations);
        remont = fixture.entity(PaymentsFixture.ALPHA_REMONT);
        fixture.acceptAgreement(remont);
        fixture.clearAdvance(remont);
    }

    @AfterEach
    void booksBalance() {
        fixture.clearAdvance(remont);
        fixture.assertBooksBalance();
    }

    /** The statement file with today's invoices and amounts filled in, as text. */
    private String statement(InvoiceRef a, InvoiceRef b, String bPart, InvoiceRef c, String cAmount) throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/payments/kl_to_1c.txt")) {
            text = new String(in.readAllBytes(), CP1251);
        }
        Seller seller = platform.seller().orElseThrow();
        return text.replace("%DATE%", DAY.format(LocalDate.now()))
                .replace("%RUN%", String.valueOf(100 + new Random().nextInt(899)))
                .replace("%SELLER_ACCOUNT%", seller.settlementAccount()).replace("%SELLER_INN%", seller.inn())
                .replace("%A_AMOUNT%", a.gross().setScale(2).toPlainString()).replace("%A_NUMBER%", a.number())
                .replace("%B_PART%", bPart).replace("%B_SEQ%", String.valueOf(seq(b)))
                .replace("%B_DATE%", DAY.format(b.issuedOn()))
                .replace("%C_AMOUNT%", cAmount).replace("%C_YEAR%", String.valueOf(c.issuedOn().getYear()))
                .replace("%C_SEQ%", String.format("%05d", seq(c)));
    }

    private static int seq(InvoiceRef invoice) {
        return Integer.parseInt(invoice.number().substring(invoice.number().lastIndexOf('-') + 1));
    }

    private HttpResponse<String> upload(String fileName, byte[] bytes) {
        Multipart body = new Multipart().file("file", fileName, "text/plain", bytes);
        return http.send(http.request("/api/v1/admin/bank-statements")
                .header("Authorization", Http.basic("accountant@demo.local", "demo"))
                .header("Accept-Language", "en").header("Content-Type", body.contentType()).POST(body.publisher()));
    }

    private static List<String> results(JsonNode statement) {
        return statement.get("lines").valueStream().map(l -> l.get("result").asString()).toList();
    }

    private long payments() {
        return jdbc.sql("select count(*) from payments.payment").query(Long.class).single();
    }

    @Test
    void importsARealStatementMatchesItsPaymentsAndImportsNothingTheSecondTime() throws IOException {
        InvoiceRef a = fixture.invoice("6000", 1);
        InvoiceRef b = fixture.invoice("7000", 1);
        InvoiceRef c = fixture.invoice("8000", 1);
        byte[] file = statement(a, b, "2500.00", c, "9000.00").getBytes(CP1251);

        JsonNode imported = json(upload("kl_to_1c.txt", file), 201);

        assertThat(imported.get("encoding").asString()).isEqualTo("Windows");
        assertThat(results(imported)).containsExactly("POSTED", "POSTED", "POSTED", "UNMATCHED", "SKIPPED");
        assertThat(imported.get("imported").asInt()).isEqualTo(3);
        assertThat(imported.get("unmatched").asInt()).isEqualTo(1);
        assertThat(imported.get("skipped").asInt()).isEqualTo(1);
        // exact: СЧ-2026-000NN
        assertThat(fixture.reload(a).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(fixture.orderStatus(a)).isEqualTo("CONFIRMED");
        // partial: "сч.NN от dd.mm.yyyy"
        assertThat(fixture.reload(b).status()).isEqualTo(InvoiceStatus.PARTLY_PAID);
        assertThat(fixture.reload(b).outstanding()).isEqualByComparingTo("4500");
        // overpaid, written with Latin C: 1,000 is the advance
        assertThat(fixture.reload(c).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(imported.get("lines").get(2).get("messageKey").asString())
                .isEqualTo("payments.statement.doc.overpaid");
        assertThat(allocations.advance(remont)).isEqualByComparingTo("1000");
        // the outgoing payment is reported, not imported
        assertThat(imported.get("lines").get(4).get("messageKey").asString())
                .isEqualTo("payments.statement.doc.outgoing");
        long unmatched = imported.get("lines").get(3).get("paymentId").asLong();
        JsonNode waiting = json(fixture.call("GET", "/api/v1/admin/payments/" + unmatched, "accountant@demo.local",
                null, null), 200);
        assertThat(waiting.get("state").asString()).isEqualTo("UNMATCHED");
        assertThat(waiting.get("matchKey").asString()).isEqualTo("payments.match.unknown-payer");
        fixture.assertBooksBalance();

        // the same file again: nothing new
        long before = payments();
        JsonNode again = json(upload("kl_to_1c (1).txt", file), 201);
        assertThat(results(again)).containsExactly("DUPLICATE", "DUPLICATE", "DUPLICATE", "DUPLICATE", "SKIPPED");
        assertThat(again.get("sameFileAs").asLong()).isEqualTo(imported.get("id").asLong());
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(payments()).isEqualTo(before);
        assertThat(fixture.reload(b).outstanding()).isEqualByComparingTo("4500");

        // staff decide the unmatched payment in review: Alpha Remont's, for invoice b
        JsonNode posted = json(fixture.call("POST", "/api/v1/admin/payments/" + unmatched + "/allocate",
                "accountant@demo.local", null, "{\"legalEntityId\": %d, \"invoiceIds\": [%d]}".formatted(remont,
                        b.id())), 200);
        assertThat(posted.get("status").asString()).isEqualTo("POSTED");
        assertThat(fixture.reload(b).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(fixture.orderStatus(b)).isEqualTo("CONFIRMED");
        // 18,400 - 4,500 = 13,900 more advance
        assertThat(allocations.advance(remont)).isEqualByComparingTo("14900");
        problem(fixture.call("POST", "/api/v1/admin/payments/" + unmatched + "/allocate", "accountant@demo.local",
                null, "{\"legalEntityId\": %d, \"invoiceIds\": [%d]}".formatted(remont, b.id())), 422,
                "nothing-applied");
    }

    @Test
    void aBrokenDocumentIsReportedAndTheOthersAreImported() throws IOException {
        InvoiceRef a = fixture.invoice("6000", 1);
        InvoiceRef b = fixture.invoice("7000", 1);
        InvoiceRef c = fixture.invoice("8000", 1);
        String text = statement(a, b, "2500.00", c, "8000.00");
        // the first document loses its end, the second its amount, the third gets an impossible date
        text = text.replaceFirst("КонецДокумента\r\n", "");
        text = text.replaceFirst("Сумма=2500.00\r\n", "");
        text = text.replaceFirst("Дата=(\\d\\d\\.\\d\\d\\.\\d{4})\r\nСумма=8000.00", "Дата=31.02.2026\r\nСумма=8000.00");
        long before = payments();

        JsonNode imported = json(upload("broken.txt", text.getBytes(CP1251)), 201);

        assertThat(results(imported)).containsExactly("ERROR", "ERROR", "ERROR", "UNMATCHED", "SKIPPED");
        assertThat(imported.get("lines").get(0).get("messageKey").asString())
                .isEqualTo("payments.statement.doc.unterminated");
        assertThat(imported.get("lines").get(1).get("messageKey").asString())
                .isEqualTo("payments.statement.doc.no-amount");
        assertThat(imported.get("lines").get(2).get("messageKey").asString())
                .isEqualTo("payments.statement.doc.bad-date");
        assertThat(payments()).isEqualTo(before + 1);
        assertThat(fixture.reload(a).outstanding()).isEqualByComparingTo("6000");
        assertThat(fixture.reload(c).outstanding()).isEqualByComparingTo("8000");
        JsonNode page = json(fixture.call("GET", "/api/v1/admin/bank-statements/" + imported.get("id").asLong(),
                "accountant@demo.local", null, null), 200);
        assertThat(page.get("errors").asInt()).isEqualTo(3);
    }

    @Test
    void anAmountWithADecimalCommaIsRefusedForThatPaymentOnly() throws IOException {
        InvoiceRef a = fixture.invoice("6000", 1);
        InvoiceRef b = fixture.invoice("7000", 1);
        InvoiceRef c = fixture.invoice("8000", 1);
        String text = statement(a, b, "2500,00", c, "8000.00");

        JsonNode imported = json(upload("comma.txt", text.getBytes(CP1251)), 201);

        assertThat(results(imported)).containsExactly("POSTED", "ERROR", "POSTED", "UNMATCHED", "SKIPPED");
        assertThat(imported.get("lines").get(1).get("messageKey").asString())
                .isEqualTo("payments.statement.doc.amount-comma");
        assertThat(fixture.reload(b).outstanding()).isEqualByComparingTo("7000");
        assertThat(fixture.reload(a).status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void wrongFilesAreRefusedWholeWithAClearMessageAndNothingImported() throws IOException {
        InvoiceRef a = fixture.invoice("6000", 1);
        String text = statement(a, a, "1.00", a, "1.00");
        long before = payments();

        assertThat(problem(upload("utf8.txt", text.getBytes(StandardCharsets.UTF_8)), 422, "statement-encoding"))
                .contains("UTF-8").contains("Windows-1251");
        assertThat(problem(upload("koi8.txt", text.getBytes(Charset.forName("KOI8-R"))), 422, "statement-encoding"))
                .contains("neither in Windows-1251 nor in DOS");
        assertThat(problem(upload("empty.txt", new byte[0]), 422, "statement-empty")).contains("empty");
        assertThat(problem(upload("orders.csv", "sku;qty\r\nA;1\r\n".getBytes(CP1251)), 422, "statement-not-1c"))
                .contains("1CClientBankExchange");
        assertThat(problem(upload("cut.txt", text.substring(0, text.indexOf("СекцияДокумент=Платежное поручение",
                text.indexOf("Номер="))).getBytes(CP1251)), 422, "statement-cut-short")).contains("КонецФайла");
        assertThat(problem(upload("other.txt", text.replace("РасчСчет=" + platform.seller().orElseThrow()
                .settlementAccount(), "РасчСчет=40702810000000000001").getBytes(CP1251)), 422,
                "statement-other-account")).contains("40702810000000000001");
        byte[] eleven = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(eleven, (byte) ' ');
        assertThat(problem(upload("huge.txt", eleven), 413, "statement-too-large")).contains("10 MB");
        // over the container's multipart limit (22 MB in tests, 64 MB in production, where a 50 MB file is refused by
        // the 10 MB cap above): refused before any of it is read
        HttpResponse<String> over = upload("fifty.txt", new byte[25 * 1024 * 1024]);
        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(over.body()).contains("file-too-large");

        assertThat(payments()).isEqualTo(before);
        assertThat(fixture.reload(a).outstanding()).isEqualByComparingTo("6000");
        JsonNode history = json(fixture.call("GET", "/api/v1/admin/bank-statements", "accountant@demo.local", null,
                null), 200);
        assertThat(history.valueStream().limit(6).map(s -> s.get("refusedKey").asString()).toList())
                .contains("payments.statement.utf8", "payments.statement.encoding-unknown");
    }

    @Test
    void aStatementInDosEncodingIsReadToo() throws IOException {
        InvoiceRef a = fixture.invoice("6000", 1);
        String text = statement(a, a, "1.00", a, "1.00").replace("Кодировка=Windows", "Кодировка=DOS");
        // only the first document: it pays invoice a
        int second = text.indexOf("СекцияДокумент=", text.indexOf("КонецДокумента"));
        text = text.substring(0, second) + "КонецФайла\r\n";

        JsonNode imported = json(upload("dos.txt", text.getBytes(Charset.forName("IBM866"))), 201);

        assertThat(imported.get("encoding").asString()).isEqualTo("DOS");
        assertThat(results(imported)).containsExactly("POSTED");
        assertThat(fixture.reload(a).status()).isEqualTo(InvoiceStatus.PAID);
        // CP866 has no « »: the bank writes what it can
        assertThat(imported.get("lines").get(0).get("payerName").asString()).contains("Альфа Ремонт");
    }

    @Test
    void theDemoImportedAStatementWithOnePaymentWaitingInReview() {
        JsonNode history = json(fixture.call("GET", "/api/v1/admin/bank-statements", "accountant@demo.local", null,
                null), 200);
        JsonNode demo = history.valueStream().filter(s -> s.get("fileName").asString().startsWith("kl_to_1c_"))
                .findFirst().orElseThrow();
        assertThat(demo.get("imported").asInt()).isEqualTo(1);
        assertThat(demo.get("unmatched").asInt()).isEqualTo(1);
        assertThat(demo.get("skipped").asInt()).isEqualTo(1);
        JsonNode unmatched = json(fixture.call("GET", "/api/v1/admin/payments?state=UNMATCHED&customer=7714098765",
                "accountant@demo.local", null, null), 200);
        assertThat(unmatched.get("payments").size()).isGreaterThanOrEqualTo(1);
    }
}
