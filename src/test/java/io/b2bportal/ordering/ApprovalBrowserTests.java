package io.b2bportal.ordering;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.b2bportal.support.Browser;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
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

/** An order above the buyer's limit waits; the approver lowers a quantity and approves it in a real Chromium. */
@PortalTest
class ApprovalBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    BrowserContext context;
    OrderFixture fixture;
    long buyerId;

    @BeforeEach
    void setUp() {
        fixture = new OrderFixture(jdbc);
        buyerId = fixture.user("buyer@alpha.demo");
        OrderFixture.acceptAgreement(new Http(port), fixture.entity(ALPHA_STROY));
        context = Browser.newContext("http://localhost:" + port, "en-US");
    }

    @AfterEach
    void close() {
        jdbc.sql("delete from customers.approval_limit where user_id = :user").param("user", buyerId).update();
        context.close();
    }

    @Test
    void theApproverLowersAQuantityAndApproves() {
        jdbc.sql("""
                        insert into customers.approval_limit (company_id, user_id, per_order, updated_by)
                        values (:company, :user, 20000, :user)""")
                .param("company", fixture.company(ALPHA_STROY)).param("user", buyerId).update();
        CartClient buyer = new CartClient(new Http(port), "buyer@alpha.demo").actingFor(fixture.entity(ALPHA_STROY));
        String sku = fixture.product("12000", 10, false);
        long cart = buyer.createCart(unique("Big one"));
        buyer.addLine(cart, sku, "4");
        String number = json(buyer.post("/api/v1/orders", "{\"cartIds\": [" + cart + "]}"), 201).get("orders").get(0)
                .get("number").asString();

        Page page = context.newPage();
        Browser.signIn(page, "approver@alpha.demo");
        page.navigate("/orders");
        page.getByTestId("approvals-link").click();
        page.getByTestId("approvals").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(number)).click();
        assertThat(page.getByTestId("approval-panel")).containsText("Waiting for your approval");
        page.getByLabel("Quantity of " + sku).fill("3");
        page.getByTestId("change-submit").click();
        assertThat(page.getByTestId("approval-done")).containsText("priced again");
        assertThat(page.locator("main")).containsText("quantities changed");
        Browser.screenshot(page, "approval-order-en");

        page.getByTestId("approve-form").getByLabel("Comment").fill("three will do");
        page.getByTestId("approve-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))
                .click();
        assertThat(page.getByTestId("approval-done")).containsText("the order is placed");
        assertThat(page.locator("main")).containsText("three will do");
        org.assertj.core.api.Assertions.assertThat(fixture.reserved(sku)).isEqualByComparingTo("3");
    }
}
