package io.b2bportal.payments;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.documents.InvoiceStatus;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.payments.payment.Allocations;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.support.Browser;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments in a real Chromium: a buyer pays an invoice of a prepaid order with the sandbox provider and sees the order
 * confirmed; the seller's accountant registers a payment by hand, imports a bank statement and decides its unmatched
 * payment in review.
 */
@PortalTest
class PaymentsBrowserTests {

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
    BrowserContext context;
    Page page;
    long remont;

    @BeforeEach
    void setUp() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        fixture = new PaymentsFixture(jdbc, new Http(port), documents, ledger, allocations);
        remont = fixture.entity(PaymentsFixture.ALPHA_REMONT);
        fixture.acceptAgreement(remont);
        fixture.clearAdvance(remont);
        context = Browser.newContext("http://localhost:" + port, "en-US");
        page = context.newPage();
    }

    @AfterEach
    void close() {
        context.close();
        fixture.clearAdvance(remont);
        fixture.assertBooksBalance();
    }

    @Test
    void aBuyerDownloadsAnInvoicePaysItWithTheSandboxAndThePrepaidOrderIsConfirmed() throws Exception {
        InvoiceRef invoice = fixture.invoice("6000", 2);
        String order = jdbc.sql("select number from ordering.orders where id = :id").param("id", invoice.orderId())
                .query(String.class).single();
        Browser.signIn(page, "buyer@alpha.demo");
        page.navigate("/payments?lang=en");
        page.waitForResponse(response -> response.url().contains("/legal-entity"),
                () -> page.locator("#legalEntityId").selectOption(String.valueOf(remont)));
        // the buyer downloads the invoice first: exactly the file whose SHA-256 the page shows, with the invoice in it
        page.navigate("/documents/" + invoice.id() + "?lang=en");
        assertThat(page.getByTestId("sha-full")).hasText(java.util.regex.Pattern.compile("[0-9a-f]{64}"));
        String shown = page.getByTestId("sha-full").textContent().strip();
        com.microsoft.playwright.Download download = page.waitForDownload(
                () -> page.getByTestId("pdf-download").click());
        byte[] pdf = java.nio.file.Files.readAllBytes(download.path());
        assertThat(io.b2bportal.shared.Hashes.sha256Hex(pdf)).isEqualTo(shown);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains(invoice.number());
        }

        page.getByTestId("pay-online").click();
        assertThat(page.getByTestId("pay-amount")).containsText("12,000.00");
        Browser.screenshot(page, "payments-pay");
        page.getByTestId("go-pay").click();

        page.waitForURL(url -> url.contains("/sandbox/pay/"));
        assertThat(page.getByTestId("sandbox-description")).containsText(invoice.number());
        assertThat(page.getByTestId("sandbox-amount")).containsText("12,000.00");
        Browser.screenshot(page, "payments-sandbox");
        page.getByTestId("sandbox-pay").click();

        page.waitForURL(url -> url.matches(".*/payments/\\d+$"));
        assertThat(page.getByTestId("payment-outcome")).hasAttribute("data-status", "POSTED");
        assertThat(page.getByTestId("invoice-status")).containsText("paid");
        Browser.screenshot(page, "payments-paid");
        assertThat(fixture.reload(invoice).status()).isEqualTo(InvoiceStatus.PAID);

        page.navigate("/orders/" + order + "?lang=en");
        assertThat(page.getByTestId("order-status")).containsText("onfirmed");
        page.navigate("/payments?lang=en");
        assertThat(page.getByTestId("payments")).containsText(invoice.number());
        Browser.screenshot(page, "payments-buyer-list");
    }

    @Test
    void anAccountantRegistersAPaymentImportsAStatementAndDecidesTheUnmatchedOne() throws Exception {
        InvoiceRef byHand = fixture.invoice("6000", 1);
        InvoiceRef byBank = fixture.invoice("7000", 1);
        Browser.signIn(page, "accountant@demo.local");

        page.navigate("/admin/payments?lang=en");
        page.locator("#entity").selectOption(String.valueOf(remont));
        page.locator("#amount").fill("2 500,50");
        page.locator("#invoices").fill(byHand.number());
        page.locator("#purpose").fill("Оплата по счету " + byHand.number());
        page.getByTestId("register").click();
        assertThat(page.getByTestId("done")).containsText("registered and posted");
        assertThat(page.getByTestId("payment-amount")).containsText("2,500.50");
        assertThat(fixture.reload(byHand).outstanding()).isEqualByComparingTo("3499.50");
        Browser.screenshot(page, "payments-admin-payment");

        // a refusal comes back as a message with the form as typed
        page.navigate("/admin/payments?lang=en");
        page.locator("#entity").selectOption(String.valueOf(remont));
        page.locator("#amount").fill("12 345");
        page.locator("#invoices").fill("СЧ-1999-99999");
        page.getByTestId("register").click();
        assertThat(page.getByTestId("error")).containsText("There is no invoice СЧ-1999-99999");
        assertThat(page.locator("#amount")).hasValue("12 345");

        String d = DateTimeFormatter.ofPattern("dd.MM.yyyy").format(LocalDate.now());
        String account = platform.seller().orElseThrow().settlementAccount();
        String file = String.join("\r\n", "1CClientBankExchange", "ВерсияФормата=1.03", "Кодировка=Windows",
                "РасчСчет=" + account, "СекцияДокумент=Платежное поручение", "Номер=" + (byBank.id() % 1000), "Дата=" + d,
                "Сумма=7000.00", "ПлательщикСчет=40702810338000098765", "ПлательщикИНН=7704987650",
                "Плательщик1=ООО «Альфа Ремонт»", "ПолучательСчет=" + account,
                "НазначениеПлатежа=Оплата по счету " + byBank.number(), "КонецДокумента",
                "СекцияДокумент=Платежное поручение", "Номер=" + (byBank.id() % 1000 + 1), "Дата=" + d,
                "Сумма=3100.00", "ПлательщикСчет=40702810500000000077", "ПлательщикИНН=7716000007",
                "Плательщик1=ИП Гвоздев", "ПолучательСчет=" + account, "НазначениеПлатежа=за гвозди",
                "КонецДокумента", "КонецФайла", "");
        page.navigate("/admin/payments/bank-statements?lang=en");
        page.locator("#file").setInputFiles(new FilePayload("kl_to_1c.txt", "text/plain",
                file.getBytes(Charset.forName("windows-1251"))));
        page.locator("[data-testid=statement-upload] button").click();
        page.waitForURL(url -> url.matches(".*/bank-statements/\\d+$"));
        assertThat(page.getByTestId("statement-summary")).containsText("2 documents: 1 posted, 1 waiting in review");
        assertThat(page.locator("[data-result=POSTED]")).containsText("Matched");
        Browser.screenshot(page, "payments-statement");
        assertThat(fixture.reload(byBank).status()).isEqualTo(InvoiceStatus.PAID);

        page.navigate("/admin/payments/review?lang=en");
        var row = page.locator("[data-testid=review] tr", new Page.LocatorOptions().setHasText("7716000007"));
        Browser.screenshot(page, "payments-review");
        row.locator("select").selectOption(String.valueOf(remont));
        row.locator("button").click();
        assertThat(page.getByTestId("done")).containsText("allocated");
        assertThat(page.locator("[data-testid=review]")).not().containsText("7716000007");

        page.navigate("/admin/payments?lang=en&customer=7716000007");
        assertThat(page.getByTestId("payments")).containsText("ИП Гвоздев");
        Browser.screenshot(page, "payments-admin-list");
    }

    @Test
    void customersDoNotReachTheStaffPages() {
        Browser.signIn(page, "buyer@alpha.demo");
        var response = page.navigate("/admin/payments");
        assertThat(response.status()).isEqualTo(403);
        BrowserContext staff = Browser.newContext("http://localhost:" + port, "en-US");
        try {
            Page ops = staff.newPage();
            Browser.signIn(ops, "ops@demo.local");
            assertThat(ops.navigate("/admin/payments/review").status()).isEqualTo(403);
        } finally {
            staff.close();
        }
    }
}
