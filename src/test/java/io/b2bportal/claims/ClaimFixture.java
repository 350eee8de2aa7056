package io.b2bportal.claims;

import io.b2bportal.support.TestProducts;
import io.b2bportal.ordering.order.Channel;
import io.b2bportal.ordering.order.Checkout;
import io.b2bportal.ordering.order.CheckoutRequest;
import io.b2bportal.ordering.order.OrderLifecycle;
import io.b2bportal.ordering.order.Placer;
import io.b2bportal.support.Http;
import io.b2bportal.support.Multipart;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders of a test's own for claims: products with their own stock, an order of Alpha Stroy placed through the real
 * checkout and shipped (in full or in part) by operations, and the claims API as buyers and staff call it.
 */
final class ClaimFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ALPHA_STROY = "7704123450";
    static final String BUYER = Http.basic("buyer@alpha.demo", "demo");
    static final String OPS = Http.basic("ops@demo.local", "demo");
    static final String BETA = Http.basic("buyer@beta.demo", "demo");

    private final JdbcClient jdbc;
    private final Http http;
    private final Checkout checkout;
    private final OrderLifecycle lifecycle;

    ClaimFixture(JdbcClient jdbc, Http http, Checkout checkout, OrderLifecycle lifecycle) {
        this.jdbc = jdbc;
        this.http = http;
        this.checkout = checkout;
        this.lifecycle = lifecycle;
        // orders of these tests are not about approvals or credit: no approval limit, credit enough
        jdbc.sql("""
                        delete from customers.approval_limit
                         where user_id = (select id from platform.user_account where email = 'buyer@alpha.demo')""")
                .update();
        jdbc.sql("""
                        update customers.contract c
                           set credit_limit = greatest(c.credit_limit, 1000000
                                   + (select greatest(coalesce(sum(p.amount), 0), 0) from ledger.posting p
                                       where p.legal_entity_id = c.legal_entity_id and p.account = 'RECEIVABLE'))
                         where c.legal_entity_id = (select id from customers.legal_entity where inn = :inn)
                           and c.payment_terms = 'DEFERRAL'""")
                .param("inn", ALPHA_STROY).update();
        acceptAgreement();
    }

    private void acceptAgreement() {
        String admin = Http.basic("admin@alpha.demo", "demo");
        HttpResponse<String> agreement = http.send(http.request("/api/v1/agreement").GET()
                .header("Authorization", admin).header("X-Legal-Entity", String.valueOf(entity())));
        String sha = JSON.readTree(agreement.body()).get("pdfSha256").asString();
        HttpResponse<String> accepted = http.send(http.request("/api/v1/agreement/accept")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pdfSha256\": \"" + sha + "\"}"))
                .header("Content-Type", "application/json").header("Authorization", admin)
                .header("X-Legal-Entity", String.valueOf(entity())));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    }

    long entity() {
        return jdbc.sql("select id from customers.legal_entity where inn = :inn").param("inn", ALPHA_STROY)
                .query(Long.class).single();
    }

    long user(String email) {
        return jdbc.sql("select id from platform.user_account where email = :email").param("email", email)
                .query(Long.class).single();
    }

    /** A product of its own: a price per piece with VAT, this much on hand in the first warehouse. */
    String product(String price, int onHand) {
        return TestProducts.create(jdbc, "CL", "Товар для рекламации", "Claim product", price, onHand, false);
    }

    /** A placed order of Alpha Stroy (one line per SKU, in this order), confirmed but not shipped. */
    long placed(Map<String, Integer> lines) {
        long stroy = entity();
        long company = jdbc.sql("select company_id from customers.legal_entity where id = :id").param("id", stroy)
                .query(Long.class).single();
        List<CheckoutRequest.RequestedLine> requested = new ArrayList<>();
        lines.forEach((sku, quantity) -> requested.add(new CheckoutRequest.RequestedLine(sku,
                BigDecimal.valueOf(quantity))));
        long id = checkout.place(new Placer(user("buyer@alpha.demo"), stroy, company, Channel.API),
                new CheckoutRequest(List.of(), requested, false, false, null, List.of(), null, null, null)).getFirst();
        long ops = user("ops@demo.local");
        lifecycle.confirm(id, ops);
        lifecycle.startFulfilment(id, ops);
        return id;
    }

    /** Ships these quantities by line number. */
    void ship(long orderId, Map<Integer, Integer> quantities) {
        Map<Integer, BigDecimal> ship = new java.util.HashMap<>();
        quantities.forEach((line, quantity) -> ship.put(line, BigDecimal.valueOf(quantity)));
        lifecycle.ship(orderId, user("ops@demo.local"), ship);
    }

    /** An order of one product, {@code ordered} placed and {@code shipped} of it shipped. */
    long shipped(String sku, int ordered, int shipped) {
        long id = placed(new java.util.LinkedHashMap<>(Map.of(sku, ordered)));
        ship(id, Map.of(1, shipped));
        return id;
    }

    HttpResponse<String> open(String authorization, long orderId, Multipart body) {
        return http.send(http.request("/api/v1/claims").POST(body.publisher())
                .header("Content-Type", body.contentType()).header("Authorization", authorization)
                .header("Accept-Language", "en"));
    }

    /** A claim form: the order's line 1 with this quantity, type SHORTAGE, remedy REPLACEMENT. */
    static Multipart claim(long orderId, String quantity) {
        return new Multipart().field("orderId", String.valueOf(orderId)).field("type", "SHORTAGE")
                .field("remedy", "REPLACEMENT").field("description", "Не хватает упаковки")
                .field("lineNo", "1").field("quantity", quantity);
    }

    long openClaim(long orderId, String quantity) {
        return json(open(BUYER, orderId, claim(orderId, quantity).file("photos", "photo.png", "image/png", png(1))),
                201).get("claim").get("id").asLong();
    }

    HttpResponse<String> get(String path, String authorization) {
        return http.send(http.request(path).GET().header("Authorization", authorization)
                .header("Accept-Language", "en"));
    }

    HttpResponse<String> post(String path, String authorization, String json) {
        return http.send(http.request(path).POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .header("Accept-Language", "en"));
    }

    /** The staff action answers 200 with the claim. */
    JsonNode staff(long claimId, String action, String json) {
        return json(post("/api/v1/admin/claims/" + claimId + "/" + action, OPS, json), 200);
    }

    static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    static String status(JsonNode claim) {
        return (claim.has("claim") && claim.get("claim").has("claim") ? claim.get("claim").get("claim")
                : claim.get("claim")).get("status").asString();
    }

    BigDecimal stock(String sku, String column) {
        return jdbc.sql("select coalesce(sum(" + column + "), 0) from catalog.stock s join catalog.product p"
                        + " on p.id = s.product_id where p.sku = :sku")
                .param("sku", sku).query(BigDecimal.class).single();
    }

    /** A real PNG, unique per seed. */
    static byte[] png(int seed) {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(seed % 40, 0, Color.RED.getRGB());
        image.setRGB(0, (int) (System.nanoTime() % 30), new Color((int) (System.nanoTime() & 0xFFFFFF)).getRGB());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.7\n% " + text + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }
}
