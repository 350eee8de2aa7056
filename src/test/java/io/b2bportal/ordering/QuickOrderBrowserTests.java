package io.b2bportal.ordering;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.b2bportal.ordering.DemoProducts.Product;
import io.b2bportal.support.Browser;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Pasted lines and an uploaded file in a real Chromium: both end in the review, where the buyer picks a suggestion
 * for an unknown SKU, sees the pack rounding and decides what to do beyond stock, then confirms into the cart.
 */
@PortalTest
class QuickOrderBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    BrowserContext context;
    Page page;
    DemoProducts products;

    @BeforeEach
    void signIn() {
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
    void pastedLinesWithProblemsAreReviewedDecidedAndConfirmed() {
        newCart("Pasted");
        Product rounded = products.inStock("BLT-931-", 100, 3000, true).get(2);
        Product scarce = products.inStock("ANC-", 25, 50, false).get(1);
        Product backordered = products.inStock("BLT-933-", 100, 100, true).get(1);
        page.getByTestId("quick-order-link").click();
        page.getByLabel("SKU and quantity, one product per line").fill(String.join("\n",
                rounded.sku() + "\t150",
                "BLT-933-M8x40-ZNIC\t200",
                scarce.sku() + "\t1000000",
                backordered.sku() + "\t100000000",
                "NUT-DIN934-M8-ZINC;100",
                "nut-din934-m8-zinc;200",
                "PWR-BOSCH-114;1,5"));
        Browser.screenshot(page, "ordering-quick-order-en");
        page.getByTestId("paste-check").click();

        Locator table = page.getByTestId("review-table");
        assertThat(page.getByTestId("review-counts")).containsText("unknown SKU");
        Locator roundedRow = row(rounded.sku());
        assertThat(roundedRow.getByTestId("rounded")).containsText("150 rounded up to 200");
        assertThat(roundedRow.getByTestId("adds")).hasText("200");
        assertThat(row("NUT-DIN934-M8-ZINC")).containsText("lines 5, 6 added up");
        assertThat(table).containsText("1.5 шт: this product is sold in whole units only.");
        Browser.screenshot(page, "ordering-review-en");

        Locator unknown = table.locator("tr[data-status='UNKNOWN']");
        unknown.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Take BLT-933-M8x40-ZINC")).click();
        Locator picked = row("BLT-933-M8x40-ZINC");
        assertThat(picked).containsText("instead of BLT-933-M8x40-ZNIC");
        assertThat(table.locator("tr[data-status='UNKNOWN']")).hasCount(0);

        Locator scarceRow = row(scarce.sku());
        BigDecimal available = scarce.available().divide(scarce.pack(), 0, RoundingMode.FLOOR).multiply(scarce.pack());
        assertThat(scarceRow.getByTestId("choice-BACKORDER")).hasCount(0);
        assertThat(scarceRow.getByTestId("choice-TAKE_AVAILABLE")).isChecked();
        Locator backorderedRow = row(backordered.sku());
        assertThat(backorderedRow.getByTestId("choice-BACKORDER")).isChecked();
        backorderedRow.getByTestId("choice-SKIP").check();
        roundedRow.getByTestId("choice-ADD").uncheck();
        Browser.screenshot(page, "ordering-review-decided-en");

        page.getByTestId("confirm").click();
        assertThat(page.getByTestId("done")).containsText("lines added to");
        Locator lines = page.getByTestId("cart-lines");
        assertThat(lines.locator("tr[data-sku='" + scarce.sku() + "'] input[name=quantity]"))
                .hasValue(available.stripTrailingZeros().toPlainString());
        assertThat(lines.locator("tr[data-sku='NUT-DIN934-M8-ZINC'] input[name=quantity]")).hasValue("300");
        assertThat(lines.locator("tr[data-sku='BLT-933-M8x40-ZINC']")).hasCount(1);
        assertThat(lines.locator("tr[data-sku='" + backordered.sku() + "']")).hasCount(0);
        assertThat(lines.locator("tr[data-sku='" + rounded.sku() + "']")).hasCount(0);
        Browser.screenshot(page, "ordering-cart-after-review-en");

        page.goBack();
        page.reload();
        assertThat(page.getByText("These lines have been added already.")).isVisible();
    }

    @Test
    void anUploadedFileEndsInTheSameReview() {
        newCart("Uploaded");
        page.getByTestId("quick-order-link").click();
        String csv = "Артикул;Наименование;Количество\r\nNUT-DIN934-M10-ZINC;Гайка;150\r\nNO-SUCH-SKU;Нет;5\r\n";
        page.getByLabel("CSV (UTF-8 or windows-1251) or XLSX").setInputFiles(new FilePayload("заказ.csv", "text/csv",
                csv.getBytes(Charset.forName("windows-1251"))));
        page.getByTestId("file-check").click();

        assertThat(row("NUT-DIN934-M10-ZINC").getByTestId("rounded")).containsText("150 rounded up to 200");
        assertThat(page.getByTestId("review-table").locator("tr[data-status='UNKNOWN']")).containsText("NO-SUCH-SKU");
        page.getByTestId("confirm").click();
        assertThat(page.getByTestId("cart-lines").locator("tr[data-sku='NUT-DIN934-M10-ZINC'] input[name=quantity]"))
                .hasValue("200");
    }

    @Test
    void aFileThatCannotBeReadIsExplainedOnThePage() {
        newCart("Bad file");
        page.getByTestId("quick-order-link").click();
        page.getByLabel("CSV (UTF-8 or windows-1251) or XLSX").setInputFiles(new FilePayload("order.pdf",
                "application/pdf", "%PDF-1.4".getBytes()));
        page.getByTestId("file-check").click();
        assertThat(page.getByTestId("file-error")).isVisible();
        page.getByTestId("paste-check").click();
        assertThat(page.getByTestId("paste-error")).containsText("There are no lines to check.");
    }

    private Locator row(String sku) {
        return page.getByTestId("review-table").locator("tr[data-line]").filter(new Locator.FilterOptions()
                .setHas(page.locator("span.mono", new Page.LocatorOptions().setHasText(sku))));
    }

    private void newCart(String prefix) {
        String name = CartClient.unique(prefix);
        page.navigate("/carts");
        page.getByLabel("New cart").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
        assertThat(page.getByTestId("cart-name")).hasText(name);
    }
}
