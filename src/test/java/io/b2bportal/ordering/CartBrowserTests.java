package io.b2bportal.ordering;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.b2bportal.ordering.DemoProducts.Product;
import io.b2bportal.support.Browser;
import io.b2bportal.support.PortalTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Carts in a real Chromium: adding from catalog rows without a reload, the cart page, quick entry, moving lines. */
@PortalTest
class CartBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    BrowserContext context;
    Page page;
    DemoProducts products;

    @BeforeEach
    void signIn() {
        // the machine is shared: give htmx answers time on a busy day rather than fail on latency
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        products = new DemoProducts(jdbc);
        context = Browser.newContext("http://localhost:" + port, "en-US");
        page = context.newPage();
        Browser.signIn(page, "buyer@alpha.demo");
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void catalogRowsAddToTheCurrentCartInPlaceThroughTheSameReview() {
        String cart = newCart("Catalog rows");
        assertThat(page.getByTestId("cart-badge")).containsText(cart);
        assertThat(page.getByTestId("cart-count")).hasText("0");
        Product plain = products.inStock("BLT-931-", 100, 3000, true).get(0);
        Product rounded = products.inStock("BLT-931-", 100, 3000, true).get(1);
        Product scarce = products.inStock("ANC-", 25, 50, false).get(0);

        page.navigate("/catalog?q=" + plain.sku());
        page.evaluate("window.notReloaded = true");
        Locator row = page.getByTestId("add-" + plain.sku());
        row.getByRole(AriaRole.TEXTBOX).fill("200");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add")).click();
        assertThat(page.getByTestId("add-" + plain.sku()).getByTestId("added"))
                .containsText("200 шт of " + plain.sku() + " added to");
        assertThat(page.getByTestId("cart-count")).hasText("1");

        page.getByRole(AriaRole.SEARCHBOX).fill(rounded.sku());
        assertThat(page.getByTestId("products-table").locator("tbody tr")).hasCount(1);
        Locator second = page.getByTestId("add-" + rounded.sku());
        second.getByRole(AriaRole.TEXTBOX).fill("150");
        second.getByRole(AriaRole.TEXTBOX).press("Enter");
        Locator review = page.getByTestId("add-" + rounded.sku()).getByTestId("line-review");
        assertThat(review.getByTestId("rounded")).containsText("150 rounded up to 200 (pack of 100 шт)");
        assertThat(page.getByTestId("cart-count")).hasText("1");
        Browser.screenshot(page, "ordering-catalog-row-review-en");
        review.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add 200 шт")).click();
        assertThat(page.getByTestId("add-" + rounded.sku()).getByTestId("added")).containsText("200 шт");
        assertThat(page.getByTestId("cart-count")).hasText("2");

        page.getByRole(AriaRole.SEARCHBOX).fill(scarce.sku());
        assertThat(page.getByTestId("products-table").locator("tbody tr")).hasCount(1);
        Locator third = page.getByTestId("add-" + scarce.sku());
        third.getByRole(AriaRole.TEXTBOX).fill("1000000");
        third.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add")).click();
        Locator overStock = page.getByTestId("add-" + scarce.sku()).getByTestId("line-review");
        assertThat(overStock.getByTestId("over-stock")).containsText("no backorders");
        assertThat(overStock.getByTestId("choice-BACKORDER")).hasCount(0);
        overStock.getByTestId("choice-TAKE_AVAILABLE").click();
        assertThat(page.getByTestId("cart-count")).hasText("3");
        assertThat(page.getByTestId("cart-badge")).hasCount(1);
        assertThat(page.getByTestId("products-table")).hasCount(1);
        Browser.screenshot(page, "ordering-catalog-rows-en");
        assertThat(page.evaluate("window.notReloaded")).isEqualTo(true);

        page.getByTestId("cart-badge").click();
        assertThat(page.getByTestId("cart-lines")).containsText(plain.sku());
        assertThat(page.getByTestId("cart-lines").locator("tbody tr")).hasCount(3);
    }

    @Test
    void theCartPageTakesQuickEntryChecksQuantitiesAndMovesLines() {
        String target = newCart("Paint shop");
        String cart = newCart("Repair shop");
        String nut = products.inStock("NUT-", 100, 1000, true).get(0).sku();
        String washer = products.inStock("WSH-", 200, 2000, true).get(0).sku();

        page.getByLabel("SKU", new Page.GetByLabelOptions().setExact(true)).pressSequentially(nut.substring(0, 12),
                new Locator.PressSequentiallyOptions().setDelay(20));
        assertThat(page.locator("#sku-options option").first())
                .hasAttribute("value", Pattern.compile("^" + nut.substring(0, 12)));
        page.getByLabel("SKU", new Page.GetByLabelOptions().setExact(true)).fill(nut);
        page.getByPlaceholder("Qty").fill("100");
        page.getByTestId("entry-add").click();
        Locator lines = page.getByTestId("cart-lines");
        assertThat(lines.locator("tbody tr[data-sku='" + nut + "']")).hasCount(1);
        assertThat(page.getByTestId("cart-count")).hasText("1");

        page.getByLabel("SKU", new Page.GetByLabelOptions().setExact(true)).fill(washer);
        page.getByPlaceholder("Qty").fill("300");
        page.getByPlaceholder("Qty").press("Enter");
        Locator review = page.getByTestId("line-review");
        assertThat(review).containsText("300 rounded up to 400");
        review.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add 400")).click();
        assertThat(lines.locator("tbody tr[data-sku='" + washer + "']")).hasCount(1);
        assertThat(page.getByTestId("cart-count")).hasText("2");

        Locator quantity = page.getByLabel("Quantity of " + nut);
        quantity.fill("150");
        quantity.press("Tab");
        assertThat(page.getByTestId("line-error")).containsText("150 is not a multiple of the pack of 100 шт");
        page.getByLabel("Quantity of " + nut).fill("300");
        page.getByLabel("Quantity of " + nut).press("Enter");
        assertThat(page.getByLabel("Quantity of " + nut)).hasValue("300");
        assertThat(page.getByTestId("line-error")).hasCount(0);
        // htmx swapped the cart body five times: still one page, one body, one header count
        assertThat(page.locator("#cart-body")).hasCount(1);
        assertThat(page.getByTestId("cart-name")).hasCount(1);
        assertThat(page.getByTestId("cart-count")).hasCount(1);
        Browser.screenshot(page, "ordering-cart-en");

        page.getByLabel("Select " + nut).check();
        page.locator("#bulk-action").selectOption("move");
        page.locator("#bulk-target").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(target));
        page.getByTestId("bulk-apply").click();
        assertThat(page.getByTestId("done")).containsText("1 lines moved to “" + target + "”");
        assertThat(lines.locator("tbody tr[data-sku]")).hasCount(1);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("History")).click();
        assertThat(page.getByTestId("history")).containsText("moved");
        assertThat(page.getByTestId("history")).containsText("quick entry");
        Browser.screenshot(page, "ordering-history-en");
        page.navigate("/carts");
        assertThat(page.getByTestId("carts-table")).containsText(cart);
        assertThat(page.getByTestId("carts-table")).containsText(target);
        Browser.screenshot(page, "ordering-carts-en");
    }

    @Test
    void theCartPageInRussian() {
        page.navigate("/cart?lang=ru");
        assertThat(page.getByTestId("cart-lines")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Быстрый заказ"))).isVisible();
        Browser.screenshot(page, "ordering-cart-ru");
    }

    /** Creates a cart through the carts page (it becomes the current one) and returns its name. */
    private String newCart(String prefix) {
        String name = CartClient.unique(prefix);
        page.navigate("/carts");
        page.getByLabel("New cart").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
        assertThat(page.getByTestId("cart-name")).hasText(name);
        return name;
    }
}
