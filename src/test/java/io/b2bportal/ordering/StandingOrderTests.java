package io.b2bportal.ordering;

import io.b2bportal.ordering.standing.Schedule;
import io.b2bportal.ordering.standing.StandingOrderRunner;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.ordering.CartClient.json;
import static io.b2bportal.ordering.CartClient.unique;
import static io.b2bportal.ordering.OrderFixture.ALPHA_STROY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Standing orders of Alpha Stroy (deferral, credit 1.5 million, minimum order 10,000 ₽) with products of the test's own. Dates are
 * weeks ahead and the runner is called with them, so the portal's own poll (which runs with today) never takes them.
 */
@PortalTest
class StandingOrderTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StandingOrderRunner runner;
    @Autowired
    io.b2bportal.pricing.PricingApi pricing;
    OrderFixture fixture;
    CartClient buyer;
    long stroy;
    LocalDate first;

    @BeforeEach
    void signIn() {
        fixture = new OrderFixture(jdbc);
        stroy = fixture.entity(ALPHA_STROY);
        OrderFixture.acceptAgreement(new Http(port), stroy);
        buyer = new CartClient(new Http(port), "buyer@alpha.demo").actingFor(stroy);
        // a Monday five to ten weeks ahead, different for each test so that they never share a due date
        first = Schedule.weekly(DayOfWeek.MONDAY).after(LocalDate.now().plusWeeks(5 + java.util.concurrent.ThreadLocalRandom.current().nextInt(40)));
    }

    @Test
    void aWeeklyStandingOrderIsPlacedAtTheDaysPricesAndMovesToTheNextWeek() {
        String sku = fixture.product("12000", 100, false);
        JsonNode so = setUp(cartWith(sku, "2"), first, null);
        BigDecimal unit = unitGross(sku);
        assertThat(so.get("lines").get(0).get("agreedUnitGross").decimalValue()).isEqualByComparingTo(unit);

        runner.runDue(first);

        JsonNode after = get(so);
        JsonNode occurrence = after.get("occurrences").get(0);
        assertThat(occurrence.get("status").asString()).as(occurrence.toString()).isEqualTo("PLACED");
        assertThat(after.get("summary").get("nextDate").asString()).isEqualTo(first.plusWeeks(1).toString());
        JsonNode order = json(buyer.get("/api/v1/orders/" + occurrence.get("orderNumber").asString()), 200);
        assertThat(order.get("channel").asString()).isEqualTo("STANDING_ORDER");
        assertThat(order.get("totalGross").decimalValue()).isEqualByComparingTo(unit.multiply(BigDecimal.TWO));
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("2");

        runner.runDue(first);
        assertThat(get(so).get("occurrences").size()).as("nothing more is due on the same day").isEqualTo(1);
    }

    @Test
    void aPriceRiseAboveTheLimitWaitsForTheBuyerWhoIsMailedAndMayPlaceItAnyway() {
        String sku = fixture.product("12000", 100, false);
        JsonNode so = setUp(cartWith(sku, "1"), first, null);
        setBasePrice(sku, "13200");

        runner.runDue(first);

        JsonNode occurrence = get(so).get("occurrences").get(0);
        assertThat(occurrence.get("status").asString()).isEqualTo("WAITING_REVIEW");
        assertThat(occurrence.get("reasons").asString()).contains("PRICE_ROSE").contains(sku);
        assertThat(fixture.reserved(sku)).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from platform.mail_outbox
                         where recipient = 'buyer@alpha.demo' and kind = 'ordering.standing-order.review'
                           and body_text like :sku""").param("sku", "%" + sku + "%").query(Long.class).single())
                .isEqualTo(1);

        String place = "/api/v1/standing-orders/" + id(so) + "/occurrences/" + occurrence.get("id").asLong() + "/place";
        JsonNode placed = json(buyer.post(place, ""), 200);
        assertThat(placed.get("placed").asBoolean()).isTrue();
        JsonNode now = placed.get("standingOrder");
        assertThat(now.get("occurrences").get(0).get("status").asString()).isEqualTo("PLACED");
        assertThat(now.get("lines").get(0).get("agreedUnitGross").decimalValue()).isEqualByComparingTo(unitGross(sku));
        assertThat(buyer.post(place, "").statusCode()).as("a second click places nothing").isEqualTo(409);
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("1");
    }

    @Test
    void shortStockWithoutBackordersWaitsAndMayBeSkipped() {
        String sku = fixture.product("12000", 5, false);
        JsonNode so = setUp(cartWith(sku, "3"), first, null);
        fixture.setOnHand(sku, 2);

        runner.runDue(first);

        JsonNode occurrence = get(so).get("occurrences").get(0);
        assertThat(occurrence.get("status").asString()).isEqualTo("WAITING_REVIEW");
        assertThat(occurrence.get("reasons").asString()).contains("STOCK_SHORT");
        JsonNode skipped = json(buyer.post("/api/v1/standing-orders/" + id(so) + "/occurrences/"
                + occurrence.get("id").asLong() + "/skip", ""), 200);
        assertThat(skipped.get("occurrences").get(0).get("status").asString()).isEqualTo("SKIPPED");
        assertThat(fixture.reserved(sku)).isZero();
    }

    @Test
    void twoNodesRunningAtOnceNeverPlaceAnOccurrenceTwice() throws Exception {
        List<Long> ids = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String sku = fixture.product("12000", 100, false);
            skus.add(sku);
            ids.add(id(setUp(cartWith(sku, "1"), first, null)));
        }
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        CyclicBarrier start = new CyclicBarrier(3);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            runs.add(nodes.submit((Callable<Integer>) () -> {
                start.await();
                return runner.runDue(first);
            }));
        }
        for (Future<Integer> run : runs) {
            run.get();
        }
        nodes.shutdown();

        for (int i = 0; i < ids.size(); i++) {
            assertThat(jdbc.sql("""
                            select count(*) from ordering.standing_occurrence
                             where standing_order_id = :id and status = 'PLACED'""")
                    .param("id", ids.get(i)).query(Long.class).single()).isEqualTo(1);
            assertThat(fixture.reserved(skus.get(i))).as(skus.get(i)).isEqualByComparingTo("1");
        }
    }

    @Test
    void anOccurrenceLeftBehindByADeadNodeIsPlacedOnceByTheNext() {
        String sku = fixture.product("12000", 100, false);
        JsonNode so = setUp(cartWith(sku, "1"), first, null);
        long occurrence = jdbc.sql("""
                        insert into ordering.standing_occurrence (standing_order_id, due_date, status, claimed_at)
                        values (:id, :date, 'PROCESSING', now() - interval '1 hour') returning id""")
                .param("id", id(so)).param("date", first.minusWeeks(1)).query(Long.class).single();

        runner.runDue(LocalDate.now());
        runner.runDue(LocalDate.now());

        assertThat(jdbc.sql("select status from ordering.standing_occurrence where id = :id").param("id", occurrence)
                .query(String.class).single()).isEqualTo("PLACED");
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("1");
    }

    @Test
    void pausedAndCancelledStandingOrdersPlaceNothingAndAnEndDateEndsOne() {
        String sku = fixture.product("12000", 100, false);
        JsonNode paused = setUp(cartWith(sku, "1"), first, null);
        json(buyer.post("/api/v1/standing-orders/" + id(paused) + "/pause", ""), 200);
        runner.runDue(first);
        assertThat(get(paused).get("occurrences").size()).isZero();
        assertThat(buyer.post("/api/v1/standing-orders/" + id(paused) + "/pause", "").statusCode()).isEqualTo(409);
        json(buyer.post("/api/v1/standing-orders/" + id(paused) + "/cancel", ""), 200);
        assertThat(get(paused).get("summary").get("status").asString()).isEqualTo("CANCELLED");
        assertThat(buyer.post("/api/v1/standing-orders/" + id(paused) + "/resume", "").statusCode()).isEqualTo(409);

        JsonNode once = setUp(cartWith(sku, "1"), first, first);
        runner.runDue(first);
        assertThat(get(once).get("summary").get("status").asString()).isEqualTo("ENDED");
        assertThat(get(once).get("occurrences").get(0).get("status").asString()).isEqualTo("PLACED");
    }

    @Test
    void nonsenseIsRefusedWithAReasonAndCreatesNothing() {
        String sku = fixture.product("12000", 100, false);
        long cart = cartWith(sku, "1");
        long before = count();
        String base = "\"name\": \"x\", \"cartId\": " + cart;
        for (String body : List.of(
                "{" + base + ", \"frequency\": \"DAILY\", \"dayOfWeek\": 1}",
                "{" + base + ", \"frequency\": \"MONTHLY\", \"dayOfMonth\": 31}",
                "{" + base + ", \"frequency\": \"WEEKLY\"}",
                "{" + base + ", \"frequency\": \"WEEKLY\", \"dayOfWeek\": 1, \"firstDate\": \"" + first
                        + "\", \"endsOn\": \"" + first.minusDays(1) + "\"}",
                "{" + base + ", \"frequency\": \"WEEKLY\", \"dayOfWeek\": 1, \"firstDate\": \"2020-01-01\"}",
                "{" + base + ", \"frequency\": \"WEEKLY\", \"dayOfWeek\": 1, \"firstDate\": \"not a date\"}",
                "{" + base + ", \"frequency\": \"WEEKLY\", \"dayOfWeek\": 1, \"maxPriceRisePercent\": -1}",
                "{\"name\": \"x\", \"frequency\": \"WEEKLY\", \"dayOfWeek\": 1}",
                "{\"name\": \"\", \"cartId\": " + cart + ", \"frequency\": \"WEEKLY\", \"dayOfWeek\": 1}",
                "{\"name\": \"x\", \"cartId\": " + buyer.createCart(unique("Empty"))
                        + ", \"frequency\": \"WEEKLY\", \"dayOfWeek\": 1}")) {
            assertThat(buyer.post("/api/v1/standing-orders", body).statusCode()).as(body).isEqualTo(422);
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anotherCompanySeesNothingAndAnAccountantMayNotOrder() {
        String sku = fixture.product("12000", 100, false);
        JsonNode so = setUp(cartWith(sku, "1"), first, null);
        CartClient beta = new CartClient(new Http(port), "buyer@beta.demo");
        assertThat(beta.get("/api/v1/standing-orders/" + id(so)).statusCode()).isEqualTo(404);
        assertThat(beta.post("/api/v1/standing-orders/" + id(so) + "/cancel", "").statusCode()).isEqualTo(404);
        assertThat(json(beta.get("/api/v1/standing-orders"), 200).findValues("id")).extracting(JsonNode::asLong)
                .doesNotContain(id(so));
        CartClient accountant = new CartClient(new Http(port), "accountant@alpha.demo").actingFor(stroy);
        assertThat(accountant.get("/api/v1/standing-orders").statusCode()).isEqualTo(403);
        assertThat(get(so).get("summary").get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void theDemoHasAWeeklyStandingOrderAndAMonthlyOneWaitingForReview() {
        JsonNode list = json(buyer.get("/api/v1/standing-orders"), 200);
        assertThat(list.findValuesAsString("name")).contains("Еженедельный крепёж для цеха",
                "Ежемесячно: расходники склада");
        for (JsonNode so : list) {
            if (so.get("name").asString().equals("Ежемесячно: расходники склада")) {
                assertThat(so.get("waiting").asInt()).isPositive();
            }
        }
    }

    private long cartWith(String sku, String quantity) {
        long cart = buyer.createCart(unique("Standing"));
        buyer.addLine(cart, sku, quantity);
        return cart;
    }

    private JsonNode setUp(long cart, LocalDate firstDate, LocalDate endsOn) {
        return json(buyer.post("/api/v1/standing-orders", """
                {"name": %s, "cartId": %d, "frequency": "WEEKLY", "dayOfWeek": 1, "firstDate": "%s", "endsOn": %s,
                 "maxPriceRisePercent": 5}""".formatted(CartClient.quote(unique("Weekly")), cart, firstDate,
                endsOn == null ? "null" : "\"" + endsOn + "\"")), 201);
    }

    private JsonNode get(JsonNode so) {
        return json(buyer.get("/api/v1/standing-orders/" + id(so)), 200);
    }

    private static long id(JsonNode so) {
        return so.get("summary").get("id").asLong();
    }

    private long count() {
        return jdbc.sql("select count(*) from ordering.standing_order").query(Long.class).single();
    }

    private BigDecimal unitGross(String sku) {
        return pricing.prices(stroy, List.of(io.b2bportal.pricing.QuoteLine.of(sku, 1))).getFirst().unitGross();
    }

    private void setBasePrice(String sku, String amount) {
        jdbc.sql("""
                        update pricing.price set amount = :amount
                         where product_id = (select id from catalog.product where sku = :sku)
                           and price_list_id = (select price_list_id from pricing.price_type where code = 'base')""")
                .param("amount", new BigDecimal(amount)).param("sku", sku).update();
    }
}
