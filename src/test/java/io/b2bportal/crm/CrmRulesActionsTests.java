package io.b2bportal.crm;

import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.crm.TasksFixture.HEAD;
import static io.b2bportal.crm.TasksFixture.MANAGER;
import static io.b2bportal.crm.TasksFixture.MANAGER2;
import static io.b2bportal.crm.TasksFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The other actions on a real order: a mail to the client's administrators, the client's open deal moved to a stage
 * (with the rule in the deal's history); a rule whose action fails is logged FAILED with its message and rolls back,
 * while the other rules on the same event still run; the execution log shows an account manager only their clients.
 */
@PortalTest
class CrmRulesActionsTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformApi platform;
    @Autowired
    OrderingApi ordering;

    TasksFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new TasksFixture(jdbc, platform, ordering, new Http(port));
    }

    private long stage(long pipeline, String code, int position) {
        return jdbc.sql("""
                insert into crm.pipeline_stage (pipeline_id, code, name, position, probability)
                values (:p, :code, :code, :pos, :pos * 20) returning id""")
                .param("p", pipeline).param("code", code).param("pos", position).query(Long.class).single();
    }

    @Test
    void mailAndDealMoveHappenAndAFailingRuleDoesNotStopTheOthers() {
        TasksFixture.Customer client = fixture.customer("manager@demo.local");
        String code = "t-" + client.companyId();
        long pipeline = jdbc.sql("insert into crm.pipeline (code, name) values (:code, 'Тест') returning id")
                .param("code", code).query(Long.class).single();
        long first = stage(pipeline, "first", 0);
        long offer = stage(pipeline, "offer", 1);
        long other = jdbc.sql("insert into crm.pipeline (code, name) values (:code, 'Другая') returning id")
                .param("code", code + "-x").query(Long.class).single();
        long elsewhere = stage(other, "elsewhere", 0);
        long deal = jdbc.sql("""
                insert into crm.deal (pipeline_id, stage_id, company_id, title, probability, owner_id)
                values (:p, :s, :c, 'Поставка', 0, :owner) returning id""")
                .param("p", pipeline).param("s", first).param("c", client.companyId())
                .param("owner", fixture.user("manager@demo.local")).query(Long.class).single();

        String condition = "[{\"field\": \"companyId\", \"op\": \"EQ\", \"value\": \"" + client.companyId() + "\"}]";
        long good = json(fixture.send("POST", "/api/v1/admin/crm/rules", HEAD, """
                {"name": "Письмо и сделка", "trigger": "ORDER_PLACED", "conditions": %s,
                 "actions": [{"kind": "MAIL", "subject": "Спасибо за заказ {number}", "body": "Сумма {gross}",
                              "recipient": "COMPANY_ADMINS"},
                             {"kind": "MOVE_DEAL", "pipelineId": %d, "stageId": %d}]}"""
                .formatted(condition, pipeline, offer)), 201).get("id").asLong();
        long bad = json(fixture.send("POST", "/api/v1/admin/crm/rules", HEAD, """
                {"name": "Сломанное", "trigger": "ORDER_PLACED", "conditions": %s,
                 "actions": [{"kind": "TASK", "activityType": "CALL", "subject": "Не должно остаться {number}",
                              "dueHours": 1, "recipient": "ACCOUNT_MANAGER"},
                             {"kind": "MOVE_DEAL", "pipelineId": %d, "stageId": %d}]}"""
                .formatted(condition, pipeline, elsewhere)), 201).get("id").asLong();

        long order = fixture.order(client, fixture.product("100.00"), 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.outcomes(good, "order-placed:" + order).size() == 1
                && fixture.outcomes(bad, "order-placed:" + order).size() == 1);

        assertThat(fixture.outcomes(good, "order-placed:" + order)).containsExactly("SUCCESS");
        assertThat(fixture.outcomes(bad, "order-placed:" + order)).containsExactly("FAILED");
        assertThat(jdbc.sql("select message from crm.rule_execution where rule_id = :r").param("r", bad)
                .query(String.class).single()).contains("stage-not-in-pipeline");
        // the failing rule's task rolled back with it
        assertThat(fixture.ruleTasks(bad, client.companyId())).isEmpty();
        String number = ordering.order(order).orElseThrow().number();
        assertThat(jdbc.sql("""
                select count(*) from platform.mail_outbox where recipient = :to and kind = 'crm.rule' and subject = :s""")
                .param("to", client.adminEmail()).param("s", "Спасибо за заказ " + number).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select stage_id from crm.deal where id = :id").param("id", deal).query(Long.class)
                .single()).isEqualTo(offer);
        assertThat(jdbc.sql("select rule_id from crm.deal_stage_history where deal_id = :id").param("id", deal)
                .query(Long.class).single()).isEqualTo(good);

        // the log: the head sees these executions, manager2 (not this client's manager) does not
        List<Long> head = ruleIds(json(fixture.get("/api/v1/admin/crm/rules/executions", HEAD), 200));
        assertThat(head).contains(good, bad);
        assertThat(ruleIds(json(fixture.get("/api/v1/admin/crm/rules/executions", MANAGER), 200))).contains(good);
        assertThat(ruleIds(json(fixture.get("/api/v1/admin/crm/rules/executions?ruleId=" + good, MANAGER2), 200)))
                .isEmpty();
    }

    private static List<Long> ruleIds(JsonNode executions) {
        return StreamSupport.stream(executions.spliterator(), false).map(x -> x.get("ruleId").asLong()).toList();
    }
}
