package io.b2bportal.crm.onbehalf;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.b2bportal.support.Browser;
import io.b2bportal.support.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.b2bportal.crm.onbehalf.OnBehalfFixture.ALPHA_STROY;
import static org.assertj.core.api.Assertions.assertThat;

/** Order on behalf in a real Chromium, from the client's page in the CRM to the audit entry naming both sides. */
@PortalTest
class OnBehalfBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.b2bportal.customers.CustomersApi customers;
    @Autowired
    io.b2bportal.customers.agreement.AgreementDocuments documents;
    @Autowired
    io.b2bportal.customers.agreement.AcceptanceLog acceptances;
    OnBehalfFixture fixture;
    BrowserContext context;
    Page page;

    @BeforeEach
    void open() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        fixture = new OnBehalfFixture(jdbc, port);
        fixture.keepCreditFree(ALPHA_STROY);
        OnBehalfFixture.acceptAgreement(customers, documents, acceptances, fixture.user("admin@alpha.demo"),
                fixture.entity(ALPHA_STROY));
        context = Browser.newContext("http://localhost:" + port, "en-US");
        page = context.newPage();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void orderOnBehalfWithItsAuditEntry() {
        long alpha = fixture.company(ALPHA_STROY);
        long stroy = fixture.entity(ALPHA_STROY);
        String sku = fixture.product("30000", 10);
        String manager = jdbc.sql("select display_name from platform.user_account where email = 'manager@demo.local'")
                .query(String.class).single();
        Browser.signIn(page, "manager@demo.local");

        // the client card (another part of the CRM) links here; its confirmation is this part's own page
        page.navigate("/admin/crm/clients/" + alpha + "/on-behalf");
        assertThat(page.getByTestId("on-behalf-confirm")).isVisible();
        page.getByLabel("Legal entity").selectOption(String.valueOf(stroy));
        Browser.screenshot(page, "crm-on-behalf-confirm");
        page.getByTestId("on-behalf-start").click();

        page.waitForURL("**/catalog");
        assertThat(page.getByTestId("on-behalf-banner"))
                .containsText("Acting on behalf of Группа «Альфа», ООО «Альфа Строй» — " + manager);
        page.navigate("/catalog?q=" + sku);
        page.getByTestId("add-" + sku).getByRole(com.microsoft.playwright.options.AriaRole.TEXTBOX).fill("2");
        page.getByTestId("add-" + sku).getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        assertThat(page.getByTestId("cart-count")).hasText("1");
        Browser.screenshot(page, "crm-on-behalf-catalog-en");

        page.getByTestId("cart-badge").click();
        assertThat(page.getByTestId("on-behalf-banner")).isVisible();
        assertThat(page.getByTestId("share-form")).hasCount(0);
        Browser.screenshot(page, "crm-on-behalf-cart-en");
        page.getByTestId("checkout-link").click();
        assertThat(page.getByTestId("checkout-lines")).containsText(sku);
        page.getByTestId("place-order").click();
        assertThat(page.getByTestId("placed")).isVisible();
        String number = page.getByTestId("order-number").textContent().replaceAll(".*?(\\d{4}-\\d+).*", "$1");
        assertThat(page.getByTestId("on-behalf-banner")).isVisible();
        page.navigate("/orders/" + number + "?lang=ru");
        assertThat(page.getByTestId("on-behalf-banner"))
                .containsText("Работа от имени клиента Группа «Альфа», ООО «Альфа Строй» — " + manager);
        Browser.screenshot(page, "crm-on-behalf-order-ru");
        page.navigate("/orders/" + number + "?lang=en");

        page.getByTestId("on-behalf-stop").click();
        page.waitForURL("**/admin/crm/clients/" + alpha);
        assertThat(page.getByTestId("on-behalf-banner")).hasCount(0);

        page.navigate("/admin/crm/clients/" + alpha + "/on-behalf/audit");
        var row = page.getByTestId("on-behalf-audit-row").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(number));
        assertThat(row).containsText("Order placed on behalf");
        assertThat(row).containsText(manager);
        assertThat(row).containsText("ООО «Альфа Строй»");
        Browser.screenshot(page, "crm-on-behalf-audit");
        assertThat(jdbc.sql("select channel from ordering.orders where number = :n").param("n", number)
                .query(String.class).single()).isEqualTo("ON_BEHALF");
    }
}
