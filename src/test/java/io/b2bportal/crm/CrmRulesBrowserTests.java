package io.b2bportal.crm;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.support.Browser;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The "Done when" for rules: the sales head writes a rule in the editor (when an order is placed and its gross
 * is over 100 000 for this client, then a call task for the account manager), a buyer places a real order, the task
 * shows in the account manager's day, where it is completed inline, and the execution in the log.
 */
@PortalTest
class CrmRulesBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformApi platform;
    @Autowired
    OrderingApi ordering;

    TasksFixture fixture;
    BrowserContext headContext;
    BrowserContext managerContext;

    @BeforeEach
    void setUp() {
        fixture = new TasksFixture(jdbc, platform, ordering, new Http(port));
        headContext = Browser.newContext("http://localhost:" + port, "en-US");
        managerContext = Browser.newContext("http://localhost:" + port, "en-US");
    }

    @AfterEach
    void close() {
        headContext.close();
        managerContext.close();
    }

    @Test
    void aRuleWrittenInTheEditorFiresOnARealOrderAndItsTaskIsInTheManagersDay() {
        TasksFixture.Customer customer = fixture.customer("manager@demo.local");
        String sku = fixture.product("2500.00");

        Page head = headContext.newPage();
        Browser.signIn(head, "head@demo.local");
        head.navigate("/admin/crm/rules?lang=en");
        head.getByTestId("new-rule").click();
        head.getByLabel("Name").fill("Big order of " + customer.name());
        // the trigger's fields come with an htmx swap
        head.getByLabel("When").selectOption("CLAIM_OPENED");
        assertThat(head.getByTestId("trigger-fields")).containsText("{remedy}");
        head.getByLabel("When").selectOption("ORDER_PLACED");
        assertThat(head.getByTestId("trigger-fields")).containsText("{gross}");
        Locator conditions = head.getByTestId("conditions").locator("tbody tr");
        conditions.nth(0).locator("select[name='cond.field']").selectOption("gross");
        conditions.nth(0).locator("select[name='cond.op']").selectOption("GT");
        conditions.nth(0).locator("input[name='cond.value']").fill("100000");
        conditions.nth(1).locator("select[name='cond.field']").selectOption("companyId");
        conditions.nth(1).locator("select[name='cond.op']").selectOption("EQ");
        conditions.nth(1).locator("input[name='cond.value']").fill(String.valueOf(customer.companyId()));
        Locator action = head.getByTestId("actions").locator("tbody tr").first();
        action.locator("select[name='act.kind']").selectOption("TASK");
        action.locator("select[name='act.recipient']").selectOption("ACCOUNT_MANAGER");
        action.locator("select[name='act.activityType']").selectOption("CALL");
        action.locator("input[name='act.subject']").fill("Thank for the big order {number} ({gross} RUB)");
        action.locator("input[name='act.dueHours']").fill("2");
        Browser.screenshot(head, "crm-rule-editor-en");
        head.getByTestId("save-rule").click();
        assertThat(head.getByTestId("done")).containsText("created");
        long ruleId = Long.parseLong(head.url().replaceAll(".*/rules/(\\d+).*", "$1"));
        assertThat(head.getByTestId("versions").locator("tbody tr")).hasCount(1);

        // a small order: conditions false, skipped; a big one: the task
        long small = fixture.order(customer, sku, 1);
        long big = fixture.order(customer, sku, 50);
        String number = jdbc.sql("select number from ordering.orders where id = :id").param("id", big)
                .query(String.class).single();
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.outcomes(ruleId, "order-placed:").size() == 2);
        org.assertj.core.api.Assertions.assertThat(fixture.outcomes(ruleId, "order-placed:" + small)).containsExactly("SKIPPED");
        org.assertj.core.api.Assertions.assertThat(fixture.outcomes(ruleId, "order-placed:" + big)).containsExactly("SUCCESS");

        Page manager = managerContext.newPage();
        Browser.signIn(manager, "manager@demo.local");
        manager.navigate("/admin/crm?lang=en");
        String gross = jdbc.sql("select total_gross::text from ordering.orders where id = :id").param("id", big)
                .query(String.class).single();
        String subject = "Thank for the big order " + number + " (" + gross + " RUB)";
        Browser.screenshot(manager, "crm-my-day-en");
        Locator row = manager.locator("tr", new Page.LocatorOptions().setHasText(subject));
        assertThat(row).hasCount(1);
        row.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(subject)).click();
        assertThat(manager.getByTestId("activity-facts")).containsText("Big order of " + customer.name());
        Browser.screenshot(manager, "crm-activity-en");
        manager.goBack();
        // completed inline (htmx), from the keyboard
        row.locator("input[name='outcome']").fill("Called, thanked; next order in a month");
        row.locator("input[name='outcome']").press("Enter");
        assertThat(manager.locator("tr.row--done", new Page.LocatorOptions().setHasText(subject)))
                .containsText("Called, thanked");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                select status || ':' || outcome from crm.activity where rule_id = :rule""").param("rule", ruleId)
                .query(String.class).single()).isEqualTo("DONE:Called, thanked; next order in a month");

        head.navigate("/admin/crm/rules/log?lang=en&ruleId=" + ruleId);
        Locator executions = head.getByTestId("executions").locator("tbody tr");
        assertThat(executions).hasCount(2);
        assertThat(executions.filter(new Locator.FilterOptions().setHasText("order-placed:" + big)))
                .containsText("success");
        assertThat(executions.filter(new Locator.FilterOptions().setHasText("order-placed:" + small)))
                .containsText("skipped");
        Browser.screenshot(head, "crm-rule-log-en");
        head.navigate("/admin/crm/rules?lang=en");
        Browser.screenshot(head, "crm-rules-en");
        head.navigate("/admin/crm/rules/" + ruleId + "?lang=ru");
        assertThat(head.getByTestId("executions").locator("tbody tr")).hasCount(2);
        Browser.screenshot(head, "crm-rule-versions-ru");
    }
}
