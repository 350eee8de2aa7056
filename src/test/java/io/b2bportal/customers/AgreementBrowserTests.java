package io.b2bportal.customers;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.b2bportal.shared.Hashes;
import io.b2bportal.support.Browser;
import io.b2bportal.support.PortalTest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A company administrator accepts the supply contract of a legal entity in a real Chromium. */
@PortalTest
class AgreementBrowserTests {

    private static final String ALPHA_REMONT = "ООО «Альфа Ремонт»";

    @LocalServerPort
    int port;
    BrowserContext context;
    Page page;

    @BeforeEach
    void openBrowser() {
        context = Browser.newContext("http://localhost:" + port, "ru-RU");
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    @Test
    void theCompanyAdministratorSwitchesToAnEntityReadsItsContractAndAcceptsIt() {
        page.navigate("/login");
        page.getByLabel("Эл. почта").fill("admin@alpha.demo");
        page.getByLabel("Пароль").fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Здравствуйте, Алексей Альфин");

        page.getByTestId("entity-switch").locator("select").selectOption(new SelectOption().setLabel(ALPHA_REMONT));
        assertThat(page.getByTestId("entity-switch").locator("select option:checked")).hasText(ALPHA_REMONT);
        assertThat(page.getByTestId("agreement-banner"))
                .containsText("Договор поставки для " + ALPHA_REMONT + " готов");
        Browser.screenshot(page, "agreement-home-banner");

        page.getByTestId("agreement-banner")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("примите")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Договор поставки: " + ALPHA_REMONT);
        assertThat(page.getByTestId("agreement-state")).containsText("ждёт акцепта");
        String sha256 = page.getByTestId("agreement-sha256").textContent().strip();

        String pdfLink = page.getByTestId("agreement-pdf").getAttribute("href");
        APIResponse pdf = page.request().get(pdfLink);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(Hashes.sha256Hex(pdf.body())).isEqualTo(sha256);

        page.getByLabel(Pattern.compile("Я прочитал\\(а\\) договор поставки")).check();
        Browser.screenshot(page, "agreement-ready");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Принять договор")).click();

        assertThat(page.getByTestId("agreement-accepted-flash")).containsText("договора поставки принята");
        assertThat(page.getByTestId("agreement-state")).containsText("принята");
        assertThat(page.getByTestId("agreement-history").locator("tbody tr")).hasCount(1);
        assertThat(page.getByTestId("accept-form")).hasCount(0);
        Browser.screenshot(page, "agreement-accepted");

        page.navigate("/");
        assertThat(page.getByTestId("agreement-banner")).hasCount(0);
    }

    @Test
    void anAdministratorChecksTheAcceptanceLogAndSeesWhoAcceptedForACustomer() {
        page.navigate("/login");
        page.getByLabel("Эл. почта").fill("admin@demo.local");
        page.getByLabel("Пароль").fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();

        page.navigate("/admin/customers");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Договор поставки")).click();
        assertThat(page.getByTestId("chain-verification")).containsText("Журнал акцептов цел");
        assertThat(page.getByTestId("agreement-versions").locator("tbody tr").first()).containsText("действующая");
        Browser.screenshot(page, "agreement-versions");

        page.navigate("/admin/customers");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Группа «Альфа»")).click();
        page.getByTestId("admin-entities-table")
                .locator("tr", new Locator.LocatorOptions().setHasText("ООО «Альфа Строй»"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Акцепт договора")).click();
        assertThat(page.getByTestId("agreement-history")).containsText("admin@alpha.demo");
        assertThat(page.getByTestId("agreement-history")).containsText("127.0.0.1");
        Browser.screenshot(page, "agreement-admin-history");
    }
}
