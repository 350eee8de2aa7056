package io.b2bportal.ordering;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.b2bportal.support.Browser;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.b2bportal.ordering.CartClient.json;
import static io.b2bportal.ordering.CartClient.unique;
import static io.b2bportal.ordering.OrderFixture.ALPHA_STROY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkout and orders in a real Chromium: two carts merged into one order with a split delivery, reorder, staff
 * shipping part of an order, a sales rep ordering for a customer.
 */
@PortalTest
class OrderBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    BrowserContext context;
    Page page;
    OrderFixture fixture;
    CartClient api;

    @BeforeEach
    void signIn() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        fixture = new OrderFixture(jdbc);
        OrderFixture.acceptAgreement(new Http(port), fixture.entity(ALPHA_STROY));
        api = new CartClient(new Http(port), "buyer@alpha.demo").actingFor(fixture.entity(ALPHA_STROY));
        context = Browser.newContext("http://localhost:" + port, "en-US");
        page = context.newPage();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void twoWorkshopCartsAreCheckedOutAsOneOrderWithOneInvoice() {
        String bolts = fixture.product("6000", 100, false);
        String paint = fixture.product("7000", 2, true);
        String repairName = unique("Repair shop");
        String paintName = unique("Paint shop");
        long repair = api.createCart(repairName);
        long paintShop = api.createCart(paintName);
        api.addLine(repair, bolts, "2");
        api.addLine(paintShop, paint, "5");
        Browser.signIn(page, "buyer@alpha.demo");

        page.navigate("/carts");
        page.getByLabel("Check out the cart " + repairName).check();
        page.getByLabel("Check out the cart " + paintName).check();
        page.getByTestId("checkout-selected").click();

        Locator lines = page.getByTestId("checkout-lines");
        assertThat(lines.locator("tbody tr")).hasCount(2);
        assertThat(page.getByLabel("One order, one invoice")).isChecked();
        assertThat(page.getByTestId("payment-terms")).containsText("deferral of 30 days");
        page.getByLabel("Your PO number").fill("PO-WORKSHOPS");
        page.getByLabel("Comment").fill("Both workshops, one invoice");
        page.getByTestId("split").locator("summary").click();
        page.getByLabel("SKU of split row 1").selectOption(bolts);
        page.getByLabel("Address of split row 1").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Объект «Пречистенка» — 119034, г. Москва, ул. Пречистенка, д. 10"));
        page.getByLabel("Quantity of split row 1").fill("1");
        page.getByTestId("split-add-row").click();
        assertThat(page.getByLabel("Quantity of split row 4")).isEmpty();
        Browser.screenshot(page, "orders-checkout-en");
        page.getByTestId("place-order").dblclick();

        page.waitForURL(Pattern.compile(".*/orders/\\d{4}-\\d{6}$"));
        assertThat(page.getByTestId("placed")).containsText("placed");
        assertThat(page.getByTestId("order-lines").locator("tbody tr")).hasCount(3);
        assertThat(page.getByTestId("order-lines").locator("tr[data-sku='" + bolts + "']").nth(1))
                .containsText("to Объект «Пречистенка»");
        assertThat(page.getByTestId("backordered")).containsText("3 by");
        assertThat(page.getByTestId("order-facts")).containsText("PO-WORKSHOPS");
        Browser.screenshot(page, "orders-order-en");
        String number = page.url().replaceAll(".*/orders/", "");
        List<Long> carts = jdbc.sql("select unnest(source_cart_ids) from ordering.orders where po_number = 'PO-WORKSHOPS'"
                + " and number = :n").param("n", number).query(Long.class).list();
        assertThat(carts).containsExactlyInAnyOrder(repair, paintShop);
        assertThat(jdbc.sql("select count(*) from ordering.orders where po_number = 'PO-WORKSHOPS' and "
                + "source_cart_ids && cast(:ids as bigint[])").param("ids", new Long[] {repair, paintShop})
                .query(Long.class).single()).as("a double click places one order").isEqualTo(1);
        assertThat(api.lines(repair)).isEmpty();
    }

    @Test
    void aBuyerFindsAnOrderInTheHistoryAndOrdersChosenLinesAgain() {
        String first = fixture.product("20000", 10, false);
        String second = fixture.product("20000", 10, false);
        String number = json(api.post("/api/v1/orders", """
                {"lines": [{"sku": "%s", "quantity": 2}, {"sku": "%s", "quantity": 3}]}""".formatted(first, second)),
                201).get("orders").get(0).get("number").asString();
        String cartName = unique("Again");
        long cart = api.createCart(cartName);
        Browser.signIn(page, "buyer@alpha.demo");

        page.navigate("/orders");
        page.getByLabel("Number or PO").fill(number);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.getByTestId("orders-table").locator("tbody tr")).hasCount(1);
        Browser.screenshot(page, "orders-history-en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number)).click();

        page.getByLabel("Select " + second).check();
        page.getByLabel("Into the cart").selectOption(String.valueOf(cart));
        page.getByTestId("reorder-chosen").click();

        page.waitForURL("**/carts/" + cart);
        assertThat(page.getByTestId("done")).containsText("1 lines added to the cart \"" + cartName + "\"");
        assertThat(page.getByTestId("cart-lines").locator("tbody tr")).hasCount(1);
        assertThat(api.lines(cart)).containsExactly(second + "=3");
    }

    @Test
    void operationsShipPartOfAnOrderAndTheRestLater() {
        String sku = fixture.product("20000", 10, false);
        String number = json(api.post("/api/v1/orders", OrderApiTests.lines(sku, "8")), 201).get("orders").get(0)
                .get("number").asString();
        Browser.signIn(page, "ops@demo.local");

        page.navigate("/admin/orders?q=" + number);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start fulfilment")).click();
        page.getByLabel("Quantity of " + sku + " to ship now").fill("5");
        Browser.screenshot(page, "orders-admin-ship-en");
        page.getByTestId("ship").click();

        assertThat(page.getByTestId("order-status")).hasText("partially shipped");
        assertThat(page.getByTestId("shipments")).containsText(sku + " × 5");
        assertThat(page.getByLabel("Quantity of " + sku + " to ship now")).hasValue("3");
        page.getByTestId("ship").click();
        assertThat(page.getByTestId("order-status")).hasText("shipped");
        assertThat(fixture.onHand(sku)).isEqualByComparingTo("2");
        Browser.screenshot(page, "orders-admin-shipped-en");
    }

    @Test
    void aSalesRepPlacesAnOrderForACustomerByPhone() {
        String sku = fixture.product("20000", 10, false);
        context.close();
        context = Browser.newContext("http://localhost:" + port, "ru-RU");
        page = context.newPage();
        Browser.signIn(page, "manager@demo.local");
        page.navigate("/admin/orders?lang=ru");
        Browser.screenshot(page, "orders-admin-queue-ru");

        page.getByTestId("on-behalf-link").click();
        page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("7704123450"))
                .getByRole(AriaRole.LINK).click();
        page.getByLabel("Строки: артикул и количество, по одной в строке").fill(sku + " 0\n");
        page.getByTestId("place-order").click();
        assertThat(page.getByTestId("checkout-error")).containsText(sku);
        page.getByLabel("Строки: артикул и количество, по одной в строке").fill(sku + "\t3\n");
        page.getByLabel("Ваш номер заказа").fill("по телефону");
        Browser.screenshot(page, "orders-on-behalf-ru");
        page.getByTestId("place-order").click();

        page.waitForURL(Pattern.compile(".*/admin/orders/\\d{4}-\\d{6}$"));
        assertThat(page.getByTestId("order-facts")).containsText("за клиента");
        assertThat(page.getByTestId("order-lines")).containsText(sku);
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("3");
    }
}
