package io.b2bportal.platform.web;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages over real HTTP: access rules, helpful error pages, CSRF, headers, language, cookies. */
@PortalTest
class WebPagesTests {

    @LocalServerPort
    int port;

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        HttpResponse<String> response = new Http(port).get("/", null);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void theLoginPageCarriesStrictSecurityHeaders() {
        HttpResponse<String> response = new Http(port).get("/login", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(response.body()).contains("name=\"_csrf\"");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        WebSession session = new WebSession(port);
        HttpResponse<String> login = session.get("/login");
        String setCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("PORTAL_SESSION=")).findFirst().orElseThrow();

        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void staffSeeTheBackOfficeWithTheirTeam() {
        HttpResponse<String> page = new WebSession(port).login("head@demo.local", "demo").get("/admin", "en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Back office").contains("manager2@demo.local").contains("Account manager");
    }

    @Test
    void staffOpeningTheBuyerHomeAreSentToTheBackOffice() {
        HttpResponse<String> page = new WebSession(port).login("ops@demo.local", "demo").get("/");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
    }

    @Test
    void aBuyerOpeningTheBackOfficeGetsAForbiddenPageThatPointsHome() {
        HttpResponse<String> page = new WebSession(port).login("buyer@alpha.demo", "demo").get("/admin", "en");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Access denied").contains("Go to the portal home");
    }

    @Test
    void anUnknownPageIsANotFoundPageInTheUsersLanguage() {
        WebSession session = new WebSession(port).login("buyer@alpha.demo", "demo");

        HttpResponse<String> english = session.get("/no/such/page", "en");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("Page not found").contains("Go to the portal home");

        HttpResponse<String> russian = session.get("/no/such/page", "ru");
        assertThat(russian.body()).contains("Страница не найдена");
    }

    @Test
    void aForeignOriginPostWithoutCsrfTokenIsRefusedAndChangesNothing() {
        WebSession session = new WebSession(port).login("buyer@gamma.demo", "demo");

        HttpResponse<String> attack = session.post("/account/api-keys", "name=stolen", "http://evil.example");

        assertThat(attack.statusCode()).isEqualTo(403);
        assertThat(attack.body()).contains("Срок действия формы истёк");
        assertThat(session.get("/account/api-keys", "en").body()).doesNotContain("stolen");
    }

    @Test
    void anUnknownLanguageFallsBackToRussianWithoutError() {
        HttpResponse<String> page = new Http(port).get("/login?lang=xx", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Вход в портал").contains("lang=\"ru\"");
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("PORTAL_LANG"));
    }

    @Test
    void theLanguageSwitchIsRemembered() {
        WebSession session = new WebSession(port);
        assertThat(session.get("/login?lang=en").body()).contains("Sign in to the portal");
        assertThat(session.get("/login", "ru").body()).contains("Sign in to the portal");
        assertThat(session.get("/login?lang=ru").body()).contains("Вход в портал");
    }

    @Test
    void acceptLanguagePicksTheLanguageOnFirstVisit() {
        HttpResponse<String> page = new Http(port).send(new Http(port).request("/login")
                .header("Accept-Language", "en-GB,en;q=0.9"));

        assertThat(page.body()).contains("Sign in to the portal").contains("lang=\"en\"");
    }

    @Test
    void aMalformedAcceptLanguageIsIgnored() {
        HttpResponse<String> page = new Http(port).send(new Http(port).request("/login")
                .header("Accept-Language", ";;;q=abc,,"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Вход в портал");
    }

    @Test
    void revokingSomeoneElsesKeyFromThePageIsNotFound() {
        WebSession owner = new WebSession(port).login("admin@alpha.demo", "demo");
        String token = WebSession.csrfToken(owner.get("/account/api-keys").body());
        owner.post("/account/api-keys", "name=owner-key&_csrf=" + token, null);
        String listing = owner.get("/account/api-keys").body();
        String id = listing.replaceAll("(?s).*?/account/api-keys/(\\d+)/revoke.*", "$1");

        WebSession other = new WebSession(port).login("buyer@beta.demo", "demo");
        String otherToken = WebSession.csrfToken(other.get("/account/api-keys").body());
        HttpResponse<String> attempt = other.post("/account/api-keys/" + id + "/revoke", "_csrf=" + otherToken, null);

        assertThat(attempt.statusCode()).isEqualTo(404);
        assertThat(owner.get("/account/api-keys", "en").body()).contains("owner-key").contains("active");
    }
}
