package io.b2bportal.documents;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.b2bportal.shared.Hashes;
import io.b2bportal.support.Browser;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The documents section in a real Chromium: the buyer finds and downloads an invoice, staff issue a credit note. */
@PortalTest
class DocumentsBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    BrowserContext context;
    Page page;

    @BeforeEach
    void openBrowser() {
        context = Browser.newContext("http://localhost:" + port, "en-GB");
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    @Test
    void theBuyerFiltersInvoicesOpensOneAndDownloadsExactlyTheFileWhoseHashIsShown() throws Exception {
        DocumentsFixture fixture = new DocumentsFixture(jdbc, new Http(port));
        long stroy = fixture.entity(DocumentsFixture.ALPHA_STROY);
        fixture.acceptAgreement(stroy);
        JsonNode order = fixture.client("buyer@alpha.demo", stroy).place(fixture.product("17000", 10), 2);
        String orderNumber = order.get("number").asString();

        Browser.signIn(page, "buyer@alpha.demo");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Documents").setExact(true)).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Documents");
        assertThat(page.locator("footer")).isVisible();
        Browser.screenshot(page, "documents-buyer-list");

        page.getByTestId("filter-type").selectOption(new SelectOption().setLabel("Invoice"));
        page.getByLabel("Order").fill(orderNumber);
        page.getByTestId("filter-apply").click();
        assertThat(page.getByTestId("documents-table").locator("tbody tr")).hasCount(1);
        assertThat(page.getByTestId("document-status")).hasText("Issued");
        assertThat(page.locator("footer")).isVisible();
        Browser.screenshot(page, "documents-buyer-filtered");

        page.getByTestId("document-link").click();
        assertThat(page.getByTestId("document-heading")).containsText("Invoice СЧ-");
        String shown = page.getByTestId("sha-full").textContent().strip();
        assertThat(shown).matches("[0-9a-f]{64}");
        Browser.screenshot(page, "documents-buyer-invoice");

        Download download = page.waitForDownload(() -> page.getByTestId("pdf-download").click());
        byte[] file = Files.readAllBytes(download.path());
        assertThat(Hashes.sha256Hex(file)).isEqualTo(shown);
        assertThat(download.suggestedFilename()).endsWith(".pdf");
        assertThat(DocumentsFixture.text(file)).contains("заказ № " + orderNumber);
    }

    @Test
    void aSellerAccountantIssuesACreditNoteFromTheCustomerCardAndBadInputIsRefused() {
        long alpha = jdbc.sql("select company_id from customers.legal_entity where inn = :inn")
                .param("inn", DocumentsFixture.ALPHA_STROY).query(Long.class).single();
        Browser.signIn(page, "accountant@demo.local");
        page.navigate("/admin/customers/" + alpha);
        page.getByTestId("customer-documents").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Documents:");
        assertThat(page.locator("footer")).isVisible();
        Browser.screenshot(page, "documents-staff-list");

        page.getByTestId("credit-form").getByLabel("Legal entity")
                .selectOption(new SelectOption().setLabel("ООО «Альфа Строй»"));
        page.getByLabel("Amount with VAT").fill("0");
        page.getByLabel("Reason").fill("Goodwill");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue the credit note")).click();
        assertThat(page.getByTestId("credit-error")).containsText("more than zero");
        assertThat(page.getByLabel("Reason")).hasValue("Goodwill");
        Browser.screenshot(page, "documents-staff-credit-refused");

        page.getByTestId("credit-form").getByLabel("Legal entity")
                .selectOption(new SelectOption().setLabel("ООО «Альфа Строй»"));
        page.getByLabel("Amount with VAT").fill("610,00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue the credit note")).click();
        assertThat(page.getByTestId("issued")).containsText("КН-");
        assertThat(page.getByTestId("document-heading")).containsText("Credit note");
        assertThat(page.getByTestId("total-gross")).containsText("610.00");
        assertThat(page.getByTestId("document-facts")).containsText("ООО «Альфа Строй»");
        assertThat(page.getByTestId("sha-full")).hasText(java.util.regex.Pattern.compile("[0-9a-f]{64}"));
        Browser.screenshot(page, "documents-staff-credit-note");
    }
}
