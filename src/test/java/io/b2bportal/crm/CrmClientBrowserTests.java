package io.b2bportal.crm;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.b2bportal.support.Browser;
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
 * The account manager's client card in a real Chromium: the client list, the card of Alpha with the timeline built
 * from the demo's orders, invoices, payments and claims, filtered by kind (in the URL), and an entry clicked through
 * to its object.
 */
@PortalTest
class CrmClientBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    BrowserContext context;

    @BeforeEach
    void setUp() {
        context = Browser.newContext("http://localhost:" + port, "en-US");
        // the demo's events reach the timeline after the seeding commits
        await().atMost(Duration.ofSeconds(60)).until(() -> CrmClientFixture.kinds(jdbc, alpha())
                .containsAll(java.util.List.of("ORDER", "INVOICE", "PAYMENT", "CLAIM")));
    }

    @AfterEach
    void close() {
        context.close();
    }

    long alpha() {
        return CrmClientFixture.company(jdbc, "Группа «Альфа»");
    }

    @Test
    void theTimelineShowsAnOrderAnInvoiceAPaymentAndAClaimOfOneClient() {
        Page page = context.newPage();
        Browser.signIn(page, "manager@demo.local");
        page.navigate("/admin/crm/clients?lang=en");
        Locator list = page.getByTestId("crm-clients");
        assertThat(list).containsText("Группа «Альфа»");
        assertThat(list).containsText("ООО «Бета Инструмент»");
        assertThat(list).not().containsText("ИП Гаммова");
        Browser.screenshot(page, "crm-clients-list");

        list.getByText("Группа «Альфа»").click();
        assertThat(page.getByTestId("crm-client-name")).hasText("Группа «Альфа»");
        Locator timeline = page.getByTestId("crm-timeline");
        assertThat(page.getByTestId("crm-contacts")).containsText("Строева Марина Олеговна");
        assertThat(page.getByTestId("on-behalf-start")).isVisible();
        Browser.screenshot(page, "crm-client-card");

        // older entries page in below (keyset), none twice
        assertThat(timeline.locator("li.crm-entry")).hasCount(25);
        page.getByTestId("crm-timeline-older").click();
        page.waitForCondition(() -> timeline.locator("li.crm-entry").count() > 25);
        java.util.List<String> ids = timeline.locator("li.crm-entry").evaluateAll(
                "items => items.map(i => i.dataset.entry)") instanceof java.util.List<?> shown
                ? shown.stream().map(String::valueOf).toList() : java.util.List.of();
        org.assertj.core.api.Assertions.assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(25);

        // an order, an invoice, a payment and a claim of this client on its timeline (other tests add newer entries
        // for Alpha, so page back as a manager would until each kind shows)
        for (String kind : java.util.List.of("ORDER", "INVOICE", "PAYMENT", "CLAIM")) {
            for (int more = 0; more < 40 && timeline.locator("li[data-kind=" + kind + "]").count() == 0; more++) {
                int shownNow = timeline.locator("li.crm-entry").count();
                page.getByTestId("crm-timeline-older").click();
                page.waitForCondition(() -> timeline.locator("li.crm-entry").count() > shownNow);
            }
            assertThat(timeline.locator("li[data-kind=" + kind + "]").first()).isVisible();
        }

        // a kind at a time, the filter in the URL
        timeline.locator("a.crm-chip[data-kind=PAYMENT]").click();
        page.waitForURL(url -> url.contains("kind=PAYMENT"));
        assertThat(page.getByTestId("crm-timeline").locator("li.crm-entry").first()).hasAttribute("data-kind", "PAYMENT");
        assertThat(page.getByTestId("crm-timeline").locator("li.crm-entry:not([data-kind=PAYMENT])")).hasCount(0);
        assertThat(page.getByTestId("crm-timeline")).containsText("Payment of");

        page.getByTestId("crm-timeline").locator("a.crm-chip[data-kind=CLAIM]").click();
        page.waitForURL(url -> url.contains("kind=CLAIM"));
        Locator claims = page.getByTestId("crm-timeline").locator("li.crm-entry[data-kind=CLAIM]");
        assertThat(claims.first()).isVisible();
        assertThat(page.getByTestId("crm-timeline").locator("li.crm-entry:not([data-kind=CLAIM])")).hasCount(0);
        Browser.screenshot(page, "crm-client-timeline-claims");

        // the filter survives a reload (it is in the URL)
        page.reload();
        assertThat(page.getByTestId("crm-timeline").locator("a.crm-chip[data-kind=CLAIM]"))
                .hasAttribute("aria-current", "true");

        // click through to the claim
        String claimText = claims.first().locator("a.crm-entry__text").textContent();
        claims.first().locator("a.crm-entry__text").click();
        page.waitForURL(url -> url.matches(".*/admin/claims/\\d+$"));
        String number = claimText.replaceAll("^Claim (\\S+?):?\\s.*$", "$1");
        assertThat(page.locator("h1")).containsText(number);

        // and back, an order of the timeline to its order page
        page.goBack();
        page.getByTestId("crm-timeline").locator("a.crm-chip[data-kind=ORDER]").click();
        page.waitForURL(url -> url.contains("kind=ORDER"));
        Locator order = page.getByTestId("crm-timeline").locator("li.crm-entry[data-kind=ORDER] a.crm-entry__text").first();
        String orderText = order.textContent();
        order.click();
        page.waitForURL(url -> url.matches(".*/admin/orders/[0-9-]+$"));
        assertThat(page.locator("h1")).containsText(orderText.replaceAll("^Order (\\S+) .*$", "$1"));
    }
}
