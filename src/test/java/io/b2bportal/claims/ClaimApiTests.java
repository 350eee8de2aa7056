package io.b2bportal.claims;

import io.b2bportal.ordering.order.Checkout;
import io.b2bportal.ordering.order.OrderLifecycle;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.claims.ClaimFixture.BUYER;
import static io.b2bportal.claims.ClaimFixture.json;
import static io.b2bportal.claims.ClaimFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A claim over the API from the buyer's report to the end: photos and the act with the claim, the seller's review, a
 * question and the buyer's answer, the decision, a resolution that really happens (a zero-price replacement order
 * with stock reserved, a return that puts stock back), closing and the rating; mail to the buyer on the way.
 */
@PortalTest
class ClaimApiTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Checkout checkout;
    @Autowired
    OrderLifecycle lifecycle;

    ClaimFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ClaimFixture(jdbc, new Http(port), checkout, lifecycle);
    }

    @Test
    void aShortageGoesFromTheBuyersReportThroughTheThreadToAReplacementOrderAndARating() {
        String sku = fixture.product("1200", 50);
        long order = fixture.shipped(sku, 10, 10);
        byte[] photo = ClaimFixture.png(7);

        JsonNode opened = json(fixture.open(BUYER, order, ClaimFixture.claim(order, "3")
                .file("photos", "недостача.png", "image/png", photo)
                .file("act", "act.pdf", "application/pdf", ClaimFixture.pdf("act"))), 201);

        long id = opened.get("claim").get("id").asLong();
        assertThat(opened.get("claim").get("status").asString()).isEqualTo("NEW");
        assertThat(opened.get("claim").get("type").asString()).isEqualTo("SHORTAGE");
        assertThat(opened.get("claim").get("deadline").asString())
                .isEqualTo(opened.get("claim").get("responseDue").asString());
        assertThat(opened.get("claim").get("number").asString()).matches("РК-\\d{4}-\\d{5}");
        assertThat(opened.get("lines").get(0).get("sku").asString()).isEqualTo(sku);
        assertThat(opened.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("3");
        assertThat(opened.get("files")).hasSize(2);
        assertThat(opened.get("files").get(0).get("kind").asString()).isEqualTo("PHOTO");
        assertThat(opened.get("files").get(1).get("kind").asString()).isEqualTo("ACT");
        HttpResponse<byte[]> download = bytes("/api/v1/claims/" + id + "/files/"
                + opened.get("files").get(0).get("id").asLong());
        assertThat(download.body()).isEqualTo(photo);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(fixture.get("/api/v1/admin/claims?open=true", ClaimFixture.OPS).body()).contains("\"id\":" + id + ",");

        JsonNode reviewed = fixture.staff(id, "review", null);
        assertThat(status(reviewed)).isEqualTo("IN_REVIEW");
        assertThat(reviewed.get("claim").get("claim").get("respondedAt").isNull()).isFalse();
        JsonNode asked = fixture.staff(id, "ask-buyer", "{\"text\": \"Пришлите фото паллеты\"}");
        assertThat(status(asked)).isEqualTo("WAITING_FOR_BUYER");
        JsonNode answered = json(fixture.post("/api/v1/claims/" + id + "/messages", BUYER,
                "{\"text\": \"Фото паллеты во вложении\"}"), 201);
        assertThat(answered.get("claim").get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(answered.get("messages")).hasSize(2);
        assertThat(answered.get("messages").get(0).get("staff").asBoolean()).isTrue();
        assertThat(answered.get("messages").get(1).get("body").asString()).isEqualTo("Фото паллеты во вложении");

        assertThat(status(fixture.staff(id, "decision", "{\"decision\": \"ACCEPTED\"}"))).isEqualTo("ACCEPTED");
        BigDecimal reservedBefore = fixture.stock(sku, "reserved");
        JsonNode resolved = fixture.staff(id, "replacement", null);

        assertThat(status(resolved)).isEqualTo("RESOLVED");
        String replacement = resolved.get("claim").get("replacementNumber").asString();
        record Replacement(String channel, String status, BigDecimal totalGross, BigDecimal quantity,
                BigDecimal lineGross, BigDecimal reserved) {
        }
        Replacement placed = jdbc.sql("""
                        select o.channel, o.status, o.total_gross, l.quantity, l.line_gross, l.reserved
                          from ordering.orders o join ordering.order_line l on l.order_id = o.id
                         where o.number = :number""")
                .param("number", replacement).query(Replacement.class).single();
        assertThat(placed.channel()).isEqualTo("CLAIM");
        assertThat(placed.status()).isEqualTo("CONFIRMED");
        assertThat(placed.totalGross()).isEqualByComparingTo("0");
        assertThat(placed.lineGross()).isEqualByComparingTo("0");
        assertThat(placed.quantity()).isEqualByComparingTo("3");
        assertThat(placed.reserved()).isEqualByComparingTo("3");
        assertThat(fixture.stock(sku, "reserved")).isEqualByComparingTo(reservedBefore.add(new BigDecimal("3")));

        assertThat(status(fixture.staff(id, "close", null))).isEqualTo("CLOSED");
        JsonNode rated = json(fixture.post("/api/v1/claims/" + id + "/rating", BUYER,
                "{\"rating\": 5, \"comment\": \"Быстро\"}"), 200);
        assertThat(rated.get("claim").get("rating").asInt()).isEqualTo(5);
        assertThat(rated.get("ratingComment").asString()).isEqualTo("Быстро");
        assertThat(fixture.post("/api/v1/claims/" + id + "/rating", BUYER, "{\"rating\": 1}").statusCode())
                .isEqualTo(409);

        JsonNode history = rated.get("history");
        assertThat(history.valueStream().map(e -> e.get("action").asString()).toList()).containsExactly("OPENED",
                "IN_REVIEW", "ASKED_BUYER", "BUYER_ANSWERED", "ACCEPTED", "RESOLVED_REPLACEMENT", "CLOSED", "RATED");
        assertThat(history.get(1).get("actorName").asString()).isNotBlank();
        String number = opened.get("claim").get("number").asString();
        assertThat(jdbc.sql("""
                        select count(*) from platform.mail_outbox
                         where recipient = 'buyer@alpha.demo' and kind = 'claims.changed' and subject like :n""")
                .param("n", "%" + number + "%").query(Long.class).single()).isGreaterThanOrEqualTo(5);
        // and the bell: an in-app notification per change, linking to the claim
        JsonNode notifications = json(fixture.get("/api/v1/notifications", BUYER), 200);
        assertThat(notifications.toString()).contains(number).contains("/claims/" + id);
    }

    @Test
    void theSellerAnswersWithAFileThatTheBuyerCanOpen() {
        long id = fixture.openClaim(fixture.shipped(fixture.product("3000", 20), 5, 5), "1");
        byte[] png = ClaimFixture.png(7);
        io.b2bportal.support.Multipart body = new io.b2bportal.support.Multipart().field("text", "Фото со склада")
                .file("files", "warehouse.png", "image/png", png);
        HttpResponse<String> sent = new Http(port).send(new Http(port).request("/api/v1/admin/claims/" + id + "/messages")
                .POST(body.publisher()).header("Content-Type", body.contentType())
                .header("Authorization", ClaimFixture.OPS));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);

        JsonNode claim = json(fixture.get("/api/v1/claims/" + id, BUYER), 200);
        assertThat(claim.toString()).contains("Фото со склада").contains("warehouse.png");
        long fileId = jdbc.sql("select max(id) from claims.claim_file where claim_id = :id").param("id", id)
                .query(Long.class).single();
        HttpResponse<byte[]> file = bytes("/api/v1/claims/" + id + "/files/" + fileId);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(png);
    }

    @Test
    void aPartlyAcceptedClaimIsResolvedByAReturnThatPutsTheGoodsBackInStock() {
        String sku = fixture.product("1500", 40);
        long order = fixture.shipped(sku, 10, 10);
        long id = fixture.openClaim(order, "3");
        long line = jdbc.sql("select order_line_id from claims.claim_line where claim_id = :id").param("id", id)
                .query(Long.class).single();
        fixture.staff(id, "review", null);

        JsonNode partly = fixture.staff(id, "decision", "{\"decision\": \"PARTLY_ACCEPTED\", \"reason\": \"Одна цела\","
                + " \"accepted\": [{\"orderLineId\": " + line + ", \"quantity\": 2}]}");
        assertThat(status(partly)).isEqualTo("PARTLY_ACCEPTED");
        assertThat(partly.get("claim").get("lines").get(0).get("accepted").decimalValue()).isEqualByComparingTo("2");
        BigDecimal onHand = fixture.stock(sku, "on_hand");
        assertThat(fixture.staff(id, "return", null).get("claim").get("returnStatus").asString()).isEqualTo("AWAITING");
        assertThat(fixture.stock(sku, "on_hand")).isEqualByComparingTo(onHand);

        JsonNode received = fixture.staff(id, "return/received", null);

        assertThat(status(received)).isEqualTo("RESOLVED");
        assertThat(received.get("claim").get("resolution").asString()).isEqualTo("RETURN");
        assertThat(fixture.stock(sku, "on_hand")).isEqualByComparingTo(onHand.add(new BigDecimal("2")));
        assertThat(fixture.post("/api/v1/admin/claims/" + id + "/return/received", ClaimFixture.OPS, null)
                .statusCode()).isEqualTo(409);
        assertThat(fixture.stock(sku, "on_hand")).isEqualByComparingTo(onHand.add(new BigDecimal("2")));
    }

    @Test
    void aRejectionNeedsAReasonTheBuyerReads() {
        long order = fixture.shipped(fixture.product("3000", 20), 5, 5);
        long id = fixture.openClaim(order, "1");
        fixture.staff(id, "review", null);

        HttpResponse<String> noReason = fixture.post("/api/v1/admin/claims/" + id + "/decision", ClaimFixture.OPS,
                "{\"decision\": \"REJECTED\"}");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("reject-reason").contains("A rejection needs a reason");
        fixture.staff(id, "decision", "{\"decision\": \"REJECTED\", \"reason\": \"Недостачи нет по весу\"}");

        JsonNode seen = json(fixture.get("/api/v1/claims/" + id, BUYER), 200);
        assertThat(seen.get("claim").get("status").asString()).isEqualTo("REJECTED");
        assertThat(seen.get("rejectReason").asString()).isEqualTo("Недостачи нет по весу");
        assertThat(seen.get("claim").get("deadline").isNull()).isTrue();
    }

    @Test
    void aStepTheStatusDoesNotAllowIsRefusedAndChangesNothing() {
        long id = fixture.openClaim(fixture.shipped(fixture.product("3000", 20), 5, 5), "1");

        HttpResponse<String> close = fixture.post("/api/v1/admin/claims/" + id + "/close", ClaimFixture.OPS, null);
        HttpResponse<String> replace = fixture.post("/api/v1/admin/claims/" + id + "/replacement", ClaimFixture.OPS,
                null);

        assertThat(close.statusCode()).isEqualTo(409);
        assertThat(close.body()).contains("claim-status").contains("is new: it cannot become closed");
        assertThat(replace.statusCode()).isEqualTo(409);
        assertThat(replace.body()).contains("claim-not-accepted");
        assertThat(status(json(fixture.get("/api/v1/claims/" + id, BUYER), 200))).isEqualTo("NEW");
    }

    @Test
    void aPriceReductionIsACreditNoteOfTheAgreedAmountAndABadAmountIsRefused() {
        long id = fixture.openClaim(fixture.shipped(fixture.product("3000", 20), 5, 5), "2");
        fixture.staff(id, "review", null);
        fixture.staff(id, "decision", "{\"decision\": \"ACCEPTED\"}");

        HttpResponse<String> refused = fixture.post("/api/v1/admin/claims/" + id + "/credit-note", ClaimFixture.OPS,
                "{\"amount\": -5}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("claim-amount");
        assertThat(status(json(fixture.get("/api/v1/claims/" + id, BUYER), 200))).isEqualTo("ACCEPTED");

        JsonNode resolved = fixture.staff(id, "credit-note", "{\"amount\": 1500.00}");
        assertThat(status(resolved)).isEqualTo("RESOLVED");
        assertThat(jdbc.sql("""
                        select total_gross from documents.document where kind = 'CREDIT_NOTE' and number = :n""")
                .param("n", resolved.get("claim").get("creditNoteNumber").asString()).query(BigDecimal.class)
                .single()).isEqualByComparingTo("1500.00");
    }

    @Test
    void aCreditNoteResolvesTheClaimAndReachesTheBuyersDocumentsAndStatement() {
        long id = fixture.openClaim(fixture.shipped(fixture.product("3000", 20), 5, 5), "2");
        fixture.staff(id, "review", null);
        fixture.staff(id, "decision", "{\"decision\": \"ACCEPTED\"}");

        JsonNode resolved = fixture.staff(id, "credit-note", "{}");

        assertThat(status(resolved)).isEqualTo("RESOLVED");
        assertThat(resolved.get("claim").get("creditNoteNumber").asString()).isNotBlank();
        assertThat(jdbc.sql("""
                        select count(*) from documents.document where kind = 'CREDIT_NOTE' and number = :n""")
                .param("n", resolved.get("claim").get("creditNoteNumber").asString()).query(Long.class).single())
                .isEqualTo(1);
        // the buyer sees it among their documents, and their statement of account shows it as a credit
        String number = resolved.get("claim").get("creditNoteNumber").asString();
        JsonNode documents = json(fixture.get("/api/v1/documents?type=CREDIT_NOTE", BUYER), 200);
        assertThat(documents.toString()).contains(number);
        JsonNode statement = json(fixture.get("/api/v1/statement", BUYER), 200);
        assertThat(statement.toString()).contains("CREDIT_NOTE");
    }

    private HttpResponse<byte[]> bytes(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(new Http(port).request(path).GET()
                    .header("Authorization", BUYER).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Integer> lines(Object... skuAndQuantity) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.put((String) skuAndQuantity[i], (Integer) skuAndQuantity[i + 1]);
        }
        return lines;
    }
}
