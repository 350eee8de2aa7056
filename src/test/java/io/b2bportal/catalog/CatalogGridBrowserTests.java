package io.b2bportal.catalog;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.b2bportal.support.Browser;
import io.b2bportal.support.PortalTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The buyer's catalog as cards: switched in the address, kept with filters and search, list by default. */
@PortalTest
class CatalogGridBrowserTests {

    @LocalServerPort
    int port;
    BrowserContext context;

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theCardViewShowsPicturesAndStaysWhileFilteringAndSearching() {
        context = Browser.newContext("http://localhost:" + port, "en-US");
        Page page = context.newPage();
        Browser.signIn(page, "buyer@alpha.demo");
        page.navigate("/catalog");
        assertThat(page.getByTestId("products-table")).isVisible();
        assertThat(page.getByTestId("products-grid")).hasCount(0);

        page.getByTestId("view-grid").click();
        assertThat(page).hasURL(Pattern.compile(".*view=grid.*"));
        Locator cards = page.getByTestId("products-grid").locator("li.product-card");
        assertThat(cards).hasCount(50);
        assertThat(page.getByTestId("products-grid").locator("img").first()).isVisible();
        assertThat(page.getByTestId("products-table")).hasCount(0);

        page.getByTestId("categories").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Bolts")).click();
        assertThat(page).hasURL(Pattern.compile(".*view=grid.*"));
        assertThat(cards.first()).containsText("BLT-");
        assertThat(cards.first()).containsText(Pattern.compile("шт|incoming|out of stock"));
        Browser.screenshot(page, "catalog-grid-en");

        page.getByRole(AriaRole.SEARCHBOX).fill("BLT-933-M10x50-ZINC");
        assertThat(page.getByTestId("result-count")).hasText("1 products");
        assertThat(cards).hasCount(1);
        assertThat(page).hasURL(Pattern.compile(".*view=grid.*"));

        page.getByTestId("view-list").click();
        assertThat(page.getByTestId("products-table").locator("tbody tr")).hasCount(1);
    }
}
