package io.b2bportal.pricing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.b2bportal.support.Browser;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The pricing manager uploads a price file, reads the diff of old and new prices, applies it and exports the list. */
@PortalTest
class PricingImportBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aPriceFileIsCheckedShownAsADiffAppliedAndExported() throws Exception {
        PriceImportFixture f = new PriceImportFixture(new Http(port), jdbc, 3);
        f.price(1, "1", "100");
        f.price(1, "10", "90");
        f.price(2, "1", "50");
        context = Browser.newContext("http://localhost:" + port, "en-US");
        Page page = context.newPage();
        Browser.signIn(page, "catalog@demo.local");

        page.navigate("/admin/pricing/imports");
        page.getByLabel("Price list").selectOption(f.list);
        page.getByLabel("File", new Page.GetByLabelOptions().setExact(true)).setInputFiles(new FilePayload("prices.csv", "text/csv", ("sku;price;min_qty\r\n"
                + f.sku(1) + ";110.50;1\r\n" + f.sku(1) + ";90;10\r\n" + f.sku(2) + ";49.90;1\r\n" + f.sku(3) + ";20;1\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();

        assertThat(page.getByTestId("job-status")).hasText("checked, ready to apply");
        String job = page.url();
        Locator changed = page.locator("tr[data-outcome=UPDATED]").filter(new Locator.FilterOptions().setHasText(f.sku(1)));
        assertThat(changed.getByTestId("old-value")).hasText("100.00");
        assertThat(changed.getByTestId("new-value")).hasText("110.50");
        assertThat(changed).containsText("+10.5 %");
        assertThat(page.locator("tr[data-outcome=UPDATED]").filter(new Locator.FilterOptions().setHasText(f.sku(2))))
                .containsText("−0.2 %");
        assertThat(page.locator("tr[data-outcome=CREATED]")).containsText(f.sku(3));
        assertThat(page.locator("tr[data-outcome=UNCHANGED]")).containsText("90.00");
        assertThat(page.getByTestId("count-updated")).hasText("2");
        Browser.screenshot(page, "pricing-import-diff-en");

        page.getByTestId("apply").click();
        assertThat(page.getByTestId("job-status")).hasText("done");
        Browser.screenshot(page, "pricing-import-done-en");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Price imports")).click();
        Download download = page.waitForDownload(() -> page.getByTestId("export-" + f.list + "-csv").click());
        String exported = Files.readString(download.path(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(exported.lines()).contains(
                f.sku(1) + ";Саморез 1;1;110,50", f.sku(1) + ";Саморез 1;10;90,00", f.sku(2) + ";Саморез 2;1;49,90",
                f.sku(3) + ";Саморез 3;1;20,00");
        Browser.screenshot(page, "pricing-imports-en");

        page.navigate(job + "?lang=ru");
        assertThat(page.getByTestId("job-status")).hasText("готово");
        Browser.screenshot(page, "pricing-import-done-ru");
    }
}
