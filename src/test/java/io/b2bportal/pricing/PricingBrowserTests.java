package io.b2bportal.pricing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.b2bportal.support.Browser;
import io.b2bportal.support.PortalTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A buyer sees their prices in the catalog and on the product page, with the promotion badge and "why this price". */
@PortalTest
class PricingBrowserTests {

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    BrowserContext context;
    Page page;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    private void signIn(String email, String locale) {
        context = Browser.newContext("http://localhost:" + port, locale);
        page = context.newPage();
        Browser.signIn(page, email);
    }

    @Test
    void aWholesaleBuyerSeesPromotedPricesInTheCatalogAndWhyOnTheProductPage() {
        signIn("buyer@alpha.demo", "en-US");
        page.navigate("/catalog?q=" + "ANC-10x");
        Locator row = page.getByTestId("products-table").locator("tbody tr").filter(
                new Locator.FilterOptions().setHasText("ANC-10x100"));
        assertThat(row.getByTestId("price")).containsText("₽");
        assertThat(row.locator(".badge--promo")).hasText("Promotion");
        assertThat(row.locator(".badge--promo")).hasAttribute("title", Pattern.compile("^Wholesale: anchors on sale — until "));
        Browser.screenshot(page, "pricing-catalog-en");

        row.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("ANC-10x100")).click();
        Locator price = page.getByTestId("price");
        assertThat(price.getByTestId("price-gross")).containsText("₽");
        assertThat(price.getByTestId("price-net")).containsText("₽");
        assertThat(price.getByTestId("promotion-badge")).containsText(Pattern.compile(
                "Wholesale: anchors on sale — until \\d\\d\\.\\d\\d\\.\\d{4}"));
        assertThat(price.getByTestId("tiers").locator("tbody tr")).hasCount(3);

        price.getByText("Why this price").click();
        Locator steps = page.locator("#why-steps li");
        assertThat(steps.first()).containsText("Price type of the contract: Wholesale");
        assertThat(page.locator("#why-steps")).containsText("Promotion \"Wholesale: anchors on sale\": 15 % off");
        assertThat(page.locator("#why-steps")).not().containsText("Rounded");
        Browser.screenshot(page, "pricing-product-why-en");

        page.getByLabel("Quantity").fill("5000");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Explain")).click();
        assertThat(page.locator("#why-steps")).containsText("from 5,000 units");
        assertThat(page.locator("#why-steps")).containsText("5,000 units: net");
        Browser.screenshot(page, "pricing-product-why-5000-en");
    }

    @Test
    void betaSeesItsContractPriceAndAProductWithoutPriceIsOnRequestInRussian() {
        signIn("buyer@beta.demo", "ru-RU");
        page.navigate("/catalog/products/BLT-933-M8x40-ZINC?lang=ru");
        Locator price = page.getByTestId("price");
        assertThat(price.getByTestId("price-gross")).containsText("₽");
        price.getByText("Почему такая цена").click();
        assertThat(page.locator("#why-steps")).containsText("Цена по договору");
        Browser.screenshot(page, "pricing-product-contract-ru");

        context.close();
        signIn("buyer@gamma.demo", "ru-RU");
        page.navigate("/catalog/products/SUT-ZIMNII-64?lang=ru");
        assertThat(page.getByTestId("price-on-request")).containsText("Цена по запросу");
        page.navigate("/catalog?q=SUT-ZIMNII&lang=ru");
        assertThat(page.getByTestId("products-table").locator("tbody tr").filter(new Locator.FilterOptions()
                .setHasText("SUT-ZIMNII-64")).getByTestId("price")).hasText("по запросу");
        Browser.screenshot(page, "pricing-catalog-ru");
    }

    @Test
    void staffSeeBasePricesInTheCatalogAndTheFullExplanationForACustomer() {
        signIn("catalog@demo.local", "en-US");
        page.navigate("/catalog/products/BLT-933-M10x40-ZINC");
        page.getByTestId("price").getByText("Why this price").click();
        assertThat(page.locator("#why-steps")).containsText("Base prices");

        page.navigate("/admin/pricing/explain");
        page.getByLabel("Legal entity id (empty: base prices)").fill(String.valueOf(
                jdbc.sql("select id from customers.legal_entity where inn = '5027123457'").query(Long.class).single()));
        page.getByLabel("SKU").fill("BLT-933-M10x40-ZINC");
        page.getByLabel("Quantity").fill("1000");
        page.getByLabel("Quantity").press("Enter");
        assertThat(page.getByTestId("explain-for")).containsText("ООО «Бета Инструмент»");
        assertThat(page.getByTestId("explain-steps")).containsText("Price type of the contract: Dealer");
        assertThat(page.getByTestId("explain-steps")).containsText("Rounded to whole roubles");
        Browser.screenshot(page, "pricing-admin-explain-en");
    }
}
