package io.b2bportal.claims;

import io.b2bportal.ordering.order.Checkout;
import io.b2bportal.ordering.order.OrderLifecycle;
import io.b2bportal.support.Http;
import io.b2bportal.support.Multipart;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.claims.ClaimFixture.BETA;
import static io.b2bportal.claims.ClaimFixture.BUYER;
import static io.b2bportal.claims.ClaimFixture.OPS;
import static io.b2bportal.claims.ClaimFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the buyer's legal entity and the seller's claims staff see a claim: another company's buyer finds nothing (404)
 * on pages and the API, staff without the role are refused, and internal notes never reach the buyer's pages or API.
 */
@PortalTest
class ClaimIsolationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Checkout checkout;
    @Autowired
    OrderLifecycle lifecycle;

    ClaimFixture fixture;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        fixture = new ClaimFixture(jdbc, http, checkout, lifecycle);
    }

    @Test
    void anotherCompanysBuyerFindsNoClaimOnTheApiOrThePages() {
        long order = fixture.shipped(fixture.product("3000", 20), 5, 5);
        long id = fixture.openClaim(order, "1");
        long file = jdbc.sql("select min(id) from claims.claim_file where claim_id = :id").param("id", id)
                .query(Long.class).single();
        String number = number(id);

        assertThat(fixture.get("/api/v1/claims/" + id, BETA).statusCode()).isEqualTo(404);
        assertThat(fixture.get("/api/v1/claims/" + id + "/files/" + file, BETA).statusCode()).isEqualTo(404);
        assertThat(fixture.post("/api/v1/claims/" + id + "/messages", BETA, "{\"text\": \"чужое\"}").statusCode())
                .isEqualTo(404);
        assertThat(fixture.post("/api/v1/claims/" + id + "/rating", BETA, "{\"rating\": 1}").statusCode())
                .isEqualTo(404);
        assertThat(fixture.get("/api/v1/claims", BETA).body()).doesNotContain(number);
        assertThat(fixture.open(BETA, order, ClaimFixture.claim(order, "1")).statusCode()).isEqualTo(404);
        WebSession beta = new WebSession(port).login("buyer@beta.demo", "demo");
        assertThat(beta.get("/claims/" + id).statusCode()).isEqualTo(404);
        assertThat(beta.get("/claims/new?order=" + order).statusCode()).isEqualTo(404);
        assertThat(beta.download("/claims/" + id + "/files/" + file).statusCode()).isEqualTo(404);
        assertThat(beta.get("/claims").body()).doesNotContain(number);
        String token = WebSession.csrfToken(beta.get("/claims").body());
        assertThat(beta.post("/claims/" + id + "/messages?_csrf=" + token, new Multipart().field("text", "x"))
                .statusCode()).isEqualTo(404);
        assertThat(messages(id)).isZero();
        // the buyer's own company sees it
        assertThat(fixture.get("/api/v1/claims/" + id, BUYER).statusCode()).isEqualTo(200);
    }

    @Test
    void aBuyerActingForAnotherLegalEntityOfTheCompanyDoesNotSeeTheClaim() {
        long id = fixture.openClaim(fixture.shipped(fixture.product("3000", 20), 5, 5), "1");
        long remont = jdbc.sql("select id from customers.legal_entity where inn = '7704987650'").query(Long.class)
                .single();
        HttpResponse<String> other = http.send(http.request("/api/v1/claims/" + id).GET()
                .header("Authorization", Http.basic("admin@alpha.demo", "demo"))
                .header("X-Legal-Entity", String.valueOf(remont)));

        assertThat(other.statusCode()).isEqualTo(404);
    }

    @Test
    void staffWithoutTheRoleAndAccountManagersOfOtherClientsAreKeptOut() {
        long id = fixture.openClaim(fixture.shipped(fixture.product("3000", 20), 5, 5), "1");

        assertThat(fixture.get("/api/v1/admin/claims/" + id, Http.basic("catalog@demo.local", "demo")).statusCode())
                .isEqualTo(403);
        assertThat(fixture.get("/api/v1/admin/claims", Http.basic("catalog@demo.local", "demo")).statusCode())
                .isEqualTo(403);
        assertThat(fixture.get("/api/v1/admin/claims/" + id, Http.basic("manager2@demo.local", "demo")).statusCode())
                .isEqualTo(404);
        assertThat(fixture.get("/api/v1/admin/claims", Http.basic("manager2@demo.local", "demo")).body())
                .doesNotContain(number(id));
        assertThat(fixture.get("/api/v1/admin/claims/" + id, Http.basic("manager@demo.local", "demo")).statusCode())
                .isEqualTo(200);
        assertThat(fixture.get("/api/v1/admin/claims/" + id, BUYER).statusCode()).isEqualTo(403);
        assertThat(fixture.post("/api/v1/admin/claims/" + id + "/review", BUYER, null).statusCode()).isEqualTo(403);
        assertThat(fixture.get("/api/v1/claims/" + id, OPS).statusCode()).isEqualTo(404);
        WebSession buyer = new WebSession(port).login("buyer@alpha.demo", "demo");
        assertThat(buyer.get("/admin/claims/" + id).statusCode()).isEqualTo(403);
    }

    @Test
    void internalNotesReachStaffButNeverTheBuyersPagesOrApi() {
        long id = fixture.openClaim(fixture.shipped(fixture.product("3000", 20), 5, 5), "1");
        String secret = "Внутреннее " + UUID.randomUUID();
        JsonNode staff = json(fixture.post("/api/v1/admin/claims/" + id + "/notes", OPS,
                "{\"text\": \"" + secret + "\"}"), 201);
        WebSession ops = new WebSession(port).login("ops@demo.local", "demo");
        String staffPage = ops.get("/admin/claims/" + id, "en").body();
        String pageToken = WebSession.csrfToken(staffPage);
        String pageSecret = "Заметка со страницы " + UUID.randomUUID();
        assertThat(ops.post("/admin/claims/" + id + "/notes", "text=" + URLEncoder.encode(pageSecret,
                StandardCharsets.UTF_8) + "&_csrf=" + pageToken, null).statusCode()).isEqualTo(302);

        assertThat(staff.get("internalNotes").get(0).get("body").asString()).isEqualTo(secret);
        assertThat(ops.get("/admin/claims/" + id, "en").body()).contains(secret).contains(pageSecret)
                .contains("data-testid=\"internal-notes\"");
        String buyerApi = fixture.get("/api/v1/claims/" + id, BUYER).body();
        String buyerList = fixture.get("/api/v1/claims", BUYER).body();
        WebSession buyer = new WebSession(port).login("buyer@alpha.demo", "demo");
        String buyerPage = buyer.get("/claims/" + id, "en").body();
        String buyerListPage = buyer.get("/claims", "en").body();
        for (String seen : new String[] {buyerApi, buyerList, buyerPage, buyerListPage}) {
            assertThat(seen).doesNotContain(secret).doesNotContain(pageSecret).doesNotContain("internalNotes")
                    .doesNotContain("internal-notes");
        }
        assertThat(buyerPage).contains(number(id));
    }

    private String number(long id) {
        return jdbc.sql("select number from claims.claim where id = :id").param("id", id).query(String.class).single();
    }

    private long messages(long id) {
        return jdbc.sql("select count(*) from claims.message where claim_id = :id").param("id", id)
                .query(Long.class).single();
    }
}
