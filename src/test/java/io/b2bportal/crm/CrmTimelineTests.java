package io.b2bportal.crm;

import io.b2bportal.claims.ClaimMessagePosted;
import io.b2bportal.claims.ClaimOpened;
import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.ordering.order.OrderLifecycle;
import io.b2bportal.payments.payment.Allocations;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.support.Http;
import io.b2bportal.support.Multipart;
import io.b2bportal.support.PortalTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client timeline built from real events: an order of Alpha Remont placed through the API, its invoice paid by a
 * registered payment, the order shipped, a claim opened and answered, each on the timeline once, dated when it
 * happened at the source and linking to its object; a redelivered event adds nothing; the demo's history reaches
 * back a month although it was seeded in one transaction.
 */
@PortalTest
class CrmTimelineTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    // Alpha Stroy (deferral): Alpha Remont's agreement must stay unaccepted for the customers tests that accept it
    static final String ALPHA_STROY = "7704123450";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentsApi documents;
    @Autowired
    Allocations allocations;
    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    Http http;
    long stroy;
    long alpha;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        stroy = jdbc.sql("select id from customers.legal_entity where inn = :inn").param("inn", ALPHA_STROY)
                .query(Long.class).single();
        alpha = CrmClientFixture.company(jdbc, "Группа «Альфа»");
        acceptAgreement();
        clearAdvance();
    }

    @Test
    void recordsTheOrderInvoicePaymentShipmentAndClaimOfOneClientOnceEachDatedAtTheSource() {
        String sku = product("5000.00"); // 3 of them: above Alpha Stroy's minimum order after its discount
        JsonNode placed = json(call("POST", "/api/v1/orders", "buyer@alpha.demo", stroy,
                "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 3}]}"), 201);
        String number = placed.get("orders").get(0).get("number").asString();
        long order = jdbc.sql("select id from ordering.orders where number = :n").param("n", number)
                .query(Long.class).single();
        InvoiceRef invoice = documents.invoiceOfOrder(order).orElseThrow();
        JsonNode payment = json(call("POST", "/api/v1/admin/payments", "accountant@demo.local", null, """
                {"legalEntityId": %d, "amount": %s, "receivedOn": "%s", "purpose": "Оплата по счёту %s",
                 "invoiceIds": [%d]}""".formatted(stroy, invoice.gross().toPlainString(), BusinessDate.today(),
                invoice.number(), invoice.id())), 201);
        long paymentId = payment.get("id").asLong();
        long ops = CrmClientFixture.user(jdbc, "ops@demo.local");
        // a deferral order is confirmed by the seller (a prepaid one would be by its payment)
        lifecycle.confirm(order, ops);
        lifecycle.startFulfilment(order, ops);
        lifecycle.ship(order, ops, Map.of(1, new BigDecimal("3")));
        Multipart form = claimForm(order);
        long claim = json(http.send(http.request("/api/v1/claims").POST(form.publisher())
                .header("Content-Type", form.contentType())
                .header("Authorization", Http.basic("buyer@alpha.demo", "demo")).header("Accept-Language", "en")
                .header("X-Legal-Entity", String.valueOf(stroy))),
                201).get("claim").get("id").asLong();
        json(call("POST", "/api/v1/claims/" + claim + "/messages", "buyer@alpha.demo", stroy,
                "{\"text\": \"Когда пришлёте замену?\"}"), 201);
        json(call("POST", "/api/v1/admin/claims/" + claim + "/notes", "ops@demo.local", null,
                "{\"text\": \"Внутреннее: проверить склад\"}"), 201);

        List<String> keys = List.of("order-placed:" + order, "invoice-issued:" + invoice.id(),
                "payment-received:" + paymentId, "invoice-paid:" + invoice.id(), "order-confirmed:" + order,
                "shipment:" + order + ":1", "claim-opened:" + claim);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("dedupe_key in (:keys)", Map.of("keys", keys)) == keys.size()
                && count("dedupe_key like :m and object_id = :claim", Map.of("m", "claim-message:%", "claim", claim)) == 1);

        assertThat(kindOf("order-placed:" + order)).isEqualTo("ORDER");
        assertThat(kindOf("invoice-issued:" + invoice.id())).isEqualTo("INVOICE");
        assertThat(kindOf("payment-received:" + paymentId)).isEqualTo("PAYMENT");
        assertThat(kindOf("shipment:" + order + ":1")).isEqualTo("SHIPMENT");
        assertThat(kindOf("claim-opened:" + claim)).isEqualTo("CLAIM");
        // dated at the source: the order's placing, the claim's opening
        assertThat(at("order-placed:" + order)).isEqualTo(sourceAt("select created_at from ordering.orders where id = :id", order));
        assertThat(at("claim-opened:" + claim)).isEqualTo(sourceAt("select created_at from claims.claim where id = :id", claim));
        // the internal note is never on the timeline: one message entry, the buyer's
        assertThat(jdbc.sql("select event from crm.timeline_entry where object_type = 'CLAIM' and object_id = :c and dedupe_key like 'claim-message:%'")
                .param("c", claim).query(String.class).list()).containsExactly("crm.timeline.claim.message-buyer");

        // the API reads it newest first, with messages and links to the objects
        JsonNode page = json(call("GET", "/api/v1/admin/crm/companies/" + alpha + "/timeline?limit=200", "manager@demo.local",
                null, null), 200);
        Map<String, String> links = new java.util.HashMap<>();
        page.get("items").forEach(i -> links.put(i.get("text").asString(), i.path("link").asString(null)));
        BigDecimal gross = jdbc.sql("select total_gross from ordering.orders where id = :id").param("id", order)
                .query(BigDecimal.class).single();
        assertThat(links).containsEntry("Order " + number + " placed for " + money(gross) + "\u00a0₽",
                "/admin/orders/" + number);
        assertThat(links).containsValue("/admin/documents/" + invoice.id());
        assertThat(links).containsValue("/admin/payments/" + paymentId);
        assertThat(links).containsValue("/admin/claims/" + claim);
        JsonNode payments = json(call("GET", "/api/v1/admin/crm/companies/" + alpha + "/timeline?kind=PAYMENT&limit=200",
                "manager@demo.local", null, null), 200);
        payments.get("items").forEach(i -> assertThat(i.get("kind").asString()).isEqualTo("PAYMENT"));
        assertThat(payments.get("items").toString()).contains("/admin/payments/" + paymentId);

        // a redelivered event adds nothing
        int before = count("company_id = :c", Map.of("c", alpha));
        String claimNumber = jdbc.sql("select number from claims.claim where id = :id").param("id", claim)
                .query(String.class).single();
        long message = jdbc.sql("select max(id) from claims.message where claim_id = :id").param("id", claim)
                .query(Long.class).single();
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new ClaimOpened(claim, claimNumber, order, alpha, stroy, "SHORTAGE", "REPLACEMENT"));
            events.publishEvent(new ClaimMessagePosted(claim, message, claimNumber, alpha,
                    CrmClientFixture.user(jdbc, "buyer@alpha.demo"), false));
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        select count(*) from platform.event_publication
                         where listener_id like '%ClaimTimeline%' and completion_date is null""")
                .query(Integer.class).single() == 0);
        assertThat(count("company_id = :c", Map.of("c", alpha))).isEqualTo(before);
    }

    @Test
    void theDemoHistoryReachesBackAMonthThoughItWasSeededInOneTransaction() {
        await().atMost(Duration.ofSeconds(60)).until(() -> CrmClientFixture.kinds(jdbc, alpha)
                .containsAll(List.of("ORDER", "INVOICE", "PAYMENT", "CLAIM", "SHIPMENT")));
        OffsetDateTime oldest = jdbc.sql("select min(occurred_at) from crm.timeline_entry where company_id = :c")
                .param("c", alpha).query(OffsetDateTime.class).single();
        assertThat(oldest).isBefore(OffsetDateTime.now().minusDays(30));
        // every claim and order of the demo's client is dated as at its source, not when the listener ran (other
        // tests backdate orders of their own companies after placing them)
        assertThat(jdbc.sql("""
                        select count(*) from crm.timeline_entry t join claims.claim c on t.dedupe_key = 'claim-opened:' || c.id
                         where t.occurred_at <> c.created_at and c.company_id = :c""").param("c", alpha)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from crm.timeline_entry t join ordering.orders o on t.dedupe_key = 'order-placed:' || o.id
                         where t.occurred_at <> o.created_at and o.company_id = :c""").param("c", alpha)
                .query(Integer.class).single()).isZero();
    }

    private String money(BigDecimal amount) {
        return String.format(java.util.Locale.ROOT, "%,.2f", amount).replace(',', '\u00a0').replace('.', ',');
    }

    private int count(String where, Map<String, ?> params) {
        var spec = jdbc.sql("select count(*) from crm.timeline_entry where " + where);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query(Integer.class).single();
    }

    private String kindOf(String key) {
        return jdbc.sql("select kind from crm.timeline_entry where dedupe_key = :k").param("k", key)
                .query(String.class).single();
    }

    private java.time.Instant at(String key) {
        return jdbc.sql("select occurred_at from crm.timeline_entry where dedupe_key = :k").param("k", key)
                .query(OffsetDateTime.class).single().toInstant();
    }

    private java.time.Instant sourceAt(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(OffsetDateTime.class).single().toInstant();
    }

    private Multipart claimForm(long order) {
        return new Multipart().field("orderId", String.valueOf(order)).field("type", "SHORTAGE")
                .field("remedy", "REPLACEMENT").field("description", "Не хватает упаковки")
                .field("lineNo", "1").field("quantity", "1").file("photos", "photo.png", "image/png", png());
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, (int) (System.nanoTime() & 0xFFFFFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void acceptAgreement() {
        String sha = json(call("GET", "/api/v1/agreement", "admin@alpha.demo", stroy, null), 200).get("pdfSha256")
                .asString();
        json(call("POST", "/api/v1/agreement/accept", "admin@alpha.demo", stroy,
                "{\"pdfSha256\": \"" + sha + "\"}"), 200);
    }

    /** Refunds Alpha Stroy's advance (the demo leaves one), so that the test's invoice waits for the test's payment. */
    private void clearAdvance() {
        record Open(long id, BigDecimal unapplied) {
        }
        for (Open p : jdbc.sql("""
                        select id, amount - coalesce((select sum(a.amount) from payments.allocation a
                                                       where a.payment_id = p.id), 0) as unapplied
                          from payments.payment p where legal_entity_id = :entity and status = 'POSTED'""")
                .param("entity", stroy).query(Open.class).list()) {
            BigDecimal amount = p.unapplied().min(allocations.advance(stroy));
            if (amount.signum() > 0) {
                allocations.refund(p.id(), amount, null);
            }
        }
    }

    private String product(String price) {
        return io.b2bportal.support.TestProducts.create(jdbc, "CRM", "Товар CRM", "CRM product", price, 1000, false);
    }

    private HttpResponse<String> call(String method, String path, String email, Long entity, String json) {
        HttpRequest.Builder request = http.request(path).header("Authorization", Http.basic(email, "demo"))
                .header("Accept-Language", "en")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (entity != null) {
            request.header("X-Legal-Entity", entity.toString());
        }
        return http.send(request);
    }

    static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
