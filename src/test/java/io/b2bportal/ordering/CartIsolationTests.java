package io.b2bportal.ordering;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.ordering.CartApiTests.assertProblem;
import static io.b2bportal.ordering.CartClient.json;
import static io.b2bportal.ordering.CartClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may see and change a cart, tried rather than read: another company's buyer, the same buyer acting for another
 * legal entity, a colleague before and after sharing, an accountant, staff (directly and viewing as the customer).
 * A cart that is not the caller's does not exist for them (404); nothing changes.
 */
@PortalTest
class CartIsolationTests {

    private static final String ALPHA_STROY = "7704123450";
    private static final String ALPHA_REMONT = "7704987650";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    CartClient buyer;
    long cart;
    long lineId;

    @BeforeEach
    void aCartOfAlphaStroy() {
        buyer = new CartClient(new Http(port), "buyer@alpha.demo").actingFor(entity(ALPHA_STROY));
        cart = buyer.createCart(unique("Isolated"));
        lineId = buyer.addLine(cart, "BLT-933-M8x40-ZINC", "200").get("lines").get(0).get("id").asLong();
    }

    @Test
    void anotherCompanysBuyerFindsNothingAndChangesNothing() {
        assertUntouchable(new CartClient(new Http(port), "buyer@beta.demo"));
    }

    @Test
    void theSameBuyerActingForAnotherLegalEntityFindsNothing() {
        CartClient remont = new CartClient(new Http(port), "buyer@alpha.demo").actingFor(entity(ALPHA_REMONT));

        assertUntouchable(remont);
        assertThat(json(remont.get("/api/v1/carts"), 200).findValuesAsString("name"))
                .doesNotContain(buyer.cart(cart).get("cart").get("name").asString());
    }

    @Test
    void aColleagueSeesACartOnlyOnceItIsSharedAndThenChangesLinesButNotTheCart() {
        CartClient colleague = new CartClient(new Http(port), "admin@alpha.demo").actingFor(entity(ALPHA_STROY));
        assertUntouchable(colleague);

        json(buyer.post("/api/v1/carts/" + cart + "/shares", "{\"email\": \"Admin@Alpha.demo \"}"), 200);

        JsonNode seen = colleague.cart(cart);
        assertThat(seen.get("cart").get("mine").asBoolean()).isFalse();
        colleague.addLine(cart, "NUT-DIN934-M8-ZINC", "100");
        assertThat(buyer.lines(cart)).containsExactly("BLT-933-M8x40-ZINC=200", "NUT-DIN934-M8-ZINC=100");
        assertProblem(colleague.patch("/api/v1/carts/" + cart, "{\"name\": \"Mine now\"}"), 403, "cart-not-yours",
                "Only the owner");
        assertProblem(colleague.delete("/api/v1/carts/" + cart), 403, "cart-not-yours", "Only the owner");
        assertProblem(colleague.post("/api/v1/carts/" + cart + "/shares", "{\"email\": \"approver@alpha.demo\"}"), 403,
                "cart-not-yours", "Only the owner");
        List<String> actors = json(buyer.get("/api/v1/carts/" + cart + "/history"), 200).findValuesAsString("actor");
        assertThat(actors).hasSize(2).doesNotHaveDuplicates();

        long colleagueId = jdbc.sql("select id from platform.user_account where email = 'admin@alpha.demo'")
                .query(Long.class).single();
        assertThat(buyer.delete("/api/v1/carts/" + cart + "/shares/" + colleagueId).statusCode()).isEqualTo(204);
        assertThat(colleague.get("/api/v1/carts/" + cart).statusCode()).isEqualTo(404);
    }

    @Test
    void aCartIsSharedOnlyWithColleaguesWhoOrderForTheSameLegalEntity() {
        for (String email : List.of("buyer@beta.demo", "accountant@alpha.demo", "nobody@example.com",
                "buyer@alpha.demo", "manager@demo.local", "")) {
            assertProblem(buyer.post("/api/v1/carts/" + cart + "/shares", "{\"email\": \"" + email + "\"}"), 422,
                    "not-a-colleague", "is not a colleague who orders for this legal entity");
        }
        assertThat(json(buyer.get("/api/v1/carts/" + cart + "/shares"), 200).size()).isZero();
    }

    @Test
    void anAccountantDoesNotOrder() {
        CartClient accountant = new CartClient(new Http(port), "accountant@alpha.demo");

        assertProblem(accountant.get("/api/v1/carts"), 403, "ordering-role", "Your role does not order");
        assertProblem(accountant.post("/api/v1/carts", "{\"name\": \"x\"}"), 403, "ordering-role", null);
        assertThat(accountant.get("/api/v1/carts/" + cart).statusCode()).isEqualTo(403);
    }

