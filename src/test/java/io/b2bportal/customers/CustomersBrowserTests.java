package io.b2bportal.customers;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.b2bportal.support.Browser;
import io.b2bportal.support.PortalTest;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Registration, verification by the seller and switching legal entities, in a real Chromium. */
@PortalTest
class CustomersBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    BrowserContext buyerBrowser;
    BrowserContext staffBrowser;

    @BeforeEach
    void openBrowsers() {
        buyerBrowser = Browser.newContext("http://localhost:" + port, "en-US");
        staffBrowser = Browser.newContext("http://localhost:" + port, "en-US");
    }

    @AfterEach
    void closeBrowsers() {
        buyerBrowser.close();
        staffBrowser.close();
    }

    @Test
    void aCompanyRegistersConfirmsItsEmailAndIsVerifiedByTheSeller() {
        String email = "browser-" + UUID.randomUUID() + "@example.com";
        String[] requisites = CustomersIsolationTests.freshRequisites();
        Page buyer = buyerBrowser.newPage();
        buyer.navigate("/login?lang=en");
        buyer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New customer? Register your company")).click();

        buyer.getByLabel("Your name").fill("Мария Новикова");
        buyer.getByLabel("E-mail").fill(email);
        buyer.getByLabel("Phone").fill("+7 495 123-45-67");
        buyer.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("correct horse battery");
        buyer.getByLabel("Repeat the password").fill("correct horse battery");
        buyer.getByLabel("Company (group) name").fill("Группа «Новик»");
        buyer.getByLabel("Full name").fill("ООО «Новик»");
        buyer.getByLabel("INN").fill(requisites[0].substring(0, 9) + ((requisites[0].charAt(9) - '0' + 1) % 10));
        buyer.getByLabel("KPP").fill("770401001");
        buyer.getByLabel("OGRN / OGRNIP").fill(requisites[1]);
        buyer.getByLabel("Legal address").fill("г. Москва, ул. Новая, д. 5");
        buyer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();

        Locator innError = buyer.locator("[data-field='entity.inn']");
        assertThat(innError).containsText("control-digit");
        Browser.screenshot(buyer, "register-inn-error-en");
        buyer.getByLabel("INN").fill(requisites[0]);
        buyer.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("correct horse battery");
        buyer.getByLabel("Repeat the password").fill("correct horse battery");
        buyer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(buyer.getByTestId("register-sent")).containsText(email);

        String mail = jdbc.sql("select body_text from platform.mail_outbox where recipient = :r").param("r", email)
                .query(String.class).single();
        buyer.navigate(mail.replaceAll("(?s).*?(/register/confirm\\?token=[A-Za-z0-9_-]+).*", "$1"));
        assertThat(buyer.getByTestId("register-confirmed")).containsText("E-mail confirmed");
        buyer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in")).click();
        buyer.getByLabel("E-mail").fill(email);
        buyer.getByLabel("Password").fill("correct horse battery");
        buyer.getByLabel("Password").press("Enter");
        buyer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Company").setExact(true)).click();
        Locator row = buyer.getByTestId("entities-table").locator("tr", new Locator.LocatorOptions().setHasText("ООО «Новик»"));
        assertThat(row).containsText("waiting for verification");
        Browser.screenshot(buyer, "company-pending-en");

        Page staff = staffBrowser.newPage();
        Browser.signIn(staff, "head@demo.local");
        staff.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Verification")).click();
        Locator pending = staff.getByTestId("queue-table").locator("tr", new Locator.LocatorOptions().setHasText(requisites[0]));
        Browser.screenshot(staff, "verification-queue-en");
        pending.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
        assertThat(staff.getByRole(AriaRole.STATUS)).containsText("ООО «Новик» approved.");
        assertThat(staff.getByTestId("queue-table")).not().containsText(requisites[0]);

        buyer.reload();
        assertThat(row).containsText("approved");
    }

    @Test
    void aBuyerSwitchesTheLegalEntityAndSeesItsAddresses() {
        Page buyer = buyerBrowser.newPage();
        Browser.signIn(buyer, "buyer@alpha.demo");
        buyer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Company")).click();
        buyer.getByTestId("addresses-link").click();
        assertThat(buyer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Delivery addresses of ООО «Альфа Строй»");

        buyer.waitForLoadState(); // htmx binds the search box once the page's scripts have run
        buyer.getByLabel("Search").fill("Объект №142");
        assertThat(buyer.getByTestId("addresses-table").locator("tbody tr")).hasCount(1);
        Browser.screenshot(buyer, "addresses-search-en");

        buyer.getByTestId("entity-switch").locator("select").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("ООО «Альфа Ремонт»"));
        assertThat(buyer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Delivery addresses of ООО «Альфа Ремонт»");
        assertThat(buyer.getByTestId("addresses-table")).containsText("Мастерская");
        assertThat(buyer).hasURL(Pattern.compile(".*/company/addresses$"));

        buyer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Company").setExact(true)).click();
        assertThat(buyer.getByTestId("entity-switch").locator("select")).hasValue(String.valueOf(
                jdbc.sql("select id from customers.legal_entity where inn = '7704987650'").query(Long.class).single()));
        Browser.screenshot(buyer, "company-en");
    }
}
