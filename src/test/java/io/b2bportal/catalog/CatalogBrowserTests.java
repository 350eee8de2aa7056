package io.b2bportal.catalog;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.b2bportal.support.Browser;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Searching, filtering and opening a product in a real Chromium. */
@PortalTest
class CatalogBrowserTests {

    @LocalServerPort
    int port;
    BrowserContext context;
    Page page;

    @BeforeEach
    void signIn() {
        context = Browser.newContext("http://localhost:" + port, "en-US");
        page = context.newPage();
        Browser.signIn(page, "buyer@alpha.demo");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Catalog")).click();
        page.waitForLoadState();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aBuyerSearchesBySkuAndByTextAsTheyType() {
        page.getByRole(AriaRole.SEARCHBOX).fill("BLT-933-M10x50-ZINC");
        assertThat(page.getByTestId("result-count")).hasText("1 products");
        assertThat(page.getByTestId("products-table").locator("tbody tr")).hasCount(1);
        assertThat(page).hasURL(Pattern.compile(".*q=BLT-933-M10x50-ZINC.*"));

        page.getByRole(AriaRole.SEARCHBOX).fill("шуруповерт");
        assertThat(page.getByTestId("products-table")).containsText("Шуруповёрт аккумуляторный");
        Browser.screenshot(page, "catalog-search-en");
    }

    @Test
    void filtersNarrowTheListAndStayInTheAddress() {
        page.getByTestId("categories").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Bolts")).click();
        page.getByTestId("facet-thread").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(
                Pattern.compile("^M12 "))).click();
        page.getByTestId("facet-coating").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(
                Pattern.compile("^горячий цинк "))).click();
        assertThat(page.getByTestId("result-count")).hasText("36 products");
        assertThat(page).hasURL(Pattern.compile(".*a.thread=M12.*"));
        page.getByTestId("in-stock").click();
        Browser.screenshot(page, "catalog-filters-en");

        page.reload();
        assertThat(page.getByTestId("facet-thread").locator("a.active")).containsText("M12");
        page.getByTestId("products-table").locator("tbody tr").first().locator("a").click();
        assertThat(page.getByTestId("specs")).containsText("M12");
        assertThat(page.getByTestId("stock")).containsText("Склад Москва");
        Browser.screenshot(page, "catalog-product-en");
    }

    @Test
    void aPriceRangeNarrowsTheListByTheBuyersOwnPriceAndKeepsTheOtherFilters() {
        page.getByTestId("categories").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Bolts")).click();
        page.getByTestId("facet-thread").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(
                Pattern.compile("^M12 "))).click();
        assertThat(page.getByTestId("result-count")).hasText("108 products");
        page.waitForLoadState();
        List<BigDecimal> prices = grossPrices();
        org.assertj.core.api.Assertions.assertThat(prices).hasSize(50);
        BigDecimal to = prices.stream().sorted().toList().get(prices.size() / 2);
        long cheaper = prices.stream().filter(p -> p.compareTo(to) <= 0).count();

        page.getByTestId("price-filter").getByPlaceholder("to").fill(to.toPlainString().replace('.', ','));
        page.getByTestId("price-filter").getByPlaceholder("to").press("Enter");

        assertThat(page).hasURL(Pattern.compile(".*a.thread=M12.*priceTo=.*"));
        assertThat(page.getByTestId("result-count")).not().hasText("108 products");
        page.waitForLoadState();
        assertThat(page.getByTestId("price-filter").getByPlaceholder("to")).hasValue(to.stripTrailingZeros().toPlainString());
        org.assertj.core.api.Assertions.assertThat(grossPrices())
                .allMatch(p -> p.compareTo(to) <= 0).hasSizeLessThanOrEqualTo((int) cheaper);
        Browser.screenshot(page, "catalog-price-filter-en");

        page.getByTestId("price-filter-reset").click();
        assertThat(page.getByTestId("result-count")).hasText("108 products");
    }

    private List<BigDecimal> grossPrices() {
        return page.getByTestId("products-table").locator("td[data-gross]").all().stream()
                .map(cell -> cell.getAttribute("data-gross")).filter(v -> !v.isEmpty()).map(BigDecimal::new).toList();
    }

    @Test
    void aDiscontinuedProductPointsToItsSuccessor() {
        page.navigate("/catalog/products/PWR-BOSCH-107");
        assertThat(page.getByTestId("discontinued")).containsText("discontinued");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Its successor is PWR-BOSCH-114.")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Bosch 114");
    }
}
