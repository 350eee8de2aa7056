package io.b2bportal.catalog;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.b2bportal.support.Browser;
import io.b2bportal.support.PortalTest;
import java.io.IOException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The catalog manager's product pages in a real Chromium, and what a buyer sees afterwards. */
@PortalTest
class CatalogAdminBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    CatalogAdminFixture f;
    BrowserContext context;
    Page page;

    @BeforeEach
    void signIn() {
        f = new CatalogAdminFixture(jdbc);
        context = Browser.newContext("http://localhost:" + port, "en-US");
        page = context.newPage();
        Browser.signIn(page, "catalog@demo.local");
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theCatalogManagerEditsAProductAndTheBuyerSeesNameStockAnalogAndPicture() throws IOException {
        page.navigate("/admin/catalog/products");
        page.getByRole(AriaRole.SEARCHBOX).fill(f.sku);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(page.getByTestId("admin-products").locator("tbody tr")).hasCount(1);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(f.sku)).click();

        page.getByLabel("Name (Russian)").fill("Болт М8×40 обновлённый " + f.id);
        page.getByTestId("save-product").click();
        assertThat(page.getByTestId("saved")).hasText("Saved.");

        page.getByLabel("Склад " + f.warehouse + ": on hand").fill("25");
        page.getByLabel("Склад " + f.warehouse + ": reserved").fill("5");
        page.getByTestId("save-stock").click();
        assertThat(page.getByTestId("stock-saved")).hasText("Stock saved.");
        assertThat(page.locator("tr[data-warehouse='" + f.warehouse + "'] td").last()).hasText("20");

        Locator relation = page.getByTestId("relation-form");
        relation.getByPlaceholder("SKU").fill("NOPE-" + f.id);
        relation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add")).click();
        assertThat(page.getByTestId("relation-form")).containsText("There is no product with the SKU NOPE-" + f.id);
        page.getByTestId("relation-form").getByPlaceholder("SKU").fill(f.other);
        page.getByTestId("relation-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add"))
                .click();
        assertThat(page.getByTestId("relations-ANALOG")).containsText(f.other);

        page.locator("#fileTitle").fill("Упаковка " + f.id);
        page.locator("#file").setInputFiles(new FilePayload("pack.png", "image/png",
                CatalogAdminRelationsAndFilesTests.png(0x2a6fdb)));
        page.getByTestId("upload-file").click();
        assertThat(page.getByTestId("files-saved")).hasText("File added.");
        Browser.screenshot(page, "catalog-admin-product-edit-en");

        BrowserContext buyer = Browser.newContext("http://localhost:" + port, "en-US");
        try {
            Page catalog = buyer.newPage();
            Browser.signIn(catalog, "buyer@alpha.demo");
            catalog.navigate("/catalog/products/" + f.sku);
            assertThat(catalog.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Болт М8×40 обновлённый " + f.id);
            assertThat(catalog.getByTestId("stock")).containsText("Склад " + f.warehouse);
            assertThat(catalog.getByTestId("stock").locator("tbody tr").first()).containsText("20");
            assertThat(catalog.getByTestId("analogs")).containsText("Болт " + f.other);
            assertThat(catalog.getByAltText("Упаковка " + f.id)).isVisible();
            Browser.screenshot(catalog, "catalog-product-after-edit-en");
        } finally {
            buyer.close();
        }
    }

    @Test
    void theTableSortsByAnyColumnAndANewProductTakesTheAttributesOfItsCategory() {
        page.navigate("/admin/catalog/products?category=" + f.parent);
        assertThat(page.getByTestId("result-count")).hasText("2 products");
        page.getByTestId("sort-sku").click();
        assertThat(page).hasURL(Pattern.compile(".*sort=sku&dir=desc.*"));
        assertThat(page.getByTestId("admin-products").locator("tbody tr").first()).containsText(f.other);
        page.navigate("/admin/catalog/products");
        Browser.screenshot(page, "catalog-admin-products-en");

        page.getByTestId("new-product").click();
        assertThat(page.getByTestId("attribute-inputs")).not().containsText("Diameter");
        page.getByLabel("Category").selectOption(String.valueOf(f.category));
        assertThat(page.getByTestId("attribute-inputs")).containsText("Diameter, мм");
        assertThat(page.getByTestId("attribute-inputs")).containsText("Zinc plated");
        page.getByLabel("SKU", new Page.GetByLabelOptions().setExact(true)).fill("bad sku!");
        page.getByLabel("Name (Russian)").fill("Новый болт");
        page.getByLabel("Diameter, мм").fill("восемь");
        page.getByTestId("save-product").click();
        assertThat(page.locator("[data-field='sku']")).containsText("Latin letters, digits");
        assertThat(page.locator("[data-field='attributes[" + f.number + "]']")).hasText("“восемь” is not a number.");
        Browser.screenshot(page, "catalog-admin-product-new-errors-en");

        page.getByLabel("SKU", new Page.GetByLabelOptions().setExact(true)).fill(f.sku.replace("-1", "-B"));
        page.getByLabel("Diameter, мм").fill("8,5");
        page.getByTestId("save-product").click();
        assertThat(page.getByTestId("saved")).containsText("The product is created");
        assertThat(page.getByLabel("Diameter, мм")).hasValue("8.5");
    }

    @Test
    void structurePagesAddAndChangeWarehousesAttributesAndCategorySets() {
        page.navigate("/admin/catalog?lang=ru");
        page.getByTestId("new-warehouse").click();
        page.getByLabel("Код").fill("k-" + f.id);
        page.getByLabel("Наименование").fill("Склад Казань " + f.id);
        page.getByLabel("Адрес").fill("г. Казань, ул. Складская, д. 5");
        page.getByTestId("save").click();
        assertThat(page.getByTestId("changed")).containsText("Склад Казань " + f.id);
        Browser.screenshot(page, "catalog-admin-structure-ru");
        page.getByTestId("structure-warehouses").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("k-" + f.id)).click();
        Browser.screenshot(page, "catalog-admin-warehouse-ru");

        page.navigate("/admin/catalog/attributes/new?lang=en");
        page.getByLabel("Code").fill("pitch_" + f.id);
        page.getByLabel("Name (Russian)").fill("Шаг резьбы");
        page.getByLabel("Name (English)").fill("Thread pitch");
        page.getByLabel("Type").selectOption("NUMBER");
        page.getByLabel("Unit").fill("мм");
        Browser.screenshot(page, "catalog-admin-attribute-en");
        page.getByTestId("save").click();
        assertThat(page.getByTestId("changed")).containsText("Шаг резьбы");

        page.navigate("/admin/catalog/categories/" + f.category);
        page.getByTestId("own-attributes").getByLabel("pitch_" + f.id).check();
        page.getByTestId("save").click();
        assertThat(page.getByTestId("saved")).isVisible();
        assertThat(page.getByTestId("own-attributes").getByLabel("pitch_" + f.id)).isChecked();
        Browser.screenshot(page, "catalog-admin-category-en");
        page.navigate("/admin/catalog/products/" + f.sku);
        assertThat(page.getByTestId("attribute-inputs")).containsText("Thread pitch, мм");
        page.navigate("/admin/catalog/products/" + f.sku + "?lang=ru");
        Browser.screenshot(page, "catalog-admin-product-edit-ru");
    }
}
