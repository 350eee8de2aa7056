package io.b2bportal.customers;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.b2bportal.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

/** The company administrator's approval limits per buyer: page, API, refusals, and what ordering reads. */
@PortalTest
class ApprovalLimitsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = basic("admin@alpha.demo", "demo");
    private static final String BUYER = basic("buyer@alpha.demo", "demo");
    private static final String BETA = basic("buyer@beta.demo", "demo");

    @LocalServerPort
    int port;
    @Autowired
    CustomersApi customers;
    @Autowired
    JdbcClient jdbc;
    Http http;
    long buyer;
    long alpha;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        buyer = JSON.readTree(http.get("/api/v1/me", BUYER).body()).get("id").asLong();
        alpha = jdbc.sql("select company_id from customers.membership where user_id = :u").param("u", buyer)
                .query(Long.class).single();
    }

    @Test
    void anAdministratorSetsAndRemovesABuyersLimitsWhichOrderingReads() {
        JsonNode set = json(put(ADMIN, buyer, "{\"perOrder\": 150000.5, \"perMonth\": 1000000}"), 200);
        assertThat(set.get("perOrder").decimalValue()).isEqualByComparingTo("150000.50");

        ApprovalLimit limit = customers.approvalLimit(alpha, buyer);
        assertThat(limit.perOrder().amount()).isEqualByComparingTo("150000.50");
        assertThat(limit.perMonth().amount()).isEqualByComparingTo("1000000");
        JsonNode listed = JSON.readTree(http.get("/api/v1/company/approval-limits", ADMIN).body());
        assertThat(listed.findValues("userId")).extracting(JsonNode::asLong).contains(buyer);

        json(put(ADMIN, buyer, "{\"perOrder\": null, \"perMonth\": null}"), 200);
        assertThat(customers.approvalLimit(alpha, buyer).limited()).isFalse();
    }

    @Test
    void nonsenseAmountsAndOtherCompaniesUsersAreRefusedAndNothingChanges() {
        json(put(ADMIN, buyer, "{\"perOrder\": 5000, \"perMonth\": null}"), 200);
        for (String bad : new String[] {"-1", "0.001", "1000000000000", "1e15"}) {
            HttpResponse<String> refused = put(ADMIN, buyer, "{\"perOrder\": " + bad + "}");
            assertThat(refused.statusCode()).as(bad).isEqualTo(422);
            assertThat(refused.body()).contains("bad-approval-limit");
        }
        assertThat(customers.approvalLimit(alpha, buyer).perOrder().amount()).isEqualByComparingTo("5000");

        long betaBuyer = JSON.readTree(http.get("/api/v1/me", BETA).body()).get("id").asLong();
        assertThat(put(ADMIN, betaBuyer, "{\"perOrder\": 1}").statusCode()).isEqualTo(404);
        assertThat(put(BUYER, buyer, "{\"perOrder\": null}").statusCode()).isEqualTo(403);
        assertThat(customers.approvalLimit(alpha, buyer).perOrder().amount()).isEqualByComparingTo("5000");
        json(put(ADMIN, buyer, "{\"perOrder\": null, \"perMonth\": null}"), 200);
    }

    @Test
    void thePageTakesAmountsAsTypedAndExplainsWhatItRefuses() {
        WebSession admin = new WebSession(port).login("admin@alpha.demo", "demo");
        String page = admin.get("/company/approval-limits").body();
        assertThat(page).contains("data-testid=\"limits-table\"").contains("buyer@alpha.demo");
        String token = WebSession.csrfToken(page);

        HttpResponse<String> saved = admin.post("/company/approval-limits/" + buyer,
                "perOrder=" + enc("250 000,75") + "&perMonth=&_csrf=" + enc(token), null);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(admin.get("/company/approval-limits").body()).contains("alert--ok");
        assertThat(customers.approvalLimit(alpha, buyer).perOrder().amount()).isEqualByComparingTo("250000.75");
        assertThat(customers.approvalLimit(alpha, buyer).perMonth()).isNull();

        admin.post("/company/approval-limits/" + buyer, "perOrder=abc&perMonth=&_csrf=" + enc(token), null);
        assertThat(admin.get("/company/approval-limits").body()).contains("data-testid=\"limits-problem\"")
                .contains("abc");
        assertThat(customers.approvalLimit(alpha, buyer).perOrder().amount()).isEqualByComparingTo("250000.75");
        json(put(ADMIN, buyer, "{\"perOrder\": null, \"perMonth\": null}"), 200);
    }

    @Test
    void inTheBrowserTheAdministratorTypesALimitAndSeesItKept() {
        try (var context = io.b2bportal.support.Browser.newContext("http://localhost:" + port, "en-US")) {
            var page = context.newPage();
            io.b2bportal.support.Browser.signIn(page, "admin@alpha.demo");
            page.navigate("/company/users");
            page.getByTestId("approval-limits-link").click();
            var row = page.getByTestId("limit-buyer@alpha.demo");
            row.locator("input[name=perOrder]").fill("75 000");
            row.locator("input[name=perMonth]").fill("300000,50");
            row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();

            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.getByRole(
                    com.microsoft.playwright.options.AriaRole.STATUS)).containsText("Saved");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                    page.getByTestId("limit-buyer@alpha.demo").locator("input[name=perMonth]")).hasValue("300000.50");
            io.b2bportal.support.Browser.screenshot(page, "approval-limits-en");
        }
        assertThat(customers.approvalLimit(alpha, buyer).perOrder().amount()).isEqualByComparingTo("75000");
        json(put(ADMIN, buyer, "{\"perOrder\": null, \"perMonth\": null}"), 200);
    }

    private HttpResponse<String> put(String auth, long user, String json) {
        return http.send(http.request("/api/v1/company/approval-limits/" + user).header("Authorization", auth)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
