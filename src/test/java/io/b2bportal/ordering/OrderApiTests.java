package io.b2bportal.ordering;

import io.b2bportal.pricing.PricingApi;
import io.b2bportal.pricing.Quote;
import io.b2bportal.pricing.QuoteLine;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.ordering.CartApiTests.assertProblem;
import static io.b2bportal.ordering.CartClient.json;
import static io.b2bportal.ordering.CartClient.unique;
import static io.b2bportal.ordering.OrderFixture.ALPHA_REMONT;
import static io.b2bportal.ordering.OrderFixture.ALPHA_STROY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkout and orders over the API, as Alpha Stroy's buyer (deferral 30 days, credit 1.5 million, minimum order
 * 10,000 ₽) with products of the test's own: the happy path, every refusal (which changes nothing), merge, split,
 * backorders, idempotency, cancel, reorder, and the staff lifecycle with partial shipments.
 */
@PortalTest
class OrderApiTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PricingApi pricing;
    OrderFixture fixture;
    CartClient buyer;
    CartClient ops;
    long stroy;

    @BeforeEach
    void signIn() {
        fixture = new OrderFixture(jdbc);
        stroy = fixture.entity(ALPHA_STROY);
        OrderFixture.acceptAgreement(new Http(port), stroy);
        buyer = new CartClient(new Http(port), "buyer@alpha.demo").actingFor(stroy);
        ops = new CartClient(new Http(port), "ops@demo.local");
    }

    @Test
    void checksOutACartAtServerPricesReservesStockAndEmptiesTheCart() {
        String sku = fixture.product("20000", 10, false);
        long cart = buyer.createCart(unique("Checkout"));
        buyer.addLine(cart, sku, "3");
        Quote quote = pricing.quote(stroy, List.of(QuoteLine.of(sku, 3)));

        JsonNode placed = json(buyer.post("/api/v1/orders", """
                {"cartIds": [%d], "poNumber": "PO-77", "comment": "Gate 3", "desiredDate": "%s",
                 "totalGross": 0.01}""".formatted(cart, LocalDate.now().plusDays(5))), 201);

        JsonNode order = placed.get("orders").get(0);
        assertThat(order.get("number").asString()).matches("\\d{4}-\\d{6}");
        assertThat(order.get("status").asString()).isEqualTo("PLACED");
        assertThat(order.get("channel").asString()).isEqualTo("API");
        assertThat(order.get("poNumber").asString()).isEqualTo("PO-77");
        assertThat(order.get("paymentTerms").asString()).isEqualTo("DEFERRAL");
        assertThat(order.get("deferralDays").asInt()).isEqualTo(30);
        assertThat(order.get("totalGross").decimalValue()).isEqualByComparingTo(quote.totals().gross());
        assertThat(order.get("totalNet").decimalValue()).isEqualByComparingTo(quote.totals().net());
        assertThat(order.get("addressText").asString()).contains("Центральный склад");
        JsonNode line = order.get("lines").get(0);
        assertThat(line.get("sku").asString()).isEqualTo(sku);
        assertThat(line.get("quantity").decimalValue()).isEqualByComparingTo("3");
        assertThat(line.get("unitGross").decimalValue()).isEqualByComparingTo(quote.lines().get(0).unitGross());
        assertThat(line.get("reserved").decimalValue()).isEqualByComparingTo("3");
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("3");
        assertThat(buyer.lines(cart)).isEmpty();
        assertThat(order.get("history").get(0).get("action").asString()).isEqualTo("PLACED");
        JsonNode read = json(buyer.get("/api/v1/orders/" + order.get("number").asString()), 200);
        assertThat(read.get("lines").size()).isEqualTo(1);
    }

    @Test
    void mergesTwoCartsIntoOneOrderOrPlacesOneOrderPerCart() {
        String bolts = fixture.product("6000", 100, false);
        String nuts = fixture.product("7000", 100, false);
        long repair = buyer.createCart(unique("Repair shop"));
        long paint = buyer.createCart(unique("Paint shop"));
        buyer.addLine(repair, bolts, "2");
        buyer.addLine(repair, nuts, "1");
        buyer.addLine(paint, bolts, "1");

        JsonNode merged = json(buyer.post("/api/v1/orders",
                "{\"cartIds\": [%d, %d], \"merge\": true}".formatted(repair, paint)), 201).get("orders");

        assertThat(merged.size()).isEqualTo(1);
        assertThat(merged.get(0).get("lines").findValuesAsString("sku")).containsExactly(bolts, nuts);
        assertThat(merged.get(0).get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("3");
        assertThat(merged.get(0).get("sourceCartIds").valueStream().map(JsonNode::asLong))
                .containsExactly(repair, paint);
        assertThat(buyer.lines(repair)).isEmpty();
        assertThat(buyer.lines(paint)).isEmpty();

        buyer.addLine(repair, bolts, "2");
        buyer.addLine(paint, nuts, "2");
        JsonNode separate = json(buyer.post("/api/v1/orders",
                "{\"cartIds\": [%d, %d], \"merge\": false, \"deleteCarts\": true}".formatted(repair, paint)), 201)
                .get("orders");
        assertThat(separate.size()).isEqualTo(2);
        assertThat(separate.get(0).get("lines").findValuesAsString("sku")).containsExactly(bolts);
        assertThat(separate.get(1).get("lines").findValuesAsString("sku")).containsExactly(nuts);
        assertThat(buyer.get("/api/v1/carts/" + repair).statusCode()).isEqualTo(404);
        assertThat(fixture.reserved(bolts)).isEqualByComparingTo("5");
    }

    @Test
    void refusesAnOrderBelowTheMinimumSayingHowMuchIsMissing() {
        String sku = fixture.product("100", 50, false);
        long cart = buyer.createCart(unique("Too small"));
        buyer.addLine(cart, sku, "5");
        Quote quote = pricing.quote(stroy, List.of(QuoteLine.of(sku, 5)));
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        String missing = format.format(quote.minimumOrderShortfall());
        String minimum = format.format(quote.minimumOrderAmount());
        long before = fixture.orderCount();

        assertProblem(buyer.post("/api/v1/orders", "{\"cartIds\": [%d]}".formatted(cart)), 422, "minimum-order",
                "below the minimum order amount of " + minimum + ": add " + missing + " more");

        assertThat(fixture.orderCount()).isEqualTo(before);
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("0");
        assertThat(buyer.lines(cart)).containsExactly(sku + "=5");
    }

    @Test
    void refusesALegalEntityThatHasNotAcceptedTheAgreement() {
        CartClient remont = new CartClient(new Http(port), "buyer@alpha.demo").actingFor(fixture.entity(ALPHA_REMONT));
        String sku = fixture.product("20000", 10, false);
        long cart = remont.createCart(unique("Remont"));
        remont.addLine(cart, sku, "1");

        assertProblem(remont.post("/api/v1/orders", "{\"cartIds\": [%d]}".formatted(cart)), 422,
                "order-not-allowed", "This legal entity cannot order now");

        assertThat(fixture.reserved(sku)).isEqualByComparingTo("0");
        assertThat(remont.lines(cart)).containsExactly(sku + "=1");
    }

    @Test
    void refusesAnOrderBeyondTheCreditLeft() {
        OrderFixture.Terms terms = fixture.terms(stroy);
        String sku = fixture.product("50000", 100, false);
        try {
            BigDecimal open = fixture.openOrders(stroy);
            fixture.setTerms(stroy, new OrderFixture.Terms("DEFERRAL", terms.deferralDays(), open.add(new BigDecimal("60000")),
                    terms.minOrderAmount()));
            json(buyer.post("/api/v1/orders", lines(sku, "1")), 201);

            assertProblem(buyer.post("/api/v1/orders", lines(sku, "1")), 422, "credit-exceeded",
                    "exceeds the credit left");

            assertThat(fixture.reserved(sku)).isEqualByComparingTo("1");
        } finally {
            fixture.setTerms(stroy, terms);
        }
    }

    @Test
    void refusesStockItCannotReserveUnlessTheProductIsBackordered() {
        String scarce = fixture.product("20000", 2, false);
        String later = fixture.product("20000", 2, true);

        assertProblem(buyer.post("/api/v1/orders", lines(scarce, "3")), 422, "out-of-stock",
                scarce + " (3 / 2 шт)");
        assertThat(fixture.reserved(scarce)).isEqualByComparingTo("0");

        JsonNode line = json(buyer.post("/api/v1/orders", lines(later, "5")), 201).get("orders").get(0)
                .get("lines").get(0);
        assertThat(line.get("reserved").decimalValue()).isEqualByComparingTo("2");
        assertThat(line.get("backordered").decimalValue()).isEqualByComparingTo("3");
        assertThat(line.get("expectedDate").asString()).isEqualTo(LocalDate.now(
                java.time.ZoneId.of("Europe/Moscow")).plusDays(10).toString());
        assertThat(fixture.reserved(later)).isEqualByComparingTo("2");
    }

    @Test
    void refusesZeroNegativeFractionalAndAbsurdQuantitiesNamingTheLine() {
        String sku = fixture.product("20000", 10, false);
        long before = fixture.orderCount();

        assertProblem(buyer.post("/api/v1/orders", lines(sku, "0")), 422, "bad-quantity", sku + ":");
        assertProblem(buyer.post("/api/v1/orders", lines(sku, "-2")), 422, "bad-quantity", sku + ":");
        assertProblem(buyer.post("/api/v1/orders", lines(sku, "1.5")), 422, "bad-quantity", "1.5");
        assertProblem(buyer.post("/api/v1/orders", lines(sku, "1000000000000")), 422, "bad-quantity", sku);
        assertProblem(buyer.post("/api/v1/orders", lines("NO-SUCH-SKU-1", "1")), 422, "unknown-sku", "NO-SUCH-SKU-1");

        assertThat(fixture.orderCount()).isEqualTo(before);
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("0");
    }

    @Test
    void splitsQuantitiesToSeveralAddressesKeepingTheTotals() {
        String sku = fixture.product("20000", 10, false);
        long site = jdbc.sql("select id from customers.address where legal_entity_id = :e and label like 'Объект «%'")
                .param("e", stroy).query(Long.class).single();

        JsonNode order = json(buyer.post("/api/v1/orders", """
                {"lines": [{"sku": "%s", "quantity": 3}],
                 "split": [{"sku": "%s", "addressId": %d, "quantity": 1}]}""".formatted(sku, sku, site)), 201)
                .get("orders").get(0);

        JsonNode lines = order.get("lines");
        assertThat(lines.size()).isEqualTo(2);
        assertThat(lines.get(0).get("quantity").decimalValue()).isEqualByComparingTo("2");
        assertThat(lines.get(0).get("addressText").isNull()).isTrue();
        assertThat(lines.get(1).get("quantity").decimalValue()).isEqualByComparingTo("1");
        assertThat(lines.get(1).get("addressText").asString()).contains("Пречистенка");
        assertThat(lines.get(0).get("lineGross").decimalValue().add(lines.get(1).get("lineGross").decimalValue()))
                .isEqualByComparingTo(order.get("totalGross").decimalValue());

        assertProblem(buyer.post("/api/v1/orders", """
                {"lines": [{"sku": "%s", "quantity": 1}],
                 "split": [{"sku": "%s", "addressId": %d, "quantity": 2}]}""".formatted(sku, sku, site)), 422,
                "bad-split", null);
        long betaAddress = jdbc.sql("select id from customers.address where label = 'Склад Люберцы'")
                .query(Long.class).single();
        assertProblem(buyer.post("/api/v1/orders", "{\"lines\": [{\"sku\": \"%s\", \"quantity\": 1}], \"addressId\": %d}"
                .formatted(sku, betaAddress)), 422, "bad-address", null);
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameOrderAndADifferentBodyIsRefused() {
        String sku = fixture.product("20000", 10, false);
        String key = UUID.randomUUID().toString();
        long before = fixture.orderCount();

        HttpResponse<String> first = buyer.post("/api/v1/orders", lines(sku, "2"), "Idempotency-Key", key);
        HttpResponse<String> again = buyer.post("/api/v1/orders", lines(sku, "2"), "Idempotency-Key", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        String number = json(first, 201).get("orders").get(0).get("number").asString();
        assertThat(json(again, 200).get("orders").get(0).get("number").asString()).isEqualTo(number);
        assertThat(json(again, 200).get("replayed").asBoolean()).isTrue();
        assertThat(fixture.orderCount()).isEqualTo(before + 1);
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("2");

        assertProblem(buyer.post("/api/v1/orders", lines(sku, "3"), "Idempotency-Key", key), 422,
                "idempotency-key-reused", "already used for a different request");
        assertThat(fixture.orderCount()).isEqualTo(before + 1);
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("2");
    }

    @Test
    void theBuyerCancelsBeforeConfirmationAndTheStockIsReleased() {
        String sku = fixture.product("20000", 10, false);
        String number = place(sku, "4");
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("4");

        JsonNode cancelled = json(buyer.post("/api/v1/orders/" + number + "/cancel", "{\"reason\": \"Changed mind\"}"),
                200);

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("history").get(1).get("comment").asString()).isEqualTo("Changed mind");
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("0");
        assertProblem(buyer.post("/api/v1/orders/" + number + "/cancel", "{}"), 409, "order-status", "cancelled");

        String confirmed = place(sku, "1");
        json(ops.post("/api/v1/admin/orders/" + confirmed + "/confirm", "{}"), 200);
        assertProblem(buyer.post("/api/v1/orders/" + confirmed + "/cancel", "{}"), 409, "order-status",
                "is confirmed");
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("1");
    }

    @Test
    void staffConfirmFulfilShipPartlyThenTheRestAndCompleteTheOrder() {
        String sku = fixture.product("20000", 10, true);
        String number = place(sku, "14");
        String path = "/api/v1/admin/orders/" + number;
        assertProblem(ops.post(path + "/ship", "{\"lines\": {\"1\": 1}}"), 409, "order-status", null);

        json(ops.post(path + "/confirm", "{}"), 200);
        json(ops.post(path + "/start-fulfilment", "{}"), 200);
        JsonNode partly = json(ops.post(path + "/ship", "{\"lines\": {\"1\": 6}}"), 200);

        assertThat(partly.get("status").asString()).isEqualTo("PARTIALLY_SHIPPED");
        assertThat(partly.get("lines").get(0).get("shipped").decimalValue()).isEqualByComparingTo("6");
        assertThat(fixture.onHand(sku)).isEqualByComparingTo("4");
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("4");
        assertProblem(ops.post(path + "/ship", "{\"lines\": {\"1\": 9}}"), 422, "ship-too-much", "only 8");
        assertProblem(ops.post(path + "/ship", "{\"lines\": {\"1\": 8}}"), 422, "not-in-stock", "only 0");

        fixture.setOnHand(sku, 20);
        JsonNode shipped = json(ops.post(path + "/ship", "{\"lines\": {\"1\": 8}}"), 200);
        assertThat(shipped.get("status").asString()).isEqualTo("SHIPPED");
        assertThat(shipped.get("shipments").size()).isEqualTo(2);
        assertThat(shipped.get("lines").get(0).get("backordered").decimalValue()).isEqualByComparingTo("0");
        assertThat(fixture.onHand(sku)).isEqualByComparingTo("12");
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("0");
        assertProblem(ops.post(path + "/cancel", "{\"reason\": \"late\"}"), 409, "order-status", null);

        json(ops.post(path + "/deliver", "{}"), 200);
        JsonNode completed = json(ops.post(path + "/complete", "{}"), 200);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("history").findValuesAsString("action")).containsExactly("PLACED", "CONFIRMED",
                "FULFILMENT_STARTED", "SHIPPED", "SHIPPED", "DELIVERED", "COMPLETED");
        assertThat(json(buyer.get("/api/v1/orders/" + number), 200).get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void staffCancelWithAReasonAndTheReservationIsReleased() {
        String sku = fixture.product("20000", 10, false);
        String number = place(sku, "5");
        json(ops.post("/api/v1/admin/orders/" + number + "/confirm", "{}"), 200);

        assertProblem(ops.post("/api/v1/admin/orders/" + number + "/cancel", "{}"), 422, "reason-required", null);
        JsonNode cancelled = json(ops.post("/api/v1/admin/orders/" + number + "/cancel",
                "{\"reason\": \"Customer called\"}"), 200);

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelReason").asString()).isEqualTo("Customer called");
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("0");
    }

    @Test
    void reorderPutsAllOrChosenLinesIntoACart() {
        String first = fixture.product("20000", 10, false);
        String second = fixture.product("20000", 10, false);
        String number = json(buyer.post("/api/v1/orders", """
                {"lines": [{"sku": "%s", "quantity": 2}, {"sku": "%s", "quantity": 3}]}""".formatted(first, second)),
                201).get("orders").get(0).get("number").asString();
        long cart = buyer.createCart(unique("Again"));

        JsonNode all = json(buyer.post("/api/v1/orders/" + number + "/reorder", "{\"cartId\": %d}".formatted(cart)),
                200);
        assertThat(all.get("added").asInt()).isEqualTo(2);
        assertThat(buyer.lines(cart)).containsExactly(first + "=2", second + "=3");

        json(buyer.post("/api/v1/orders/" + number + "/reorder", "{\"cartId\": %d, \"lines\": [2]}".formatted(cart)),
                200);
        assertThat(buyer.lines(cart)).containsExactly(first + "=2", second + "=6");
    }

    @Test
    void theOrderHistoryIsSearchedByNumberPoStatusAndDate() {
        String sku = fixture.product("20000", 10, false);
        String po = "PO-" + UUID.randomUUID().toString().substring(0, 6);
        String number = json(buyer.post("/api/v1/orders", """
                {"lines": [{"sku": "%s", "quantity": 1}], "poNumber": "%s"}""".formatted(sku, po)), 201)
                .get("orders").get(0).get("number").asString();
        String today = LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).toString();

        assertThat(json(buyer.get("/api/v1/orders?q=" + po), 200).get("orders").findValuesAsString("number"))
                .containsExactly(number);
        assertThat(json(buyer.get("/api/v1/orders?q=" + number + "&status=PLACED&from=" + today + "&to=" + today),
                200).get("orders").findValuesAsString("number")).containsExactly(number);
        assertThat(json(buyer.get("/api/v1/orders?q=" + number + "&status=CONFIRMED"), 200).get("orders").size())
                .isZero();
        assertThat(json(buyer.get("/api/v1/orders?q=" + number + "&to=2020-01-01"), 200).get("orders").size())
                .isZero();
        assertThat(json(ops.get("/api/v1/admin/orders?q=" + po + "&company=Альфа"), 200).get("orders")
                .findValuesAsString("number")).containsExactly(number);
    }

    @Test
    void staffPlaceAnOrderOnBehalfOfACustomerAndItIsAudited() {
        String sku = fixture.product("20000", 10, false);
        CartClient manager = new CartClient(new Http(port), "manager@demo.local");

        JsonNode order = json(manager.post("/api/v1/admin/orders", """
                {"legalEntityId": %d, "lines": [{"sku": "%s", "quantity": 2}], "poNumber": "by phone"}"""
                .formatted(stroy, sku)), 201).get("orders").get(0);

        assertThat(order.get("channel").asString()).isEqualTo("ON_BEHALF");
        assertThat(order.get("placedBy").asString()).isNotBlank();
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("2");
        assertThat(jdbc.sql("select count(*) from platform.audit_log where action = 'ordering.order.on-behalf' and subject like :s")
                .param("s", "Order " + order.get("number").asString() + "%").query(Long.class).single()).isEqualTo(1);
        io.b2bportal.support.WebSession card = new io.b2bportal.support.WebSession(port)
                .login("manager@demo.local", "demo");
        assertThat(card.get("/admin/customers/" + fixture.company(ALPHA_STROY), "en").body())
                .contains("placed an order on behalf of the customer").contains(order.get("number").asString());
        CartClient manager2 = new CartClient(new Http(port), "manager2@demo.local");
        assertThat(manager2.post("/api/v1/admin/orders", """
                {"legalEntityId": %d, "lines": [{"sku": "%s", "quantity": 2}]}""".formatted(stroy, sku))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void theDemoHasOrdersInManyStatusesAMergedOneAndABackorder() {
        List<String> statuses = jdbc.sql("""
                        select distinct o.status from ordering.orders o join platform.user_account u on u.id = o.placed_by
                         where u.email in ('buyer@alpha.demo', 'manager@demo.local', 'buyer@beta.demo')
                           and o.created_at < now() - interval '12 hours'""")
                .query(String.class).list();
        assertThat(statuses).contains("COMPLETED", "DELIVERED", "SHIPPED", "PARTIALLY_SHIPPED", "CONFIRMED", "PLACED",
                "CANCELLED");
        assertThat(jdbc.sql("select count(*) from ordering.orders where cardinality(source_cart_ids) = 2 "
                + "and po_number = 'ПЗ-1131'").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from ordering.order_line l join ordering.orders o on o.id = l.order_id "
                + "where l.backordered > 0 and o.po_number = 'ПЗ-1120'").query(Long.class).single()).isEqualTo(1);
    }

    private String place(String sku, String quantity) {
        return json(buyer.post("/api/v1/orders", lines(sku, quantity)), 201).get("orders").get(0).get("number")
                .asString();
    }

    @Test
    void stockAnErpHoldsIsNotAvailableAndAnErpSyncNeverTouchesWhatOrdersReserved() {
        String sku = fixture.product("20000", 10, false);
        json(buyer.post("/api/v1/orders", lines(sku, "4")), 201);
        String warehouse = jdbc.sql("select code from catalog.warehouse order by id limit 1").query(String.class)
                .single();

        // the ERP's nightly sync: 10 on hand, 5 of them held for its other channels
        var synced = new Http(port).send(new Http(port).request("/api/v1/admin/stock")
                .header("Authorization", Http.basic("admin@demo.local", "demo"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("[{\"sku\":\"" + sku + "\",\"warehouse\":\""
                        + warehouse + "\",\"on_hand\":10,\"reserved\":5}]")));
        assertThat(synced.statusCode()).as(synced.body()).isEqualTo(200);

        assertThat(fixture.reserved(sku)).as("the order's reservation stays").isEqualByComparingTo("4");
        assertProblem(buyer.post("/api/v1/orders", lines(sku, "2")), 422, "out-of-stock", sku);
        json(buyer.post("/api/v1/orders", lines(sku, "1")), 201);
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("5");
    }

    static String lines(String sku, String quantity) {
        return "{\"lines\": [{\"sku\": \"%s\", \"quantity\": %s}]}".formatted(sku, quantity);
    }
}
