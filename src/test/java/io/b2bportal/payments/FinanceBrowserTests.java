package io.b2bportal.payments;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.payments.FinanceFixture.Customer;
import io.b2bportal.payments.credit.CreditControl;
import io.b2bportal.payments.reminders.Reminders;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.support.Browser;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real Chromium: the buyer of a customer on credit hold sees the banner (home, cart) and their statement; the
 * seller's accountant releases the hold on the credit-holds page, and the buyer's banner is gone; the finance pages of
 * the back office (aging, reports, a customer's account) and the notifications page.
 */
@PortalTest
class FinanceBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformApi platform;
    @Autowired
    OrderingApi ordering;
    @Autowired
    DocumentsApi documents;
    @Autowired
    LedgerApi ledger;
    @Autowired
    CreditControl credit;
    @Autowired
    Reminders reminders;

    FinanceFixture fixture;
    BrowserContext context;

    @BeforeEach
    void setUp() {
        fixture = new FinanceFixture(jdbc, platform, ordering, documents, ledger, new Http(port));
        context = Browser.newContext("http://localhost:" + port, "ru-RU");
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theBuyerSeesTheHoldAndTheStatementAndTheAccountantReleasesIt() {
        String sku = fixture.product("4321.00");
        Customer customer = fixture.customer(true);
        InvoiceRef late = fixture.overdueBy(customer, 9, sku);
        InvoiceRef paid = fixture.orderOn(customer, BusinessDate.today().minusDays(20), sku, 2);
        fixture.pay(customer, paid, paid.gross(), BusinessDate.today().minusDays(5));
        fixture.orderOn(customer, BusinessDate.today().minusDays(2), sku, 1);
        credit.evaluate(customer.entityId());
        reminders.run(customer.entityId());
        String due = late.dueOn().format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));

        Page buyer = context.newPage();
        Browser.signIn(buyer, customer.adminEmail());
        buyer.navigate("/?lang=ru");
        assertThat(buyer.getByTestId("credit-hold-banner")).containsText("Кредитная блокировка");
        assertThat(buyer.getByTestId("credit-hold-banner")).containsText(due);
        Browser.screenshot(buyer, "finance-buyer-home-hold-ru");
        buyer.navigate("/cart");
        assertThat(buyer.getByTestId("credit-hold-banner")).isVisible();
        Browser.screenshot(buyer, "finance-buyer-cart-hold-ru");

        // the checkout page shows the hold, and placing the order is refused with the amount and the date
        Http http = new Http(port);
        long cart = FinanceFixture.json(http.postJson("/api/v1/carts", customer.admin(), "{\"name\": \"Hold test\"}"),
                201).get("id").asLong();
        FinanceFixture.json(http.postJson("/api/v1/carts/" + cart + "/lines", customer.admin(),
                "{\"sku\": \"" + sku + "\", \"quantity\": 1}"), 201);
        buyer.navigate("/checkout?cart=" + cart);
        assertThat(buyer.getByTestId("credit-hold-banner")).containsText(due);
        buyer.getByTestId("place-order").click();
        assertThat(buyer.getByTestId("checkout-error")).containsText("кредитной блокировке");
        assertThat(buyer.getByTestId("checkout-error")).containsText(due);
        Browser.screenshot(buyer, "finance-buyer-checkout-refused-ru");

        buyer.navigate("/?lang=ru");
        buyer.getByTestId("credit-hold-banner").getByText("Счета и взаиморасчёты").click();
        buyer.waitForURL(url -> url.contains("/finance"));
        assertThat(buyer.getByTestId("open-invoices")).containsText(late.number());
        assertThat(buyer.getByTestId("open-invoices")).not().containsText(paid.number());
        assertThat(buyer.getByTestId("statement")).containsText(paid.number());
        assertThat(buyer.getByTestId("statement")).containsText("Оплата");
        assertThat(buyer.getByTestId("closing")).hasText(buyer.getByTestId("balance").textContent());
        Browser.screenshot(buyer, "finance-buyer-statement-ru");

        // a bad date in the statement form is refused with the reason, not a stack trace
        buyer.navigate("/finance?from=32.13.2026");
        assertThat(buyer.locator("main")).containsText("32.13.2026");

        BrowserContext staffContext = Browser.newContext("http://localhost:" + port, "en-US");
        Page staff = staffContext.newPage();
        Browser.signIn(staff, "accountant@demo.local");
        staff.navigate("/admin/finance/credit-holds?lang=en");
        var row = staff.getByTestId("holds").locator("tr[data-entity='" + customer.entityId() + "']");
        assertThat(row).containsText(due);
        Browser.screenshot(staff, "finance-credit-holds-en");
        // without a reason the browser does not submit (required); with one it does
        row.getByPlaceholder("Reason (required)").fill("Letter of guarantee: pays on Friday");
        row.getByText("Release").click();
        assertThat(staff.getByTestId("released")).containsText("released");
        assertThat(staff.getByTestId("hold-history").locator("tr[data-entity='" + customer.entityId() + "']"))
                .containsText("Letter of guarantee: pays on Friday");
        Browser.screenshot(staff, "finance-credit-holds-released-en");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                        select count(*) from platform.audit_log where action = 'payments.credit-hold.released'
                           and company_id = :c""").param("c", customer.companyId()).query(Long.class).single())
                .isEqualTo(1);

        buyer.navigate("/");
        assertThat(buyer.getByTestId("credit-hold-banner")).hasCount(0);

        // the back office pages
        staff.navigate("/admin/finance/customers/" + customer.companyId());
        assertThat(staff.getByTestId("open-invoices")).containsText(late.number());
        Browser.screenshot(staff, "finance-admin-customer-en");
        staff.navigate("/admin/finance/aging");
        assertThat(staff.getByTestId("aging").locator("tr[data-entity='" + customer.entityId() + "']")).isVisible();
        Browser.screenshot(staff, "finance-aging-en");
        staff.navigate("/admin/finance/reports?lang=ru");
        assertThat(staff.getByTestId("issued-vs-paid")).isVisible();
        assertThat(staff.getByTestId("chart").first()).isVisible();
        Browser.screenshot(staff, "finance-reports-ru");
        staff.navigate("/admin/finance/reports?groupBy=manager&lang=en");
        assertThat(staff.getByTestId("issued-vs-paid")).containsText("Мария Продажина");
        Browser.screenshot(staff, "finance-reports-by-manager-en");

        // the accountant of the customer: the bell and the notification
        BrowserContext accountantContext = Browser.newContext("http://localhost:" + port, "ru-RU");
        Page accountant = accountantContext.newPage();
        Browser.signIn(accountant, customer.accountantEmail());
        accountant.navigate("/?lang=ru");
        assertThat(accountant.getByTestId("bell-count")).hasText("1");
        accountant.getByTestId("bell").click();
        assertThat(accountant.getByTestId("notifications")).containsText(late.number());
        Browser.screenshot(accountant, "finance-notifications-ru");
        accountant.getByTestId("notifications").getByText("Открыть").click();
        accountant.waitForURL(url -> url.contains("/finance"));
        assertThat(accountant.getByTestId("bell-count")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(ledger.trialBalance()).isEqualByComparingTo(BigDecimal.ZERO);
        staffContext.close();
        accountantContext.close();
    }

    @Test
    void theDemoGammaSeesItsHoldItsRemindersAndItsOverdueInvoice() {
        Page page = context.newPage();
        Browser.signIn(page, "buyer@gamma.demo");
        page.navigate("/?lang=ru");
        assertThat(page.getByTestId("credit-hold-banner")).containsText("Кредитная блокировка");
        assertThat(page.getByTestId("bell-count")).isVisible();
        Browser.screenshot(page, "finance-demo-gamma-home-ru");
        page.navigate("/finance");
        assertThat(page.getByTestId("open-invoices").locator("td.overdue")).not().hasCount(0);
        Browser.screenshot(page, "finance-demo-gamma-statement-ru");
        page.navigate("/notifications");
        assertThat(page.getByTestId("notifications").locator("tbody tr")).hasCount(4);
        Browser.screenshot(page, "finance-demo-gamma-notifications-ru");
    }
}
