package io.b2bportal.claims;

import io.b2bportal.ordering.order.Checkout;
import io.b2bportal.ordering.order.OrderLifecycle;
import io.b2bportal.support.Http;
import io.b2bportal.support.Multipart;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.claims.ClaimFixture.BUYER;
import static io.b2bportal.claims.ClaimFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input is refused with a message that says what is wrong, and nothing is written: more than shipped (minus what
 * was claimed before), an order not shipped yet, an executable renamed to .jpg, a 200 MB file; HTML and script in a
 * message are kept as typed and shown escaped, never run.
 */
@PortalTest
class ClaimBadInputTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Checkout checkout;
    @Autowired
    OrderLifecycle lifecycle;

    ClaimFixture fixture;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        fixture = new ClaimFixture(jdbc, http, checkout, lifecycle);
    }

    @Test
    void claimingMoreThanShippedMinusClaimedIsRefusedOnTheApiAndThePage() {
        String sku = fixture.product("3000", 30);
        long order = fixture.shipped(sku, 10, 6);

        HttpResponse<String> overShipped = fixture.open(BUYER, order, ClaimFixture.claim(order, "7"));
        fixture.openClaim(order, "4");
        HttpResponse<String> overLeft = fixture.open(BUYER, order, ClaimFixture.claim(order, "3"));
        WebSession buyer = new WebSession(port).login("buyer@alpha.demo", "demo");
        String form = buyer.get("/claims/new?order=" + order, "en").body();
        HttpResponse<String> page = buyer.post("/claims/new/" + order + "?lang=en&_csrf=" + WebSession.csrfToken(form),
                new Multipart().field("type", "SHORTAGE").field("remedy", "REPLACEMENT").field("description", "много")
                        .field("lineNo", "1").field("quantity", "2.5"));

        assertThat(overShipped.statusCode()).isEqualTo(422);
        assertThat(overShipped.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(overShipped.body()).contains("claim-too-much")
                .contains("You claim 7 of " + sku + ", but only 6 was shipped and 6 may still be claimed.");
        assertThat(overLeft.statusCode()).isEqualTo(422);
        assertThat(overLeft.body()).contains("only 6 was shipped and 2 may still be claimed");
        assertThat(form).contains("data-sku=\"" + sku + "\"");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"refused\"")
                .contains("You claim 2.5 of " + sku + ", but only 6 was shipped and 2 may still be claimed.")
                .contains("value=\"2.5\"");
        assertThat(claims(order)).isEqualTo(1);
    }

    @Test
    void aClaimOnAnOrderNotShippedYetIsRefused() {
        long order = fixture.placed(new java.util.LinkedHashMap<>(java.util.Map.of(fixture.product("3000", 20), 5)));

        HttpResponse<String> api = fixture.open(BUYER, order, ClaimFixture.claim(order, "1"));
        WebSession buyer = new WebSession(port).login("buyer@alpha.demo", "demo");
        String page = buyer.get("/claims/new?order=" + order, "en").body();

        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(api.body()).contains("order-not-shipped").contains("has not shipped yet");
        assertThat(page).contains("data-testid=\"not-shipped\"").doesNotContain("data-testid=\"claim-form\"");
        assertThat(claims(order)).isZero();
    }

    @Test
    void anExecutableRenamedToJpgIsRefusedAndNothingIsStored() {
        long order = fixture.shipped(fixture.product("3000", 20), 5, 5);
        byte[] executable = new byte[4096];
        new java.util.Random().nextBytes(executable);
        System.arraycopy(HexFormat.of().parseHex("4d5a90000300000004000000ffff0000"), 0, executable, 0, 16);

        HttpResponse<String> api = fixture.open(BUYER, order, ClaimFixture.claim(order, "1")
                .file("photos", "photo.jpg", "image/jpeg", executable));
        long claim = fixture.openClaim(order, "1");
        Multipart withFile = new Multipart().field("text", "вот фото").file("files", "scan.jpg", "image/jpeg",
                executable);
        HttpResponse<String> messageApi = http.send(http.request("/api/v1/claims/" + claim + "/messages")
                .POST(withFile.publisher()).header("Content-Type", withFile.contentType())
                .header("Authorization", BUYER).header("Accept-Language", "en"));

        assertThat(api.statusCode()).isEqualTo(415);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.body()).contains("unsupported-file-type").contains("photo.jpg").contains("PDF, JPEG, PNG");
        assertThat(messageApi.statusCode()).isEqualTo(415);
        assertThat(messageApi.body()).contains("scan.jpg");
        assertThat(claims(order)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from claims.message where claim_id = :id").param("id", claim)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from platform.blob where sha256 = :s")
                .param("s", io.b2bportal.shared.Hashes.sha256Hex(executable)).query(Long.class).single()).isZero();
    }

    @Test
    void aTwoHundredMegabyteFileIsAProblemOnTheApiAndAMessageOnThePage() {
        long order = fixture.shipped(fixture.product("3000", 20), 5, 5);
        long size = 200L * 1024 * 1024;
        String boundary = "----Claim" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"orderId\"\r\n\r\n" + order
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"huge.jpg\""
                + "\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> api = http.send(http.request("/api/v1/claims")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() ->
                        stream(head, size, tail)), head.length + size + tail.length))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", BUYER)
                .header("Accept-Language", "en"));
        WebSession buyer = new WebSession(port).login("buyer@alpha.demo", "demo");
        String token = WebSession.csrfToken(buyer.get("/claims/new?order=" + order).body());
        HttpResponse<String> page = http.send(http.request("/claims/new/" + order + "?lang=en&_csrf=" + token)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() ->
                        stream(head, size, tail)), head.length + size + tail.length))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "PORTAL_SESSION=" + buyer.cookie("PORTAL_SESSION").getValue()));

        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.body()).contains("file-too-large").contains("The upload is too large");
        assertThat(page.statusCode()).isEqualTo(302);
        String location = URI.create(page.headers().firstValue("Location").orElseThrow()).getPath() + "?"
                + URI.create(page.headers().firstValue("Location").orElseThrow()).getQuery();
        assertThat(location).startsWith("/claims/new?order=" + order);
        assertThat(buyer.get(location, "en").body()).contains("data-testid=\"refused\"")
                .contains("The upload is too large: files of at most 20 MB are accepted.");
        assertThat(claims(order)).isZero();
    }

    @Test
    void htmlAndScriptInAMessageAreKeptAsTypedAndShownEscaped() {
        long claim = fixture.openClaim(fixture.shipped(fixture.product("3000", 20), 5, 5), "1");
        String script = "<script>alert('claim')</script><b onmouseover=alert(1)>жирный</b>";

        json(fixture.post("/api/v1/claims/" + claim + "/messages", BUYER,
                "{\"text\": " + ClaimFixture.JSON.writeValueAsString(script) + "}"), 201);
        json(fixture.post("/api/v1/admin/claims/" + claim + "/notes", ClaimFixture.OPS,
                "{\"text\": " + ClaimFixture.JSON.writeValueAsString(script) + "}"), 201);

        String api = fixture.get("/api/v1/claims/" + claim, BUYER).body();
        assertThat(ClaimFixture.JSON.readTree(api).get("messages").get(0).get("body").asString()).isEqualTo(script);
        for (String page : List.of(new WebSession(port).login("buyer@alpha.demo", "demo").get("/claims/" + claim).body(),
                new WebSession(port).login("ops@demo.local", "demo").get("/admin/claims/" + claim).body())) {
            assertThat(page).doesNotContain("<script>alert").doesNotContain("<b onmouseover")
                    .contains("&lt;script&gt;alert(&#39;claim&#39;)&lt;/script&gt;&lt;b onmouseover=alert(1)&gt;");
        }
    }

    @Test
    void anEmptyMessageAndAMissingDescriptionAreRefusedWithTheirMessage() {
        long order = fixture.shipped(fixture.product("3000", 20), 5, 5);
        HttpResponse<String> noDescription = fixture.open(BUYER, order, new Multipart()
                .field("orderId", String.valueOf(order)).field("type", "DEFECT").field("remedy", "REPAIR")
                .field("description", "  ").field("lineNo", "1").field("quantity", "1"));
        HttpResponse<String> badType = fixture.open(BUYER, order, new Multipart()
                .field("orderId", String.valueOf(order)).field("type", "BROKEN").field("remedy", "REPAIR")
                .field("description", "x").field("lineNo", "1").field("quantity", "1"));
        HttpResponse<String> noAmount = fixture.open(BUYER, order, new Multipart()
                .field("orderId", String.valueOf(order)).field("type", "DEFECT").field("remedy", "COMPENSATION")
                .field("description", "x").field("lineNo", "1").field("quantity", "1"));
        long claim = fixture.openClaim(order, "1");
        HttpResponse<String> empty = fixture.post("/api/v1/claims/" + claim + "/messages", BUYER, "{\"text\": \" \"}");

        assertThat(noDescription.statusCode()).isEqualTo(422);
        assertThat(noDescription.body()).contains("Describe the problem");
        assertThat(badType.statusCode()).isEqualTo(422);
        assertThat(badType.body()).contains("Choose the type of the claim.");
        assertThat(noAmount.statusCode()).isEqualTo(422);
        assertThat(noAmount.body()).contains("Enter the compensation amount");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Write a message");
        assertThat(claims(order)).isEqualTo(1);
    }

    private long claims(long order) {
        return jdbc.sql("select count(*) from claims.claim where order_id = :o").param("o", order).query(Long.class)
                .single();
    }

    /** A multipart body with {@code size} bytes of file in the middle, made as it is read (never held in memory). */
    private static InputStream stream(byte[] head, long size, byte[] tail) {
        InputStream zeros = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(java.util.Collections.enumeration(List.of(new ByteArrayInputStream(head),
                zeros, new ByteArrayInputStream(tail))));
    }
}
