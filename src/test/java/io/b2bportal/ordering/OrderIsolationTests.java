package io.b2bportal.ordering;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.ordering.CartClient.json;
import static io.b2bportal.ordering.CartClient.unique;
import static io.b2bportal.ordering.OrderFixture.ALPHA_REMONT;
import static io.b2bportal.ordering.OrderFixture.ALPHA_STROY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may reach an order, tried on every order endpoint rather than read: another company's buyer, the same buyer
 * acting for another legal entity, staff who do not see the customer, staff who see but may not act, a buyer on the
 * staff endpoints. An order that is not the caller's does not exist for them (404), and nothing changes.
 */
@PortalTest
class OrderIsolationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    OrderFixture fixture;
    CartClient owner;
    String number;
    String sku;

    /** Every buyer endpoint of one order, as a call. */
    private List<Function<CartClient, HttpResponse<String>>> buyerEndpoints() {
        return List.of(
                c -> c.get("/api/v1/orders/" + number),
                c -> c.post("/api/v1/orders/" + number + "/cancel", "{\"reason\": \"mine now\"}"),
                c -> c.post("/api/v1/orders/" + number + "/reorder", "{}"));
    }

    /** Every staff endpoint of one order. */
    private List<Function<CartClient, HttpResponse<String>>> staffEndpoints() {
        String path = "/api/v1/admin/orders/" + number;
        return List.of(
                c -> c.get(path),
                c -> c.post(path + "/confirm", "{}"),
                c -> c.post(path + "/start-fulfilment", "{}"),
                c -> c.post(path + "/ship", "{\"lines\": {\"1\": 1}}"),
                c -> c.post(path + "/deliver", "{}"),
                c -> c.post(path + "/complete", "{}"),
                c -> c.post(path + "/cancel", "{\"reason\": \"x\"}"));
    }

    @BeforeEach
    void anOrderOfAlphaStroy() {
        fixture = new OrderFixture(jdbc);
        OrderFixture.acceptAgreement(new Http(port), fixture.entity(ALPHA_STROY));
        owner = new CartClient(new Http(port), "buyer@alpha.demo").actingFor(fixture.entity(ALPHA_STROY));
        sku = fixture.product("20000", 10, false);
        number = json(owner.post("/api/v1/orders", OrderApiTests.lines(sku, "2")), 201).get("orders").get(0)
                .get("number").asString();
    }

    @Test
    void anotherCompanysBuyerGetsNotFoundEverywhereAndChangesNothing() {
        CartClient beta = new CartClient(new Http(port), "buyer@beta.demo");

        assertNotFound(beta, buyerEndpoints());
        assertThat(json(beta.get("/api/v1/orders?q=" + number), 200).get("orders").size()).isZero();
        WebSession page = new WebSession(port).login("buyer@beta.demo", "demo");
        assertThat(page.get("/orders/" + number).statusCode()).isEqualTo(404);
        assertThat(page.get("/orders?q=" + number).body()).doesNotContain("href=\"/orders/" + number);
        assertUnchanged();
    }

    @Test
    void theSameBuyerActingForAnotherLegalEntityGetsNotFound() {
        CartClient remont = new CartClient(new Http(port), "buyer@alpha.demo").actingFor(fixture.entity(ALPHA_REMONT));

        assertNotFound(remont, buyerEndpoints());
        assertThat(json(remont.get("/api/v1/orders?q=" + number), 200).get("orders").size()).isZero();
        assertUnchanged();
    }

    @Test
    void aBuyerCannotCheckOutSomeoneElsesCart() {
        long cart = owner.createCart(unique("Not yours"));
        owner.addLine(cart, sku, "1");
        CartClient beta = new CartClient(new Http(port), "buyer@beta.demo");

        assertThat(beta.post("/api/v1/orders", "{\"cartIds\": [%d]}".formatted(cart)).statusCode()).isEqualTo(404);
        assertThat(owner.lines(cart)).containsExactly(sku + "=1");
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("2");
    }

    @Test
    void staffWhoDoNotSeeTheCustomerGetNotFoundEverywhere() {
        // manager2 manages other clients than Alpha; a catalog manager sees no customer
        for (String email : List.of("manager2@demo.local", "catalog@demo.local")) {
            CartClient staff = new CartClient(new Http(port), email);
            assertNotFound(staff, staffEndpoints());
            assertThat(json(staff.get("/api/v1/admin/orders?q=" + number), 200).get("orders").size()).isZero();
            WebSession page = new WebSession(port).login(email, "demo");
            assertThat(page.get("/admin/orders/" + number).statusCode()).isEqualTo(404);
            assertThat(page.get("/admin/orders?q=" + number).body()).doesNotContain("href=\"/admin/orders/" + number);
        }
        WebSession ops = new WebSession(port).login("ops@demo.local", "demo");
        assertThat(ops.get("/admin/orders?q=" + number).body()).contains("href=\"/admin/orders/" + number);
        assertThat(ops.get("/admin/orders/" + number).statusCode()).isEqualTo(200);
        assertUnchanged();
    }

    @Test
    void aSellerAccountantReadsButDoesNotActAndBuyersDoNotReachTheBackOffice() {
        CartClient accountant = new CartClient(new Http(port), "accountant@demo.local");
        assertThat(accountant.get("/api/v1/admin/orders/" + number).statusCode()).isEqualTo(200);
        for (Function<CartClient, HttpResponse<String>> call : staffEndpoints().subList(1, 7)) {
            assertThat(call.apply(accountant).statusCode()).isEqualTo(403);
        }
        assertThat(owner.get("/api/v1/admin/orders/" + number).statusCode()).isEqualTo(403);
        assertThat(owner.post("/api/v1/admin/orders/" + number + "/confirm", "{}").statusCode()).isEqualTo(403);
        assertUnchanged();
    }

    @Test
    void theAccountManagerOfTheCustomerSeesAndActs() {
        CartClient manager = new CartClient(new Http(port), "manager@demo.local");

        assertThat(json(manager.get("/api/v1/admin/orders?q=" + number + "&mine=true"), 200).get("orders")
                .findValuesAsString("number")).containsExactly(number);
        assertThat(json(manager.post("/api/v1/admin/orders/" + number + "/confirm", "{}"), 200).get("status")
                .asString()).isEqualTo("CONFIRMED");
    }

    private void assertNotFound(CartClient client, List<Function<CartClient, HttpResponse<String>>> endpoints) {
        for (Function<CartClient, HttpResponse<String>> call : endpoints) {
            HttpResponse<String> response = call.apply(client);
            assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(404);
        }
    }

    private void assertUnchanged() {
        assertThat(json(owner.get("/api/v1/orders/" + number), 200).get("status").asString()).isEqualTo("PLACED");
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("2");
    }
}
