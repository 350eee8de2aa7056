package io.b2bportal.ordering;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.b2bportal.ordering.standing.Schedule;
import io.b2bportal.ordering.standing.StandingOrderRunner;
import io.b2bportal.support.Browser;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.b2bportal.ordering.CartClient.unique;
import static io.b2bportal.ordering.OrderFixture.ALPHA_STROY;

/** A buyer sets up a standing order from a cart, and answers an occurrence held because a price rose. */
@PortalTest
class StandingOrderBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StandingOrderRunner runner;
    BrowserContext context;
    Page page;
    OrderFixture fixture;
    CartClient api;

    @BeforeEach
    void signIn() {
        fixture = new OrderFixture(jdbc);
        OrderFixture.acceptAgreement(new Http(port), fixture.entity(ALPHA_STROY));
        api = new CartClient(new Http(port), "buyer@alpha.demo").actingFor(fixture.entity(ALPHA_STROY));
        context = Browser.newContext("http://localhost:" + port, "en-US");
        page = context.newPage();
        Browser.signIn(page, "buyer@alpha.demo");
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aCartBecomesAMonthlyStandingOrderWhoseHeldOccurrenceTheBuyerPlaces() {
        String sku = fixture.product("15000", 100, false);
        String name = unique("Monthly bolts");
        long cart = api.createCart(name);
        api.addLine(cart, sku, "1");
        LocalDate first = Schedule.monthly(15).after(LocalDate.now().plusMonths(3));

        page.navigate("/carts/" + cart);
        page.getByTestId("repeat-link").click();
        Locator form = page.getByTestId("standing-form");
        form.getByLabel("monthly on day").check();
        form.getByLabel("Day of the month").selectOption("15");
        form.getByLabel("First date").fill(first.toString());
        form.getByLabel("Place without asking unless a price rose more than, %").fill("3");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set up")).click();

        assertThat(page.getByTestId("standing-status")).hasText("active");
        assertThat(page.getByTestId("standing-lines")).containsText(sku);
        assertThat(page.getByTestId("schedule-form").getByLabel("Next date")).hasValue(first.toString());

        jdbc.sql("""
                        update pricing.price set amount = 16000
                         where product_id = (select id from catalog.product where sku = :sku)
                           and price_list_id = (select price_list_id from pricing.price_type where code = 'base')""")
                .param("sku", sku).update();
        runner.runDue(first);
        page.reload();
        Locator occurrence = page.getByTestId("occurrence-" + first);
        assertThat(occurrence).containsText("waits for you");
        assertThat(occurrence).containsText(sku + ": the unit price rose from");
        Browser.screenshot(page, "standing-order-review-en");

        occurrence.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Place at today's prices")).click();
        assertThat(page.getByTestId("occurrence-" + first)).containsText("placed");
        page.getByTestId("occurrence-" + first).getByRole(AriaRole.LINK).click();
        assertThat(page.locator("main")).containsText("standing order");
        page.navigate("/standing-orders");
        assertThat(page.getByTestId("standing-orders")).containsText(name);
        Browser.screenshot(page, "standing-orders-en");
    }
}
