package io.b2bportal.crm;

import io.b2bportal.claims.ClaimOpened;
import io.b2bportal.crm.rules.RuleEngine;
import io.b2bportal.crm.rules.ScheduledTriggers;
import io.b2bportal.ordering.OrderPlaced;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.ordering.order.OrderLifecycle;
import io.b2bportal.payments.reminders.Reminders;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.crm.TasksFixture.HEAD;
import static io.b2bportal.crm.TasksFixture.MANAGER;
import static io.b2bportal.crm.TasksFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rules on real events: each built-in rule makes its task (once, even when the event comes again), conditions that do
 * not hold are logged as skipped, a rule switched off does nothing, an edit is a new version and the executions say
 * which one ran, bad rules are refused, and only administrators and sales heads write rules.
 */
@PortalTest
class CrmRulesTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformApi platform;
    @Autowired
    OrderingApi ordering;
    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    Reminders paymentReminders;
    @Autowired
    RuleEngine engine;
    @Autowired
    ScheduledTriggers scheduled;

    TasksFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new TasksFixture(jdbc, platform, ordering, new Http(port));
    }

    private List<Map<String, Object>> awaitTasks(long rule, long company, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.ruleTasks(rule, company).size() >= count);
        return fixture.ruleTasks(rule, company);
    }

    @Test
    void aNewRegistrationGivesTheManagerOnDutyACall() {
        long rule = fixture.builtIn("new-registration");
        long company = fixture.register(port);

        List<Map<String, Object>> tasks = awaitTasks(rule, company, 1);
        assertThat(tasks).hasSize(1);
        assertThat(tasks.getFirst().get("type")).isEqualTo("CALL");
        assertThat((String) tasks.getFirst().get("subject")).startsWith("Позвонить новому клиенту: ООО «Регистрация");
        assertThat(tasks.getFirst().get("dedupe_key")).isEqualTo("rule:" + rule + ":registered:" + company);
        // the new company has no account manager: the one with the fewest open tasks, ties by id
        long assignee = (Long) tasks.getFirst().get("assignee_id");
        assertThat(jdbc.sql("select 'ACCOUNT_MANAGER' = any (roles) from platform.user_account where id = :id")
                .param("id", assignee).query(Boolean.class).single()).isTrue();
        assertThat(fixture.outcomes(rule, "registered:" + company)).containsExactly("SUCCESS");
        // the same event again (a redelivery): nothing new
        engine.fire(new io.b2bportal.customers.CustomerRegistered(0, company, 0, "x", "x", "x", "x", "x@x.x", null));
        assertThat(fixture.ruleTasks(rule, company)).hasSize(1);
        assertThat(fixture.outcomes(rule, "registered:" + company)).containsExactly("SUCCESS");
    }

    @Test
    void aPlacedOrderRedeliveredCreatesNothingNewAndConditionsFalseAreSkipped() {
        TasksFixture.Customer client = fixture.customer("manager@demo.local");
        long rule = json(fixture.send("POST", "/api/v1/admin/crm/rules", HEAD, """
                {"name": "Крупный заказ", "trigger": "ORDER_PLACED",
                 "conditions": [{"field": "gross", "op": ">", "value": "10000"},
                                {"field": "companyId", "op": "=", "value": "%d"}],
                 "actions": [{"kind": "TASK", "activityType": "CALL", "subject": "Поблагодарить за {number}",
                              "dueHours": 4, "recipient": "ACCOUNT_MANAGER"},
                             {"kind": "NOTIFY", "body": "Крупный заказ {number}", "recipient": "ACCOUNT_MANAGER"}]}"""
                .formatted(client.companyId())), 201).get("id").asLong();
        String sku = fixture.product("1000.00");
        long small = fixture.order(client, sku, 2);
        long big = fixture.order(client, sku, 20);

        List<Map<String, Object>> tasks = awaitTasks(rule, client.companyId(), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.outcomes(rule, "order-placed:" + small).size() == 1);
        assertThat(tasks).hasSize(1);
        assertThat(tasks.getFirst().get("assignee_id")).isEqualTo(fixture.user("manager@demo.local"));
        assertThat(fixture.outcomes(rule, "order-placed:" + small)).containsExactly("SKIPPED");
        assertThat(fixture.outcomes(rule, "order-placed:" + big)).containsExactly("SUCCESS");

        // the same event again (a redelivery): nothing new
        OrderingApi.OrderDocument order = ordering.order(big).orElseThrow();
        engine.fire(new OrderPlaced(big, order.number(), client.companyId(), client.entityId(), "RUB", order.net(),
                order.vat(), order.gross(), order.channel()));
        assertThat(fixture.ruleTasks(rule, client.companyId())).hasSize(1);
        assertThat(fixture.outcomes(rule, "order-placed:" + big)).containsExactly("SUCCESS");
        assertThat(jdbc.sql("select count(*) from platform.notification where text = :t")
                .param("t", "Крупный заказ " + order.number()).query(Long.class).single()).isEqualTo(1);

        // switched off: does nothing
        json(fixture.send("POST", "/api/v1/admin/crm/rules/" + rule + "/disable", HEAD, null), 200);
        long off = fixture.order(client, sku, 30);
        // as the listener would, with the rule off
        engine.fire(new OrderPlaced(off, "X", client.companyId(), client.entityId(), "RUB", BigDecimal.ONE,
                BigDecimal.ZERO, new BigDecimal("30000"), "API"));
        assertThat(fixture.outcomes(rule, "order-placed:" + off)).isEmpty();
        assertThat(fixture.ruleTasks(rule, client.companyId())).hasSize(1);
    }

    @Test
    void anEditIsTheNextVersionAndTheExecutionsSayWhichRan() {
        TasksFixture.Customer client = fixture.customer("manager@demo.local");
        String body = """
                {"name": "Заказ клиента", "trigger": "ORDER_PLACED",
                 "conditions": [{"field": "companyId", "op": "EQ", "value": "%d"}, {"field": "gross", "op": "GE", "value": "%s"}],
                 "actions": [{"kind": "TASK", "activityType": "TASK", "subject": "Проверить заказ {number}",
                              "dueHours": 1, "recipient": "ACCOUNT_MANAGER"}]}""";
        long rule = json(fixture.send("POST", "/api/v1/admin/crm/rules", HEAD,
                body.formatted(client.companyId(), "1000000")), 201).get("id").asLong();
        String sku = fixture.product("500.00");
        long first = fixture.order(client, sku, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.outcomes(rule, "order-placed:" + first).size() == 1);

        JsonNode v2 = json(fixture.send("PUT", "/api/v1/admin/crm/rules/" + rule, HEAD,
                body.formatted(client.companyId(), "100")), 200);
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        long second = fixture.order(client, sku, 1);
        awaitTasks(rule, client.companyId(), 1);

        JsonNode executions = json(fixture.get("/api/v1/admin/crm/rules/" + rule + "/executions", HEAD), 200);
        assertThat(executions).hasSize(2);
        assertThat(executions.get(0).get("eventKey").asString()).isEqualTo("order-placed:" + second);
        assertThat(executions.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(executions.get(0).get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(executions.get(1).get("version").asInt()).isEqualTo(1);
        assertThat(executions.get(1).get("outcome").asString()).isEqualTo("SKIPPED");
        JsonNode withVersions = json(fixture.get("/api/v1/admin/crm/rules/" + rule, MANAGER), 200);
        assertThat(withVersions.get("versions")).hasSize(2);
        assertThat(withVersions.get("versions").get(1).get("conditions").get(1).get("value").asString())
                .isEqualTo("1000000");
    }

    @Test
    void badRulesAreRefusedAndOnlyHeadsAndAdminsWriteThem() {
        String task = "[{\"kind\": \"TASK\", \"activityType\": \"CALL\", \"subject\": \"S\", \"dueHours\": 1,"
                + " \"recipient\": \"ACCOUNT_MANAGER\"}]";
        assertThat(code(fixture.send("POST", "/api/v1/admin/crm/rules", HEAD, """
                {"name": "x", "trigger": "ORDER_PLACED", "conditions": [{"field": "weight", "op": "=", "value": "1"}],
                 "actions": %s}""".formatted(task)))).isEqualTo("rule-field");
        assertThat(code(fixture.send("POST", "/api/v1/admin/crm/rules", HEAD, """
                {"name": "x", "trigger": "ORDER_PLACED", "conditions": [{"field": "gross", "op": ">", "value": "много"}],
                 "actions": %s}""".formatted(task)))).isEqualTo("rule-value");
        assertThat(code(fixture.send("POST", "/api/v1/admin/crm/rules", HEAD, """
                {"name": "x", "trigger": "ORDER_PLACED", "conditions": [{"field": "number", "op": ">", "value": "1"}],
                 "actions": %s}""".formatted(task)))).isEqualTo("rule-op-type");
        assertThat(code(fixture.send("POST", "/api/v1/admin/crm/rules", HEAD, """
                {"name": "x", "trigger": "ORDER_PLACED", "actions": []}"""))).isEqualTo("rule-no-actions");
        assertThat(code(fixture.send("POST", "/api/v1/admin/crm/rules", HEAD, """
                {"name": "x", "trigger": "SOMETHING", "actions": %s}""".formatted(task)))).isEqualTo("rule-trigger");
        assertThat(code(fixture.send("POST", "/api/v1/admin/crm/rules", HEAD, """
                {"name": "x", "trigger": "CART_UNTOUCHED", "actions": %s}""".formatted(task)))).isEqualTo("rule-days");
        assertThat(code(fixture.send("POST", "/api/v1/admin/crm/rules", HEAD, """
                {"name": "x", "trigger": "ORDER_PLACED", "actions": [{"kind": "TASK", "activityType": "CALL",
                 "subject": "{weight}", "dueHours": 1, "recipient": "ACCOUNT_MANAGER"}]}"""))).isEqualTo("rule-placeholder");
        assertThat(fixture.send("POST", "/api/v1/admin/crm/rules", MANAGER, """
                {"name": "x", "trigger": "ORDER_PLACED", "actions": %s}""".formatted(task)).statusCode())
                .isEqualTo(403);
        long builtIn = fixture.builtIn("claim-opened");
        assertThat(fixture.send("POST", "/api/v1/admin/crm/rules/" + builtIn + "/disable", MANAGER, null).statusCode())
                .isEqualTo(403);
        assertThat(fixture.get("/api/v1/admin/crm/rules", MANAGER).statusCode()).isEqualTo(200);
        JsonNode triggers = json(fixture.get("/api/v1/admin/crm/rules/triggers", MANAGER), 200);
        assertThat(triggers.findValuesAsString("code")).contains("CUSTOMER_REGISTERED", "ORDER_PLACED",
                "ORDER_DELIVERED", "ORDER_CANCELLED", "INVOICE_OVERDUE", "INVOICE_DUE_SOON", "PAYMENT_RECEIVED",
                "CLAIM_OPENED", "CLAIM_CLOSED", "CLAIM_RATED", "CREDIT_HOLD_PLACED", "CART_UNTOUCHED", "NO_ORDER_FOR");
    }

    private static String code(java.net.http.HttpResponse<String> response) {
        JsonNode body = json(response, 422);
        String type = body.get("type").asString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    @Test
    void anOpenedClaimGivesTheAccountManagerATaskOnce() {
        TasksFixture.Customer client = fixture.customer("manager@demo.local");
        long rule = fixture.builtIn("claim-opened");
        long order = fixture.shipped(client, fixture.product("300.00"), 5, lifecycle);
        long claim = fixture.openClaim(client, order);

        List<Map<String, Object>> tasks = awaitTasks(rule, client.companyId(), 1);
        assertThat(tasks).hasSize(1);
        assertThat((String) tasks.getFirst().get("subject")).startsWith("Связаться с клиентом по рекламации");
        assertThat(tasks.getFirst().get("assignee_id")).isEqualTo(fixture.user("manager@demo.local"));
        String number = jdbc.sql("select number from claims.claim where id = :id").param("id", claim)
                .query(String.class).single();
        engine.fire(new ClaimOpened(claim, number, order, client.companyId(), client.entityId(), "SHORTAGE",
                "REPLACEMENT"));
        assertThat(fixture.ruleTasks(rule, client.companyId())).hasSize(1);
    }

    @Test
    void anOverdueInvoiceGivesTheAccountManagerACallAboutPayment() {
        TasksFixture.Customer client = fixture.customer("manager2@demo.local");
        long rule = fixture.builtIn("invoice-overdue");
        String sku = fixture.product("700.00");
        BusinessDate.asOf(BusinessDate.today().minusDays(31), () -> fixture.order(client, sku, 1));

        assertThat(paymentReminders.run(client.entityId())).isEqualTo(1);
        List<Map<String, Object>> tasks = awaitTasks(rule, client.companyId(), 1);
        assertThat(tasks).hasSize(1);
        assertThat((String) tasks.getFirst().get("subject")).startsWith("Позвонить об оплате счёта")
                .contains("1 дн. просрочки");
        assertThat(tasks.getFirst().get("assignee_id")).isEqualTo(fixture.user("manager2@demo.local"));
        assertThat(paymentReminders.run(client.entityId())).isZero();
        assertThat(fixture.ruleTasks(rule, client.companyId())).hasSize(1);
        // the same event again (a redelivery): nothing new
        String key = jdbc.sql("select event_key from crm.rule_execution where rule_id = :r and company_id = :c")
                .param("r", rule).param("c", client.companyId()).query(String.class).single();
        long invoice = Long.parseLong(key.split(":")[1]);
        engine.fire(new io.b2bportal.payments.InvoiceOverdue(invoice, "x", client.entityId(), client.companyId(),
                BigDecimal.TEN, java.time.LocalDate.now(), Long.parseLong(key.split(":")[2]), null));
        assertThat(fixture.ruleTasks(rule, client.companyId())).hasSize(1);
        assertThat(fixture.outcomes(rule, key)).containsExactly("SUCCESS");
    }

    @Test
    void anUntouchedCartAndARegularCustomerWithoutOrdersGetTheirTasksOnce() {
        TasksFixture.Customer client = fixture.customer("manager@demo.local");
        String sku = fixture.product("100.00");
        for (int i = 0; i < 3; i++) {
            fixture.order(client, sku, 1);
        }
        jdbc.sql("update ordering.orders set created_at = now() - interval '40 days' where company_id = :c")
                .param("c", client.companyId()).update();
        long cart = jdbc.sql("""
                insert into ordering.cart (legal_entity_id, owner_id, name, created_at, updated_at)
                values (:entity, :owner, 'Забытая', now() - interval '5 days', now() - interval '4 days') returning id""")
                .param("entity", client.entityId()).param("owner", client.adminId()).query(Long.class).single();
        jdbc.sql("""
                insert into ordering.cart_line (cart_id, product_id, quantity, added_by, added_at, updated_by, updated_at)
                values (:cart, (select id from catalog.product where sku = :sku), 3, :owner, now() - interval '4 days',
                        :owner, now() - interval '4 days')""")
                .param("cart", cart).param("sku", sku).param("owner", client.adminId()).update();

        scheduled.scan(Instant.now());
        scheduled.scan(Instant.now());

        List<Map<String, Object>> cartTasks = fixture.ruleTasks(fixture.builtIn("cart-untouched"), client.companyId());
        assertThat(cartTasks).hasSize(1);
        assertThat((String) cartTasks.getFirst().get("subject")).isEqualTo("Напомнить о корзине «Забытая» (1 поз.)");
        List<Map<String, Object>> churn = fixture.ruleTasks(fixture.builtIn("churn-risk"), client.companyId());
        assertThat(churn).hasSize(1);
        assertThat((String) churn.getFirst().get("subject")).isEqualTo("Риск ухода: нет заказов 40 дн.");
        assertThat(churn.getFirst().get("assignee_id")).isEqualTo(fixture.user("manager@demo.local"));
    }
}
