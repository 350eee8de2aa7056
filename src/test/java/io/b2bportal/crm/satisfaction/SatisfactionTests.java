package io.b2bportal.crm.satisfaction;

import io.b2bportal.claims.ClaimRated;
import io.b2bportal.ordering.OrderDelivered;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Delivery ratings through one-time links, claim ratings from the claims module, the periodic NPS question. */
@PortalTest
class SatisfactionTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Surveys surveys;
    @Value("${portal.crm.nps-interval-days:90}")
    int interval;

    record Order(long id, String number, long companyId, long legalEntityId, String buyer) {
    }

    /** A demo order placed by a customer user, its earlier question (if the demo delivered it) forgotten. */
    Order freshOrder(String buyer) {
        Order order = jdbc.sql("""
                        select o.id, o.number, o.company_id, o.legal_entity_id, u.email as buyer
                          from ordering.orders o join platform.user_account u on u.id = o.placed_by
                         where u.email = :buyer order by o.id limit 1""")
                .param("buyer", buyer).query(Order.class).single();
        jdbc.sql("""
                delete from crm.satisfaction_response
                 where request_id in (select id from crm.satisfaction_request where order_id = :o)""")
                .param("o", order.id()).update();
        jdbc.sql("delete from crm.satisfaction_request where order_id = :o").param("o", order.id()).update();
        return order;
    }

    String tokenOf(long orderId) {
        return jdbc.sql("select token from crm.satisfaction_request where kind = 'DELIVERY' and order_id = :o")
                .param("o", orderId).query(String.class).single();
    }

    HttpResponse<String> post(String path, String email, String json) {
        Http http = new Http(port);
        return http.send(http.request(path).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Authorization", Http.basic(email, "demo")));
    }

    @Test
    void aDeliveredOrderAsksItsBuyerOnceAndTakesOneAnswer() {
        Order order = freshOrder("buyer@alpha.demo");
        OrderDelivered delivered = new OrderDelivered(order.id(), order.number(), order.companyId(),
                order.legalEntityId(), "RUB", BigDecimal.TEN, BigDecimal.ONE, BigDecimal.valueOf(11));
        tx.executeWithoutResult(s -> events.publishEvent(delivered));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from crm.satisfaction_request where order_id = :o").param("o", order.id())
                .query(Long.class).single() == 1);
        String token = tokenOf(order.id());
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        // a redelivered event asks nothing again
        tx.executeWithoutResult(s -> events.publishEvent(delivered));
        assertThat(surveys.askAfterDelivery(order.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from crm.satisfaction_request where order_id = :o")
                .param("o", order.id()).query(Long.class).single()).isEqualTo(1);

        // the buyer is told in the portal and by mail, with the link
        assertThat(jdbc.sql("""
                select count(*) from platform.notification n join platform.user_account u on u.id = n.user_id
                 where u.email = 'buyer@alpha.demo' and n.link = :link""").param("link", "/feedback/" + token)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from platform.mail_outbox where recipient = 'buyer@alpha.demo'
                   and kind = 'crm.feedback.delivery' and body_text like :link""")
                .param("link", "%/feedback/" + token + "%").query(Long.class).single()).isEqualTo(1);

        // bad ratings and someone else change nothing
        assertThat(post("/api/v1/feedback/" + token, "buyer@alpha.demo", "{\"score\": 0}").statusCode())
                .isEqualTo(422);
        assertThat(post("/api/v1/feedback/" + token, "buyer@alpha.demo", "{\"score\": 6}").statusCode())
                .isEqualTo(422);
        assertThat(post("/api/v1/feedback/" + token, "buyer@alpha.demo", "{\"score\": \"abc\"}").statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/feedback/" + token, "buyer@alpha.demo", "{}").statusCode()).isEqualTo(422);
        HttpResponse<String> foreign = post("/api/v1/feedback/" + token, "approver@alpha.demo", "{\"score\": 1}");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(order.number());
        assertThat(post("/api/v1/feedback/" + token, "manager@demo.local", "{\"score\": 1}").statusCode())
                .isEqualTo(404);
        assertThat(post("/api/v1/feedback/not-a-token-at-all-xxxxxxxxxx", "buyer@alpha.demo", "{\"score\": 3}")
                .statusCode()).isEqualTo(404);

        HttpResponse<String> answered = post("/api/v1/feedback/" + token, "buyer@alpha.demo",
                "{\"score\": 4, \"comment\": \"Привезли вовремя\"}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(JSON.readTree(answered.body()).get("score").asInt()).isEqualTo(4);
        HttpResponse<String> again = post("/api/v1/feedback/" + token, "buyer@alpha.demo", "{\"score\": 5}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("""
                select score from crm.satisfaction_response r join crm.satisfaction_request q on q.id = r.request_id
                 where q.order_id = :o""").param("o", order.id()).query(Integer.class).list()).containsExactly(4);

        // the page: someone else's link says so, and shows nothing of the order
        WebSession approver = new WebSession(port).login("approver@alpha.demo", "demo");
        HttpResponse<String> foreignPage = approver.get("/feedback/" + token, "en");
        assertThat(foreignPage.statusCode()).isEqualTo(404);
        assertThat(foreignPage.body()).contains("does not exist or was not sent to you").doesNotContain(order.number());
        WebSession buyer = new WebSession(port).login("buyer@alpha.demo", "demo");
        HttpResponse<String> own = buyer.get("/feedback/" + token, "en");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains(order.number()).contains("answered this question already")
                .doesNotContain("data-testid=\"feedback-form\"");
    }

    @Test
    void anExpiredQuestionCannotBeAnswered() {
        Order order = freshOrder("buyer@beta.demo");
        String token = surveys.askAfterDelivery(order.id()).orElseThrow();
        jdbc.sql("update crm.satisfaction_request set expires_at = now() - interval '1 minute' where token = :t")
                .param("t", token).update();
        HttpResponse<String> late = post("/api/v1/feedback/" + token, "buyer@beta.demo", "{\"score\": 5}");
        assertThat(late.statusCode()).isEqualTo(410);
        WebSession buyer = new WebSession(port).login("buyer@beta.demo", "demo");
        assertThat(buyer.get("/feedback/" + token, "en").body()).contains("has expired")
                .doesNotContain("data-testid=\"feedback-form\"");
    }

    @Test
    void aRatedClaimIsRecordedOnce() {
        long company = jdbc.sql("""
                select min(m.company_id) from customers.membership m join platform.user_account u on u.id = m.user_id
                 where u.email = 'buyer@gamma.demo'""").query(Long.class).single();
        long claimId = 800_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
        ClaimRated rated = new ClaimRated(claimId, "R-TEST-" + claimId, company, 2, "Долго решали");
        tx.executeWithoutResult(s -> events.publishEvent(rated));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from crm.satisfaction_response where claim_id = :c").param("c", claimId)
                .query(Long.class).single() == 1);
        assertThat(surveys.recordClaimRating(rated)).isFalse();
        JsonNode summary = JSON.readTree(new Http(port).get("/api/v1/admin/crm/satisfaction?companyId=" + company,
                Http.basic("head@demo.local", "demo")).body());
        assertThat(summary.get("claimAnswers").asLong()).isEqualTo(jdbc.sql(
                "select count(*) from crm.satisfaction_response where company_id = :c and source = 'CLAIM'")
                .param("c", company).query(Long.class).single());
        assertThat(summary.get("comments").findValuesAsString("comment")).contains("Долго решали");
    }

    @Test
    void npsIsAskedOncePerPeriodOfEveryCustomerAdministrator() {
        // a period of its own, far enough ahead that no other test or the demo has asked in it
        LocalDate day = LocalDate.now().plusDays(interval * 20L + ThreadLocalRandom.current().nextInt(interval * 100));
        LocalDate start = surveys.npsPeriodStart(day);
        jdbc.sql("""
                delete from crm.satisfaction_response where request_id in
                    (select id from crm.satisfaction_request where kind = 'NPS' and period_start = :s)""")
                .param("s", start).update();
        jdbc.sql("delete from crm.satisfaction_request where kind = 'NPS' and period_start = :s").param("s", start)
                .update();
        long admins = jdbc.sql("""
                select count(distinct u.id) from platform.user_account u join customers.membership m on m.user_id = u.id
                 where u.side = 'CUSTOMER' and u.enabled and 'CUSTOMER_ADMIN' = any (u.roles)""")
                .query(Long.class).single();
        assertThat(admins).isPositive();
        assertThat(surveys.askNps(day)).isEqualTo((int) admins);
        assertThat(surveys.askNps(day)).isZero();
        assertThat(surveys.askNps(start.plusDays(interval - 1))).isZero();
        assertThat(jdbc.sql("select count(*) from crm.satisfaction_request where kind = 'NPS' and period_start = :s")
                .param("s", start).query(Long.class).single()).isEqualTo(admins);

        // the administrator's home page prompts, the page asks 0-10; a buyer has no prompt
        WebSession admin = new WebSession(port).login("admin@alpha.demo", "demo");
        assertThat(admin.get("/").body()).contains("/feedback/nps/prompt");
        assertThat(admin.get("/feedback/nps/prompt", "en").body()).contains("data-testid=\"nps-prompt\"")
                .contains("How likely are you to recommend us");
        HttpResponse<String> npsPage = admin.get("/feedback/nps", "en");
        assertThat(npsPage.statusCode()).isEqualTo(200);
        assertThat(npsPage.body()).contains("data-testid=\"score-0\"").contains("data-testid=\"score-10\"")
                .doesNotContain("data-testid=\"score-11\"");
        assertThat(new WebSession(port).login("buyer@alpha.demo", "demo").get("/feedback/nps/prompt").body())
                .doesNotContain("nps-prompt");

        // the administrator answers it on the API, once, 0-10
        assertThat(post("/api/v1/feedback/nps", "admin@alpha.demo", "{\"score\": 11}").statusCode()).isEqualTo(422);
        assertThat(post("/api/v1/feedback/nps", "admin@alpha.demo", "{\"score\": -1}").statusCode()).isEqualTo(422);
        HttpResponse<String> answered = post("/api/v1/feedback/nps", "admin@alpha.demo", "{\"score\": 10}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(post("/api/v1/feedback/nps", "admin@alpha.demo", "{\"score\": 9}").statusCode()).isEqualTo(409);
        assertThat(admin.get("/feedback/nps/prompt").body()).doesNotContain("nps-prompt");
        // a buyer who is no administrator was not asked
        assertThat(post("/api/v1/feedback/nps", "buyer@alpha.demo", "{\"score\": 9}").statusCode()).isEqualTo(404);
    }

    @Test
    void theSatisfactionFragmentIsForThoseWhoSeeTheClient() {
        long alpha = jdbc.sql("""
                select min(m.company_id) from customers.membership m join platform.user_account u on u.id = m.user_id
                 where u.email = 'buyer@alpha.demo'""").query(Long.class).single();
        HttpResponse<String> own = new WebSession(port).login("manager@demo.local", "demo")
                .get("/admin/crm/clients/" + alpha + "/satisfaction", "en");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("data-testid=\"satisfaction\"").contains("Delivery rating")
                .doesNotContain("<html");
        var summary = new SatisfactionQueries(jdbc).of(alpha);
        assertThat(own.body()).contains(summary.deliveryAverage() + " / 5");

        HttpResponse<String> other = new WebSession(port).login("manager2@demo.local", "demo")
                .get("/admin/crm/clients/" + alpha + "/satisfaction", "en");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("data-testid=\"satisfaction\"");
        assertThat(new Http(port).get("/api/v1/admin/crm/satisfaction?companyId=" + alpha,
                Http.basic("manager2@demo.local", "demo")).statusCode()).isEqualTo(404);
        HttpResponse<String> customer = new WebSession(port).login("buyer@alpha.demo", "demo")
                .get("/admin/crm/clients/" + alpha + "/satisfaction", "en");
        assertThat(customer.statusCode()).isIn(302, 403);
        assertThat(customer.body()).doesNotContain("data-testid=\"satisfaction\"");
        assertThat(new Http(port).get("/api/v1/admin/crm/satisfaction?companyId=" + alpha,
                Http.basic("buyer@alpha.demo", "demo")).statusCode()).isEqualTo(403);
    }
}
