package io.b2bportal.ordering;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.ordering.CartClient.json;
import static io.b2bportal.ordering.CartClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Carts and their lines over the API, against the demo catalog: every rule, and what bad input gets back. */
@PortalTest
class CartApiTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    CartClient buyer;

    @BeforeEach
    void setUp() {
        buyer = new CartClient(new Http(port), "buyer@alpha.demo");
    }

    @Test
    void aBuyerCreatesRenamesDuplicatesAndDeletesNamedCarts() {
        long repair = buyer.createCart(unique("Repair shop"));
        buyer.addLine(repair, "BLT-933-M8x40-ZINC", "200");
        String name = unique("Paint shop");

        JsonNode renamed = json(buyer.patch("/api/v1/carts/" + repair, "{\"name\": \"" + name + "\"}"), 200);
        assertThat(renamed.get("name").asString()).isEqualTo(name);

        JsonNode copy = json(buyer.post("/api/v1/carts/" + repair + "/duplicate", "{\"name\": \"" + name + " 2\"}"),
                201);
        assertThat(copy.get("lines").asInt()).isEqualTo(1);
        assertThat(buyer.lines(copy.get("id").asLong())).containsExactly("BLT-933-M8x40-ZINC=200");

        assertThat(buyer.delete("/api/v1/carts/" + repair).statusCode()).isEqualTo(204);
        assertThat(buyer.get("/api/v1/carts/" + repair).statusCode()).isEqualTo(404);
        assertThat(buyer.lines(copy.get("id").asLong())).containsExactly("BLT-933-M8x40-ZINC=200");
        assertThat(json(buyer.get("/api/v1/carts"), 200).findValuesAsString("name")).contains(name + " 2")
                .doesNotContain(name);
    }

    @Test
    void aCartNameIsRequiredShortAndUniquePerBuyer() {
        String name = unique("Unique");
        buyer.createCart(name);

        assertProblem(buyer.post("/api/v1/carts", "{\"name\": \"  \"}"), 422, "cart-name", "Give the cart a name");
        assertProblem(buyer.post("/api/v1/carts", "{\"name\": \"" + "x".repeat(101) + "\"}"), 422, "cart-name",
                "at most 100 characters");
        assertProblem(buyer.post("/api/v1/carts", "{\"name\": \"" + name.toUpperCase() + "\"}"), 409,
                "cart-name-taken", "already have a cart named");
        assertProblem(buyer.post("/api/v1/carts", "{not json"), 400, "bad-request", null);
    }

    @Test
    void addingAProductThatIsThereAddsToItsLine() {
        long cart = buyer.createCart(unique("Merge"));
        buyer.addLine(cart, "BLT-933-M8x40-ZINC", "200");
        buyer.addLine(cart, "blt-933-m8x40-zinc", "100");

        assertThat(buyer.lines(cart)).containsExactly("BLT-933-M8x40-ZINC=300");
        JsonNode history = json(buyer.get("/api/v1/carts/" + cart + "/history"), 200);
        assertThat(history.findValuesAsString("action")).containsExactly("CHANGED", "ADDED");
        assertThat(history.get(0).get("oldQuantity").decimalValue()).isEqualByComparingTo("200");
        assertThat(history.get(0).get("newQuantity").decimalValue()).isEqualByComparingTo("300");
        assertThat(history.get(0).get("actor").asString()).isNotBlank();
    }

    @Test
    void impossibleQuantitiesAreRefusedWithAReasonAndChangeNothing() {
        long cart = buyer.createCart(unique("Quantities"));
        String path = "/api/v1/carts/" + cart + "/lines";

        assertProblem(buyer.post(path, line("BLT-933-M8x40-ZINC", "0")), 422, "quantity", "quantity is zero");
        assertProblem(buyer.post(path, line("BLT-933-M8x40-ZINC", "-100")), 422, "quantity", "-100 is negative");
        assertProblem(buyer.post(path, line("PWR-BOSCH-114", "1.5")), 422, "quantity", "whole units only");
        assertProblem(buyer.post(path, line("BLT-933-M8x40-ZINC", "1000000000000")), 422, "quantity",
                "more than anyone may order");
        assertProblem(buyer.post(path, line("CBL-NYM-3x2.5", "10.1234")), 422, "quantity", "more than 3 decimals");
        assertProblem(buyer.post(path, "{\"sku\": \"BLT-933-M8x40-ZINC\"}"), 422, "quantity", "Type a quantity");
        assertProblem(buyer.post(path, "{\"sku\": \"BLT-933-M8x40-ZINC\", \"quantity\": \"ten\"}"), 400,
                "bad-request", null);

        assertThat(buyer.lines(cart)).isEmpty();
        assertThat(json(buyer.get("/api/v1/carts/" + cart + "/history"), 200).size()).isZero();
    }

    @Test
    void quantitiesBelowTheMinimumOrOffThePackAreRefusedNamingTheValidOnes() {
        long cart = buyer.createCart(unique("Packs"));
        String path = "/api/v1/carts/" + cart + "/lines";

        assertProblem(buyer.post(path, line("BLT-933-M8x40-ZINC", "50")), 422, "quantity",
                "50 is below the minimum order of 100 шт; the least you can order is 100");
        assertProblem(buyer.post(path, line("BLT-933-M8x40-ZINC", "150")), 422, "quantity",
                "150 is not a multiple of the pack of 100 шт: order 100 or 200");
        // a cable is sold by the metre from 10 m: fractions of a metre are fine, the pack (1 m) is not
        assertProblem(buyer.post(path, line("CBL-NYM-3x2.5", "12.5")), 422, "quantity", "pack of 1 м: order 12 or 13");
        buyer.addLine(cart, "CBL-NYM-3x2.5", "12");

        long lineId = buyer.cart(cart).get("lines").get(0).get("id").asLong();
        assertProblem(buyer.patch(path + "/" + lineId, "{\"quantity\": 5}"), 422, "quantity", "minimum order of 10");
        assertThat(buyer.lines(cart)).containsExactly("CBL-NYM-3x2.5=12");
    }

    @Test
    void unknownOutOfAssortmentAndDiscontinuedProductsAreRefused() {
        long cart = buyer.createCart(unique("Products"));
        String path = "/api/v1/carts/" + cart + "/lines";
        CartClient beta = new CartClient(new Http(port), "buyer@beta.demo");
        long betaCart = beta.createCart(unique("Beta"));

        assertProblem(buyer.post(path, line("NO-SUCH-SKU", "1")), 422, "unknown-sku", "no product with the SKU NO-SUCH-SKU");
        assertProblem(buyer.post(path, line("PWR-BOSCH-107", "1")), 422, "discontinued", "its successor is PWR-BOSCH-114");
        assertProblem(beta.post("/api/v1/carts/" + betaCart + "/lines", line("PWR-BOSCH-114", "1")), 422,
                "not-in-assortment", "not in the assortment of your contract");
        assertThat(buyer.lines(cart)).isEmpty();
        assertThat(beta.lines(betaCart)).isEmpty();
    }

    @Test
    void linesMoveAndCopyBetweenCartsAndQuantitiesAddUp() {
        long from = buyer.createCart(unique("From"));
        long to = buyer.createCart(unique("To"));
        buyer.addLine(from, "BLT-933-M8x40-ZINC", "200");
        buyer.addLine(from, "NUT-DIN934-M8-ZINC", "100");
        buyer.addLine(from, "ANC-10x100", "25");
        buyer.addLine(to, "NUT-DIN934-M8-ZINC", "300");
        List<Long> ids = buyer.cart(from).get("lines").valueStream()
                .filter(l -> !l.get("sku").asString().startsWith("ANC")).map(l -> l.get("id").asLong()).toList();

        JsonNode copied = json(buyer.post("/api/v1/carts/" + from + "/lines/copy",
                "{\"lineIds\": " + ids + ", \"targetCartId\": " + to + "}"), 200);
        assertThat(copied.get("lines").asInt()).isEqualTo(2);
        assertThat(buyer.lines(from)).hasSize(3);
        assertThat(buyer.lines(to)).containsExactlyInAnyOrder("NUT-DIN934-M8-ZINC=400", "BLT-933-M8x40-ZINC=200");

        json(buyer.post("/api/v1/carts/" + from + "/lines/move",
                "{\"lineIds\": " + ids + ", \"targetCartId\": " + to + "}"), 200);
        assertThat(buyer.lines(from)).containsExactly("ANC-10x100=25");
        assertThat(buyer.lines(to)).containsExactlyInAnyOrder("NUT-DIN934-M8-ZINC=500", "BLT-933-M8x40-ZINC=400");

        JsonNode fromHistory = json(buyer.get("/api/v1/carts/" + from + "/history"), 200);
        assertThat(fromHistory.get(0).get("action").asString()).isEqualTo("REMOVED");
        assertThat(fromHistory.get(0).get("source").asString()).isEqualTo("MOVE");
        assertProblem(buyer.post("/api/v1/carts/" + from + "/lines/move",
                "{\"lineIds\": [1], \"targetCartId\": " + from + "}"), 422, "same-cart", "into the cart they are in");
        assertProblem(buyer.post("/api/v1/carts/" + from + "/lines/move", "{\"lineIds\": []}"), 422, "no-lines",
                "Select the lines first");
    }

    @Test
    void theViewShowsAvailabilityAndWhatIsWrongWithEachLine() {
        long cart = buyer.createCart(unique("Problems"));
        // no backorders for anchors: more than available is an error; bolts may be backordered: a warning, then a note
        buyer.addLine(cart, "ANC-10x100", "25000000");
        buyer.addLine(cart, "BLT-933-M8x40-ZINC", "100000000");
        // what a line that was fine becomes when the catalog changes: discontinued, the pack changed
        insertLine(cart, "PWR-BOSCH-107", "2");
        insertLine(cart, "NUT-DIN934-M8-ZINC", "150");

        JsonNode lines = buyer.cart(cart).get("lines");
        assertThat(problems(lines, "ANC-10x100")).containsExactly("OVER_STOCK/ERROR");
        assertThat(problems(lines, "BLT-933-M8x40-ZINC")).containsExactly("OVER_STOCK/WARNING");
        assertThat(problems(lines, "PWR-BOSCH-107")).contains("DISCONTINUED/ERROR");
        assertThat(problems(lines, "NUT-DIN934-M8-ZINC")).contains("NOT_PACK_MULTIPLE/ERROR");
        assertThat(message(lines, "PWR-BOSCH-107")).contains("successor is PWR-BOSCH-114");
        assertThat(line(lines, "BLT-933-M8x40-ZINC").get("available").decimalValue()).isNotNull();
        assertThat(buyer.cart(cart).get("blocking").asInt()).isEqualTo(3);

        long bolts = line(lines, "BLT-933-M8x40-ZINC").get("id").asLong();
        JsonNode backordered = json(buyer.patch("/api/v1/carts/" + cart + "/lines/" + bolts, "{\"backorder\": true}"), 200);
        assertThat(problems(backordered.get("lines"), "BLT-933-M8x40-ZINC")).containsExactly("BACKORDERED/NOTE");
        long anchors = line(lines, "ANC-10x100").get("id").asLong();
        JsonNode refused = json(buyer.patch("/api/v1/carts/" + cart + "/lines/" + anchors, "{\"backorder\": true}"), 200);
        assertThat(problems(refused.get("lines"), "ANC-10x100")).containsExactly("OVER_STOCK/ERROR");
    }

    @Test
    void aLineOutsideTheAssortmentShowsOnlyItsSkuAndCannotBeChanged() {
        CartClient beta = new CartClient(new Http(port), "buyer@beta.demo");
        long cart = beta.createCart(unique("Segment changed"));
        insertLine(cart, "PWR-BOSCH-114", "1");

        JsonNode lines = beta.cart(cart).get("lines");
        assertThat(problems(lines, "PWR-BOSCH-114")).containsExactly("NOT_IN_ASSORTMENT/ERROR");
        assertThat(line(lines, "PWR-BOSCH-114").get("name").isNull()).isTrue();
        long id = line(lines, "PWR-BOSCH-114").get("id").asLong();
        assertProblem(beta.patch("/api/v1/carts/" + cart + "/lines/" + id, "{\"quantity\": 2}"), 422,
                "not-in-assortment", "not in the assortment");
        assertThat(beta.delete("/api/v1/carts/" + cart + "/lines/" + id).statusCode()).isEqualTo(204);
        assertThat(beta.lines(cart)).isEmpty();
    }

    @Test
    void theCurrentCartIsCreatedOnFirstUseInTheBuyersLanguage() {
        CartClient gamma = new CartClient(new Http(port), "buyer@gamma.demo");
        jdbc.sql("""
                        delete from ordering.cart where owner_id = (select id from platform.user_account
                                                                      where email = 'buyer@gamma.demo')""").update();
        assertThat(json(gamma.get("/api/v1/carts"), 200).size()).isZero();

        JsonNode current = json(gamma.get("/api/v1/carts/current"), 200);

        assertThat(current.get("name").asString()).isEqualTo("Main cart");
        assertThat(current.get("current").asBoolean()).isTrue();
        assertThat(json(gamma.get("/api/v1/carts/current"), 200).get("id").asLong())
                .isEqualTo(current.get("id").asLong());
        long other = gamma.createCart(unique("Second"));
        json(gamma.post("/api/v1/carts/" + other + "/current", "{}"), 200);
        assertThat(json(gamma.get("/api/v1/carts/current"), 200).get("id").asLong()).isEqualTo(other);
    }

    // ------------------------------------------------------------------ helpers

    static void assertProblem(HttpResponse<String> response, int status, String code, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = CartClient.JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).endsWith("/" + code);
        if (detail != null) {
            assertThat(problem.get("detail").asString()).contains(detail);
        }
    }

    private void insertLine(long cart, String sku, String quantity) {
        jdbc.sql("""
                        insert into ordering.cart_line (cart_id, product_id, quantity, added_by, updated_by)
                        select :cart, p.id, :quantity, c.owner_id, c.owner_id
                          from catalog.product p, ordering.cart c where p.sku = :sku and c.id = :cart""")
                .param("cart", cart).param("sku", sku).param("quantity", new BigDecimal(quantity)).update();
    }

    private static String line(String sku, String quantity) {
        return "{\"sku\": \"" + sku + "\", \"quantity\": " + quantity + "}";
    }

    static JsonNode line(JsonNode lines, String sku) {
        return lines.valueStream().filter(l -> l.get("sku").asString().equals(sku)).findFirst().orElseThrow();
    }

    private static List<String> problems(JsonNode lines, String sku) {
        return line(lines, sku).get("problems").valueStream()
                .map(p -> p.get("code").asString() + "/" + p.get("severity").asString()).toList();
    }

    private static String message(JsonNode lines, String sku) {
        return line(lines, sku).get("problems").get(0).get("message").asString();
    }
}