    @Test
    void staffHaveNoCartsAndCannotReachABuyers() {
        CartClient manager = new CartClient(new Http(port), "manager@demo.local");

        assertThat(manager.get("/api/v1/carts").statusCode()).isEqualTo(404);
        assertUntouchable(manager);
    }

    @Test
    void staffViewingAsTheCustomerMayLookButNotChangeTheCart() {
        long alpha = jdbc.sql("select company_id from customers.legal_entity where inn = :inn").param("inn", ALPHA_STROY)
                .query(Long.class).single();
        WebSession manager = new WebSession(port).login("manager@demo.local", "demo");
        String token = WebSession.csrfToken(manager.get("/admin/customers/" + alpha).body());
        manager.post("/admin/customers/" + alpha + "/view-as?legalEntityId=" + entity(ALPHA_STROY), "_csrf=" + token,
                null);

        HttpResponse<String> page = manager.get("/carts/" + cart, "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("BLT-933-M8x40-ZINC").doesNotContain("data-testid=\"entry-add\"");
        String pageToken = WebSession.csrfToken(manager.get("/company").body());
        HttpResponse<String> change = manager.post("/carts/" + cart + "/lines/" + lineId,
                "quantity=300&_csrf=" + pageToken, null);
        HttpResponse<String> add = manager.post("/cart/add", "sku=NUT-DIN934-M8-ZINC&quantity=100&_csrf=" + pageToken,
                null);
        HttpResponse<String> delete = manager.post("/carts/" + cart + "/delete", "_csrf=" + pageToken, null);

        assertThat(List.of(change.statusCode(), add.statusCode(), delete.statusCode())).containsOnly(403);
        assertThat(buyer.lines(cart)).containsExactly("BLT-933-M8x40-ZINC=200");
    }

    @Test
    void anotherUsersReviewDoesNotExistForThem() {
        JsonNode review = buyer.review(cart, "NUT-DIN934-M8-ZINC;100");
        String path = "/api/v1/carts/" + cart + "/quick-order/" + review.get("id").asString();
        CartClient beta = new CartClient(new Http(port), "buyer@beta.demo");
        CartClient colleague = new CartClient(new Http(port), "admin@alpha.demo").actingFor(entity(ALPHA_STROY));

        for (CartClient other : List.of(beta, colleague)) {
            assertThat(other.get(path).statusCode()).isEqualTo(404);
            assertThat(other.post(path + "/confirm", "{}").statusCode()).isEqualTo(404);
        }
        assertThat(buyer.lines(cart)).containsExactly("BLT-933-M8x40-ZINC=200");
    }

    /** Every way to read or change the cart answers 404 and leaves it as it was. */
    private void assertUntouchable(CartClient other) {
        String base = "/api/v1/carts/" + cart;
        List<HttpResponse<String>> attempts = List.of(other.get(base), other.get(base + "/history"),
                other.get(base + "/shares"), other.patch(base, "{\"name\": \"Taken\"}"), other.delete(base),
                other.post(base + "/duplicate", "{\"name\": \"" + unique("Stolen") + "\"}"),
                other.post(base + "/current", "{}"),
                other.post(base + "/lines", "{\"sku\": \"NUT-DIN934-M8-ZINC\", \"quantity\": 100}"),
                other.patch(base + "/lines/" + lineId, "{\"quantity\": 300}"), other.delete(base + "/lines/" + lineId),
                other.post(base + "/lines/copy", "{\"lineIds\": [" + lineId + "], \"targetCartId\": " + cart + "}"),
                other.postText(base + "/quick-order", "NUT-DIN934-M8-ZINC;100"));
        for (HttpResponse<String> attempt : attempts) {
            assertThat(attempt.statusCode()).as(attempt.request().method() + " " + attempt.uri() + ": " + attempt.body())
                    .isEqualTo(404);
            assertThat(attempt.body()).doesNotContain("Isolated");
        }
        assertThat(buyer.lines(cart)).containsExactly("BLT-933-M8x40-ZINC=200");
        assertThat(buyer.cart(cart).get("cart").get("name").asString()).startsWith("Isolated");
    }

    private long entity(String inn) {
        return jdbc.sql("select id from customers.legal_entity where inn = :inn").param("inn", inn)
                .query(Long.class).single();
    }
}
