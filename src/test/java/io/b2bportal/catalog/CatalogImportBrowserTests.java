package io.b2bportal.catalog;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.b2bportal.support.Browser;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The catalog manager's import: a dry run finds a bad row, the fixed file passes, apply writes it. */
@PortalTest
class CatalogImportBrowserTests {

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
    void theCatalogManagerFixesARowAfterTheDryRunAndApplies() {
        ImportFixture f = new ImportFixture(new Http(port), jdbc);
        String header = "sku;name;category;vat_rate\r\n";
        String good = f.sku(1) + ";Болт М8;" + f.category + ";22\r\n";
        context = Browser.newContext("http://localhost:" + port, "en-US");
        Page page = context.newPage();
        page.navigate("/login");
        page.getByLabel("E-mail").fill("catalog@demo.local");
        page.getByLabel("Password").fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        page.navigate("/admin/catalog/imports");
        page.getByLabel("File").setInputFiles(new FilePayload("products.csv", "text/csv",
                (header + good + f.sku(2) + ";Гайка М8;" + f.category + ";18\r\n").getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();

        assertThat(page.getByTestId("job-status")).hasText("failed");
        assertThat(page.getByTestId("rows-table")).containsText("row 3: vat_rate 18 is not one of 22, 10, 0, EXEMPT");
        assertThat(page.getByTestId("apply")).hasCount(0);
        Browser.screenshot(page, "catalog-import-dry-run-error-en");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Imports")).click();
        page.getByLabel("File").setInputFiles(new FilePayload("products.csv", "text/csv",
                (header + good + f.sku(2) + ";Гайка М8;" + f.category + ";10\r\n").getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.getByTestId("job-status")).hasText("checked, ready to apply");
        assertThat(page.getByTestId("count-created")).hasText("2");
        page.getByTestId("apply").click();

        assertThat(page.getByTestId("job-status")).hasText("done");
        org.assertj.core.api.Assertions.assertThat(f.products()).isEqualTo(2);
        Browser.screenshot(page, "catalog-import-done-en");
    }
}
