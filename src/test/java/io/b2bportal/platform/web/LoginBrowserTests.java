package io.b2bportal.platform.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.b2bportal.support.Browser;
import io.b2bportal.support.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Signing in and out, switching language and creating an API key, in a real Chromium. */
@PortalTest
class LoginBrowserTests {

    @LocalServerPort
    int port;
    BrowserContext context;
    Page page;

    @BeforeEach
    void openBrowser() {
        context = Browser.newContext("http://localhost:" + port, "ru-RU");
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    @Test
    void aBuyerSignsInSwitchesToEnglishAndSignsOut() {
        page.navigate("/");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Вход в портал");
        Browser.screenshot(page, "login-ru");

        page.getByLabel("Эл. почта").fill("buyer@alpha.demo");
        page.getByLabel("Пароль").fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/(\\?continue)?$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Здравствуйте, Борис Закупкин");
        Browser.screenshot(page, "buyer-home-ru");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("EN").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Welcome, Борис Закупкин");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        Browser.screenshot(page, "buyer-home-en");

        page.getByTestId("logout").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?logout$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You have signed out.");

        page.navigate("/");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
    }

    @Test
    void aStaffMemberLandsInTheBackOffice() {
        page.navigate("/login?lang=en");
        page.getByLabel("E-mail").fill("manager@demo.local");
        page.getByLabel("Password").fill("demo");
        page.getByLabel("Password").press("Enter");

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Back office — Иван Менеджеров");
        assertThat(page.getByTestId("staff-table").locator("tbody tr")).hasCount(7);
        Browser.screenshot(page, "staff-home-en");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("RU").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Команда"))).isVisible();

        page.getByTestId("logout").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Вы вышли из портала.");
    }

    @Test
    void aWrongPasswordShowsTheErrorAndKeepsTheEmail() {
        page.navigate("/login?lang=en");
        page.getByLabel("E-mail").fill("approver@alpha.demo");
        page.getByLabel("Password").fill("wrong password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.getByTestId("login-error")).hasText("Wrong e-mail or password.");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?error=credentials$"));
        Browser.screenshot(page, "login-error-en");
    }

    @Test
    void aUserCreatesAnApiKeyThatIsShownOnceAndRevokesIt() {
        page.navigate("/login?lang=en");
        page.getByLabel("E-mail").fill("admin@alpha.demo");
        page.getByLabel("Password").fill("demo");
        page.getByLabel("Password").press("Enter");
        page.getByTestId("whoami").click();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
        assertThat(page.locator(".field-error")).hasText("Fill in this field.");

        page.getByLabel("Name").fill("Browser ERP key");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
        assertThat(page.getByTestId("issued-key").locator("code")).containsText("bpk_");
        Browser.screenshot(page, "api-keys-en");

        page.reload();
        assertThat(page.getByTestId("issued-key")).hasCount(0);
        var row = page.getByTestId("api-keys-table").locator("tr", new com.microsoft.playwright.Locator.LocatorOptions()
                .setHasText("Browser ERP key"));
        row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Revoke")).click();
        assertThat(row).containsText("revoked");
    }

    @Test
    void anUnknownPageHelpsTheUserBackHome() {
        page.navigate("/login?lang=en");
        page.getByLabel("E-mail").fill("buyer@beta.demo");
        page.getByLabel("Password").fill("demo");
        page.getByLabel("Password").press("Enter");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/(\\?continue)?$"));

        page.navigate("/no-such-section/does-not-exist");
        assertThat(page.getByTestId("error-page")).containsText("Page not found");
        Browser.screenshot(page, "not-found-en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the portal home")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/(\\?continue)?$"));
    }

    @Test
    void theApiDocumentationRendersUnderTheContentSecurityPolicy() {
        page.navigate("/api/docs");

        // the first /v3/api-docs builds the whole document; give a loaded machine time
        assertThat(page.locator(".swagger-ui .info .title")).containsText("B2B Portal API",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(page.locator("section.swagger-ui")).containsText("/api/v1/me");
        Browser.screenshot(page, "api-docs");
    }
}
