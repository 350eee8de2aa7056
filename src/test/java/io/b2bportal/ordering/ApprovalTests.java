package io.b2bportal.ordering;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
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
 * Alpha's buyer has approval limits (set here, removed after each test); Alpha's approver approves, changes or rejects
 * what waits. Products of the test's own, Alpha Stroy's deferral contract.
 */
@PortalTest
class ApprovalTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    OrderFixture fixture;
    CartClient buyer;
    CartClient approver;
    long stroy;
    long buyerId;

    @BeforeEach
    void signIn() {
        fixture = new OrderFixture(jdbc);
        stroy = fixture.entity(ALPHA_STROY);
        buyer = new CartClient(new Http(port), "buyer@alpha.demo").actingFor(stroy);
        approver = new CartClient(new Http(port), "approver@alpha.demo").actingFor(stroy);
        buyerId = fixture.user("buyer@alpha.demo");
        OrderFixture.acceptAgreement(new Http(port), stroy);
    }

    @AfterEach
    void noLimits() {
        jdbc.sql("delete from customers.approval_limit where user_id = :user").param("user", buyerId).update();
    }

    @Test
    void anOrderAboveTheLimitWaitsIsChangedByTheApproverAndPlacedWhenApproved() {
        limit("20000", null);
        String sku = fixture.product("12000", 10, false);
        JsonNode order = place(sku, "3");
        String number = order.get("number").asString();
        assertThat(order.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(fixture.reserved(sku)).as("stock is held while it waits").isEqualByComparingTo("3");

        assertThat(buyer.post("/api/v1/approvals/" + number + "/approve", "{}").statusCode())
                .as("a buyer is no approver").isEqualTo(403);
        assertThat(json(approver.get("/api/v1/approvals"), 200).findValuesAsString("number")).contains(number);

        JsonNode changed = json(approver.put("/api/v1/approvals/" + number + "/lines",
                "{\"lines\": [{\"lineNo\": 1, \"quantity\": 2}]}"), 200);
        assertThat(changed.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("2");
        assertThat(changed.get("totalGross").decimalValue())
                .isEqualByComparingTo(order.get("totalGross").decimalValue().multiply(new BigDecimal("2"))
                        .divide(new BigDecimal("3"), 2, java.math.RoundingMode.HALF_UP));
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("2");
        assertThat(approver.put("/api/v1/approvals/" + number + "/lines",
                "{\"lines\": [{\"lineNo\": 1, \"quantity\": 5}]}").statusCode()).as("only down").isEqualTo(422);

        JsonNode approved = json(approver.post("/api/v1/approvals/" + number + "/approve",
                "{\"comment\": \"ok, two are enough\"}"), 200);
        assertThat(approved.get("status").asString()).isEqualTo("PLACED");
        assertThat(approved.get("history").findValuesAsString("action")).contains("PLACED", "CHANGED", "APPROVED");
        assertThat(approver.post("/api/v1/approvals/" + number + "/approve", "{}").statusCode()).isEqualTo(409);
    }

    @Test
    void nobodyApprovesTheirOwnOrder() {
        long approverId = fixture.user("approver@alpha.demo");
        jdbc.sql("""
                        insert into customers.approval_limit (company_id, user_id, per_order, updated_by)
                        values (:company, :user, 1, :user)""")
                .param("company", fixture.company(ALPHA_STROY)).param("user", approverId).update();
        try {
            String sku = fixture.product("12000", 10, false);
            long cart = approver.createCart(unique("Own"));
            approver.addLine(cart, sku, "1");
            JsonNode own = json(approver.post("/api/v1/orders", "{\"cartIds\": [" + cart + "]}"), 201)
                    .get("orders").get(0);
            assertThat(own.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
            String number = own.get("number").asString();

            assertThat(approver.post("/api/v1/approvals/" + number + "/approve", "{}").statusCode()).isEqualTo(403);
            assertThat(approver.post("/api/v1/approvals/" + number + "/reject", "{\"comment\": \"x\"}").statusCode())
                    .isEqualTo(403);
            CartClient admin = new CartClient(new Http(port), "admin@alpha.demo").actingFor(stroy);
            assertThat(json(admin.post("/api/v1/approvals/" + number + "/approve", "{}"), 200)
                    .get("status").asString()).isEqualTo("PLACED");
        } finally {
            jdbc.sql("delete from customers.approval_limit where user_id = :user").param("user", approverId).update();
        }
    }

    @Test
    void aRejectedOrderIsCancelledWithTheReasonAndItsStockReleased() {
        limit("1000", null);
        String sku = fixture.product("12000", 10, false);
        String number = place(sku, "2").get("number").asString();

        assertThat(approver.post("/api/v1/approvals/" + number + "/reject", "{}").statusCode())
                .as("a reason is required").isEqualTo(422);
        JsonNode rejected = json(approver.post("/api/v1/approvals/" + number + "/reject",
                "{\"comment\": \"not this month\"}"), 200);

        assertThat(rejected.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(rejected.get("cancelReason").asString()).isEqualTo("not this month");
        assertThat(fixture.reserved(sku)).isZero();
    }

    @Test
    void theMonthlyLimitCountsTheBuyersOrdersOfTheMonth() {
        BigDecimal sofar = jdbc.sql("""
                        select coalesce(sum(total_gross), 0) from ordering.orders
                         where placed_by = :user and status <> 'CANCELLED'
                           and created_at >= date_trunc('month', now() at time zone 'Europe/Moscow')
                                             at time zone 'Europe/Moscow'""")
                .param("user", buyerId).query(BigDecimal.class).single();
        String sku = fixture.product("12000", 10, false);
        BigDecimal line = new BigDecimal(place(sku, "1").get("totalGross").decimalValue().toPlainString());
        limit(null, sofar.add(line).add(line).add(new BigDecimal("100")).toPlainString());

        assertThat(place(sku, "1").get("status").asString()).isEqualTo("PLACED");
        assertThat(place(sku, "1").get("status").asString()).isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void theBuyerLowersAnApprovedOrderWhichThenWaitsForApprovalAgain() {
        limit("20000", null);
        String sku = fixture.product("12000", 10, false);
        String number = place(sku, "3").get("number").asString();
        json(approver.post("/api/v1/approvals/" + number + "/approve", "{}"), 200);

        JsonNode changed = json(buyer.put("/api/v1/orders/" + number + "/lines",
                "{\"lines\": [{\"lineNo\": 1, \"quantity\": 2}]}"), 200);

        assertThat(changed.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(approver.put("/api/v1/orders/" + number + "/lines",
                "{\"lines\": [{\"lineNo\": 1, \"quantity\": 1}]}").statusCode()).as("not the approver's own order")
                .isEqualTo(403);
        assertThat(buyer.put("/api/v1/orders/" + number + "/lines",
                "{\"lines\": [{\"lineNo\": 1, \"quantity\": 0}]}").statusCode()).as("keeps a line").isEqualTo(422);
    }

    @Test
    void otherCompaniesAndAccountantsSeeNothing() {
        limit("1000", null);
        String number = place(fixture.product("12000", 10, false), "1").get("number").asString();
        CartClient beta = new CartClient(new Http(port), "buyer@beta.demo");
        assertThat(beta.post("/api/v1/approvals/" + number + "/approve", "{}").statusCode()).isIn(403, 404);
        CartClient accountant = new CartClient(new Http(port), "accountant@alpha.demo").actingFor(stroy);
        assertThat(accountant.get("/api/v1/approvals").statusCode()).isEqualTo(403);
        assertThat(json(approver.get("/api/v1/orders/" + number), 200).get("status").asString())
                .isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void theDemoHasAnOrderWaitingForAlphasApprover() {
        assertThat(json(approver.get("/api/v1/approvals"), 200).findValuesAsString("poNumber")).contains("ПЗ-1200");
    }

    private JsonNode place(String sku, String quantity) {
        long cart = buyer.createCart(unique("Approval"));
        buyer.addLine(cart, sku, quantity);
        return json(buyer.post("/api/v1/orders", "{\"cartIds\": [" + cart + "]}"), 201).get("orders").get(0);
    }

    private void limit(String perOrder, String perMonth) {
        jdbc.sql("""
                        insert into customers.approval_limit (company_id, user_id, per_order, per_month, updated_by)
                        values (:company, :user, cast(:perOrder as numeric), cast(:perMonth as numeric), :user)
                        on conflict (company_id, user_id) do update
                           set per_order = excluded.per_order, per_month = excluded.per_month""")
                .param("company", fixture.company(ALPHA_STROY)).param("user", buyerId).param("perOrder", perOrder)
                .param("perMonth", perMonth).update();
    }
}
