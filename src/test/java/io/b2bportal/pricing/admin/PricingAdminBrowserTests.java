package io.b2bportal.pricing.admin;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.b2bportal.support.Browser;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.b2bportal.pricing.admin.AdminCalls.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

/** The pricing back office in a real Chromium: a price edited in its row, a derived type, a promotion on the calendar. */
@PortalTest
class PricingAdminBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    BrowserContext context;
    Page page;

    @BeforeEach
    void signIn() {
        context = Browser.newContext("http://localhost:" + port, "en-US");
        page = context.newPage();
        page.onDialog(dialog -> dialog.accept());
        Browser.signIn(page, CATALOG);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aPricingManagerEditsAPriceAndItsTiersInPlace() {
        AdminCalls api = new AdminCalls(port);
        String list = api.newList("browser");
        List<String> skus = List.of(AdminCalls.sku(jdbc, "bolts", 10), AdminCalls.sku(jdbc, "bolts", 11),
                AdminCalls.sku(jdbc, "nuts", 10));
        for (String sku : skus) {
            api.put(CATALOG, "/api/v1/admin/pricing/price-lists/" + list + "/prices",
                    "{\"sku\":\"" + sku + "\",\"tiers\":[{\"minQty\":1,\"amount\":25.40},{\"minQty\":100,\"amount\":23.9}]}");
        }
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pricing").setExact(true)).click();
        Browser.screenshot(page, "pricing-admin-price-lists-en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(list)).click();
        String sku = skus.getFirst();
        Locator row = page.locator("#price-" + AdminCalls.productId(jdbc, sku));
        assertThat(row.getByTestId("price-from-1")).hasText("25.40");

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit the prices of " + sku)).click();
        Locator form = row.getByTestId("tier-form");
        settled();
        form.getByLabel("Price of tier 1").fill("1,5");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(form).containsText("use a point for decimals");
        Browser.screenshot(page, "pricing-admin-price-row-error-en");

        form.getByLabel("Price of tier 1").fill("24.90");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("+ tier")).click();
        // the new row autofocuses its first price when htmx settles: typing before that lands in the wrong field
        form.getByLabel("Quantity of tier 3").waitFor();
        settled();
        form.getByLabel("Quantity of tier 3").fill("500");
        form.getByLabel("Price of tier 3").fill("22.5");
        // the row was swapped in by "+ tier": Enter submits through htmx only once htmx has taken the new form over
        settled();
        Browser.screenshot(page, "pricing-admin-price-row-edit-en");
        form.getByLabel("Price of tier 3").press("Enter");

        assertThat(row.getByTestId("price-from-1")).hasText("24.90");
        assertThat(row.getByTestId("tiers")).hasText(Pattern.compile("from 100: 23\\.90\\s*from 500: 22\\.50"));
        assertThat(amounts(list, sku)).containsExactly(new BigDecimal("24.9000"), new BigDecimal("23.9000"),
                new BigDecimal("22.5000"));

        page.getByLabel("Percent").fill("+3");
        page.getByLabel("Only the category").selectOption("nuts");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        assertThat(page.getByTestId("adjusted")).hasText("2 prices changed by +3\u00a0%.");
        Browser.screenshot(page, "pricing-admin-price-list-en");
    }

    @Test
    void aDerivedPriceTypeAndAPromotionAreCreatedAndThePromotionIsOnTheCalendar() {
        String type = AdminCalls.code("dealer");
        page.navigate("/admin/pricing/price-types");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New price type")).click();
        page.getByLabel("Code").fill(type);
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Дилерская");
        page.getByLabel("Name in English").fill("Dealer");
        page.getByLabel("derived from another price type").check();
        page.getByLabel("From price type").selectOption("base");
        page.getByLabel("Adjust by").selectOption("PERCENT");
        page.getByLabel("Value").fill("-15");
        page.getByLabel("Rounding").selectOption("ROUBLE");
        Browser.screenshot(page, "pricing-admin-price-type-form-en");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

        Locator typeRow = page.locator("#type-" + type);
        assertThat(typeRow).containsText(Pattern.compile("base\\s*\u221215\\s*%, to whole roubles"));
        assertThat(typeRow.getByTestId("chain")).hasText(Pattern.compile(type + "\\s*→\\s*base\\s*→\\s*list base"));
        Browser.screenshot(page, "pricing-admin-price-types-en");

        String name = AdminCalls.code("Bolt days");
        LocalDate start = LocalDate.now(ZoneId.of("Europe/Moscow"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Promotions").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New promotion")).click();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Starts").fill(start + "T00:00");
        page.getByLabel("Ends").fill(start.plusDays(10) + "T00:00");
        page.getByLabel("customer groups").check();
        page.getByLabel("Дилеры").check();
        page.getByLabel("Categories").selectOption("bolts");
        page.getByLabel("Value").fill("-5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#value")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByTestId("value-error")).hasText("The value cannot be negative: a discount is entered as a positive number.");
        Browser.screenshot(page, "pricing-admin-promotion-form-error-en");
        page.getByLabel("Value").fill("7.5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

        Locator promotions = page.getByTestId("promotions-table");
        assertThat(promotions).containsText(name);
        assertThat(promotions.locator("tr", new Locator.LocatorOptions().setHasText(name))).containsText("running");
        Browser.screenshot(page, "pricing-admin-promotions-en");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Calendar").setExact(true)).click();
        long id = jdbc.sql("select id from pricing.promotion where name = :n").param("n", name).query(Long.class).single();
        Locator bar = page.getByTestId("bar-" + id);
        assertThat(bar).hasText(name);
        assertThat(page.getByTestId("today")).hasText(String.valueOf(start.getDayOfMonth()));
        var today = page.getByTestId("today").boundingBox();
        var box = bar.boundingBox();
        assertThat(box.x).isLessThanOrEqualTo(today.x + 1);
        assertThat(box.x + box.width).isGreaterThan(today.x + today.width);
        Browser.screenshot(page, "pricing-admin-calendar-en");
    }

    @Test
    void contractPricesAreFoundByCustomerAndEditedInPlaceInRussian() {
        long beta = jdbc.sql("select id from customers.legal_entity where inn = '5027123457'").query(Long.class).single();
        String sku = AdminCalls.sku(jdbc, "hand-tools", 0);
        new AdminCalls(port).put(AdminCalls.ADMIN, "/api/v1/admin/pricing/contract-prices/" + beta,
                "{\"sku\":\"" + sku + "\",\"amount\":990}");
        Page head = context.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port).setLocale("ru-RU").setViewportSize(1366, 800)).newPage();
        Browser.signIn(head, "head@demo.local");
        head.navigate("/admin/pricing/contract-prices?lang=ru");
        head.getByTestId("entity-search").fill("Бета");
        head.getByTestId("entity-choices").getByRole(AriaRole.LINK).first().click();
        Locator row = head.locator("#cp-" + AdminCalls.productId(jdbc, sku));
        assertThat(row).containsText("990,00");

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Изменить цены " + sku)).click();
        row.getByLabel("Цена").fill("1 050,5");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Сохранить")).click();
        assertThat(row).containsText("1\u00a0050,50");
        Browser.screenshot(head, "pricing-admin-contract-prices-ru");
        head.context().close();
        assertThat(jdbc.sql("""
                        select amount from pricing.contract_price where legal_entity_id = :e
                           and product_id = (select id from catalog.product where sku = :s)""")
                .param("e", beta).param("s", sku).query(BigDecimal.class).single()).isEqualByComparingTo("1050.5");
    }

    @Test
    void theAccountManagerPreviewsTheirClientsPricesWithTheReasons() {
        context.close();
        context = Browser.newContext("http://localhost:" + port, "en-US");
        page = context.newPage();
        Browser.signIn(page, AdminCalls.MANAGER);
        page.navigate("/admin/pricing/preview");
        page.getByTestId("preview-entity-search").fill("Бета");
        page.getByTestId("preview-choices").getByRole(AriaRole.LINK).first().click();

        Locator table = page.getByTestId("preview-table");
        assertThat(table.locator("tbody tr").first()).isVisible();
        assertThat(page.getByTestId("preview-terms")).containsText("dealer");
        Browser.screenshot(page, "pricing-admin-preview-en");
        page.getByPlaceholder("SKU, name or brand").fill("BLT");
        page.getByPlaceholder("SKU, name or brand").press("Enter");
        assertThat(table.getByTestId("preview-gross").first()).hasText(Pattern.compile("\\d+\\.\\d{2}"));
        Browser.screenshot(page, "pricing-admin-preview-bolts-en");
    }

    private List<BigDecimal> amounts(String list, String sku) {
        return jdbc.sql("""
                        select amount from pricing.price
                         where price_list_id = (select id from pricing.price_list where code = :l)
                           and product_id = (select id from catalog.product where sku = :sku) order by min_qty""")
                .param("l", list).param("sku", sku).query(BigDecimal.class).list();
    }

    /** Waits until htmx has finished swapping and settling, so a form it swapped in is wired before it is used. */
    private void settled() {
        page.waitForFunction("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')");
    }
}
