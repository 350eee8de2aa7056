package io.b2bportal.crm.satisfaction;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.b2bportal.support.Browser;
import io.b2bportal.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buyer rates a delivery through the link they were sent, and the account manager sees it on the client's
 * satisfaction fragment; the team and analytics pages render for the sales head. Screenshots in both languages.
 */
@PortalTest
class SatisfactionBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Surveys surveys;

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void theBuyerRatesADeliveryAndTheManagerSeesIt() {
        var order = jdbc.sql("""
                        select o.id, o.number, o.company_id from ordering.orders o
                          join platform.user_account u on u.id = o.placed_by
                         where u.email = 'buyer@alpha.demo' order by o.id desc limit 1""")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)}).single();
        long orderId = (long) order[0];
        String number = (String) order[1];
        long company = (long) order[2];
        jdbc.sql("""
                delete from crm.satisfaction_response
                 where request_id in (select id from crm.satisfaction_request where order_id = :o)""")
                .param("o", orderId).update();
        jdbc.sql("delete from crm.satisfaction_request where order_id = :o").param("o", orderId).update();
        String token = surveys.askAfterDelivery(orderId).orElseThrow();
        String comment = "Browser rating " + System.nanoTime();

        try (BrowserContext context = Browser.newContext(base(), "en-US")) {
            Page page = context.newPage();
            Browser.signIn(page, "buyer@alpha.demo");
            page.navigate("/feedback/" + token + "?lang=ru");
            assertThat(page.getByTestId("question")).containsText(number);
            Browser.screenshot(page, "crm-feedback-ru");
            page.navigate("/feedback/" + token + "?lang=en");
            assertThat(page.getByTestId("question")).containsText("How satisfied are you with the delivery of order " + number);
            Browser.screenshot(page, "crm-feedback-en");
            page.getByTestId("score-4").check();
            page.getByLabel("Comment (optional)").fill(comment);
            page.getByTestId("send").click();
            assertThat(page.getByTestId("answered")).containsText("Thank you for your answer!");
            assertThat(page.getByTestId("your-score")).hasText("4");
            Browser.screenshot(page, "crm-feedback-answered-en");
        }

        try (BrowserContext context = Browser.newContext(base(), "en-US")) {
            Page page = context.newPage();
            Browser.signIn(page, "manager@demo.local");
            page.navigate("/admin/crm/clients/" + company + "/satisfaction");
            assertThat(page.getByTestId("comments")).containsText(comment);
            assertThat(page.getByTestId("comments")).containsText(number);
            assertThat(page.getByTestId("delivery-average")).containsText("/ 5");
        }
        assertThat(jdbc.sql("select score from crm.satisfaction_response where comment = :c").param("c", comment)
                .query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void theTeamAndAnalyticsPagesRenderInBothLanguages() {
        try (BrowserContext context = Browser.newContext(base(), "en-US")) {
            Page page = context.newPage();
            Browser.signIn(page, "head@demo.local");
            for (String lang : new String[] {"en", "ru"}) {
                page.navigate("/admin/crm/team?lang=" + lang);
                assertThat(page.getByTestId("departments")).containsText("Продажи — Москва");
                assertThat(page.getByTestId("managers")).containsText("manager2@demo.local");
                Browser.screenshot(page, "crm-team-" + lang);
                page.navigate("/admin/crm/analytics?lang=" + lang);
                assertThat(page.getByTestId("chart")).isVisible();
                assertThat(page.locator("[data-kind=TOTAL]")).isVisible();
                assertThat(page.locator("[data-kind=DEPARTMENT]").first()).isVisible();
                Browser.screenshot(page, "crm-analytics-" + lang);
            }
            page.navigate("/admin/crm/team?lang=en");
            page.getByLabel("Name").last().fill("Browser dept " + System.nanoTime() % 100000);
            page.getByTestId("new-department").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
            assertThat(page.getByTestId("saved")).containsText("created");
        }
    }
}
