package io.b2bportal.payments;

import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.documents.InvoiceStatus;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.payments.online.SandboxProvider;
import io.b2bportal.payments.payment.Allocations;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.payments.PaymentsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Online payment through the sandbox provider, over the API: success posts the payment and confirms the prepaid order;
 * decline and time-out change nothing but the payment's state; a forged, altered or replayed webhook changes nothing;
 * a buyer sees and pays only their own legal entity's.
 */
@PortalTest
class OnlinePaymentTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentsApi documents;
    @Autowired
    LedgerApi ledger;
    @Autowired
    Allocations allocations;
    @Autowired
    SandboxProvider sandbox;
    PaymentsFixture fixture;
    Http http;
    long remont;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        fixture = new PaymentsFixture(jdbc, http, documents, ledger, allocations);
        remont = fixture.entity(PaymentsFixture.ALPHA_REMONT);
        fixture.acceptAgreement(remont);
        fixture.clearAdvance(remont);
    }

    @AfterEach
    void booksBalance() {
        fixture.clearAdvance(remont);
        fixture.assertBooksBalance();
    }

    private JsonNode start(InvoiceRef invoice) {
        return json(fixture.call("POST", "/api/v1/payments", "buyer@alpha.demo", remont,
                "{\"invoiceId\": " + invoice.id() + "}"), 201);
    }

    private static String token(JsonNode started) {
        String url = started.get("redirectUrl").asString();
        assertThat(url).startsWith("/sandbox/pay/");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private JsonNode payment(long id) {
        return json(fixture.call("GET", "/api/v1/payments/" + id, "buyer@alpha.demo", remont, null), 200);
    }

    private HttpResponse<String> webhook(byte[] body, String signature) {
        HttpRequest.Builder request = http.request("/api/v1/payments/webhook/sandbox")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(SandboxProvider.SIGNATURE_HEADER, signature);
        }
        return http.send(request);
    }

    @Test
    void aSandboxPaymentPostsTheMoneyAndConfirmsThePrepaidOrder() {
        InvoiceRef invoice = fixture.invoice("6500", 2);
        JsonNode started = start(invoice);
        long id = started.get("paymentId").asLong();
        assertThat(payment(id).get("status").asString()).isEqualTo("PENDING");
        assertThat(sandbox.page(token(started)).orElseThrow().amount()).isEqualByComparingTo("13000");

        // the payer presses "Pay" on the sandbox page: the sandbox calls the webhook over HTTP
        assertThat(sandbox.act(token(started), "pay")).hasValue(http.baseUrl() + "/payments/" + id);

        JsonNode paid = payment(id);
        assertThat(paid.get("status").asString()).isEqualTo("POSTED");
        assertThat(paid.get("source").asString()).isEqualTo("ONLINE");
        assertThat(paid.get("applied").get(0).get("invoiceId").asLong()).isEqualTo(invoice.id());
        assertThat(fixture.reload(invoice).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(fixture.orderStatus(invoice)).isEqualTo("CONFIRMED");
        assertThat(fixture.receivablePostings(id)).containsExactly(invoice.id() + "=-13000.00");

        // the same callback replayed: nothing changes
        long entries = jdbc.sql("select count(*) from ledger.journal").query(Long.class).single();
        byte[] body = sandbox.callbackBody(token(started), "SUCCEEDED", new BigDecimal("13000"), "RUB");
        HttpResponse<String> replay = webhook(body, sandbox.signature(body));
        assertThat(json(replay, 200).get("result").asString()).isEqualTo("ALREADY_PROCESSED");
        assertThat(jdbc.sql("select count(*) from ledger.journal").query(Long.class).single()).isEqualTo(entries);
        // and the sandbox page does not call back twice
        assertThat(sandbox.act(token(started), "decline")).hasValue(http.baseUrl() + "/payments/" + id);
        assertThat(payment(id).get("status").asString()).isEqualTo("POSTED");
    }

    @Test
    void aDeclinedPaymentPostsNothingAndTheInvoiceStaysOpen() {
        InvoiceRef invoice = fixture.invoice("6000", 1);
        JsonNode started = start(invoice);
        long id = started.get("paymentId").asLong();

        sandbox.act(token(started), "decline");

        assertThat(payment(id).get("status").asString()).isEqualTo("DECLINED");
        assertThat(fixture.reload(invoice).outstanding()).isEqualByComparingTo("6000");
        assertThat(fixture.orderStatus(invoice)).isEqualTo("PLACED");
        assertThat(jdbc.sql("select count(*) from ledger.journal where payment_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aTimedOutPaymentStaysPending() {
        InvoiceRef invoice = fixture.invoice("6000", 1);
        JsonNode started = start(invoice);

        sandbox.act(token(started), "timeout");

        assertThat(payment(started.get("paymentId").asLong()).get("status").asString()).isEqualTo("PENDING");
        assertThat(fixture.reload(invoice).outstanding()).isEqualByComparingTo("6000");
    }

    @Test
    void aForgedOrAlteredCallbackChangesNothing() {
        InvoiceRef invoice = fixture.invoice("6000", 1);
        JsonNode started = start(invoice);
        long id = started.get("paymentId").asLong();
        byte[] body = sandbox.callbackBody(token(started), "SUCCEEDED", new BigDecimal("6000"), "RUB");

        assertThat(webhook(body, null).statusCode()).isEqualTo(401);
        assertThat(webhook(body, "00".repeat(32)).statusCode()).isEqualTo(401);
        assertThat(webhook(body, "not hex").statusCode()).isEqualTo(401);
        // signed for one amount, sent with another
        byte[] cheaper = sandbox.callbackBody(token(started), "SUCCEEDED", new BigDecimal("1"), "RUB");
        assertThat(webhook(cheaper, sandbox.signature(body)).statusCode()).isEqualTo(401);
        // correctly signed, but for less than the payment
        HttpResponse<String> lessMoney = webhook(cheaper, sandbox.signature(cheaper));
        assertThat(lessMoney.statusCode()).isEqualTo(401);
        assertThat(lessMoney.body()).contains("forged-callback");

        assertThat(payment(id).get("status").asString()).isEqualTo("PENDING");
        assertThat(fixture.reload(invoice).outstanding()).isEqualByComparingTo("6000");
        // the genuine callback still works
        assertThat(json(webhook(body, sandbox.signature(body)), 200).get("result").asString()).isEqualTo("POSTED");
        assertThat(fixture.orderStatus(invoice)).isEqualTo("CONFIRMED");
    }

    @Test
    void aBuyerSeesAndPaysOnlyTheirLegalEntitysInvoicesAndPayments() {
        InvoiceRef invoice = fixture.invoice("6000", 1);
        long id = start(invoice).get("paymentId").asLong();
        long beta = fixture.entity(PaymentsFixture.BETA);
        long stroy = fixture.entity(PaymentsFixture.ALPHA_STROY);

        assertThat(fixture.call("GET", "/api/v1/payments/" + id, "buyer@beta.demo", null, null).statusCode())
                .isEqualTo(404);
        assertThat(fixture.call("GET", "/api/v1/payments/" + id, "buyer@alpha.demo", stroy, null).statusCode())
                .isEqualTo(404);
        assertThat(fixture.call("GET", "/api/v1/payments/" + id, "buyer@beta.demo", remont, null).statusCode())
                .isEqualTo(403);
        assertThat(fixture.call("POST", "/api/v1/payments", "buyer@beta.demo", beta,
                "{\"invoiceId\": " + invoice.id() + "}").statusCode()).isEqualTo(404);
        JsonNode betaPayments = json(fixture.call("GET", "/api/v1/payments", "buyer@beta.demo", null, null), 200);
        assertThat(betaPayments.valueStream().map(p -> p.get("legalEntityId").asLong()).distinct().toList())
                .containsOnly(beta);
        JsonNode mine = json(fixture.call("GET", "/api/v1/payments", "buyer@alpha.demo", remont, null), 200);
        assertThat(mine.valueStream().map(p -> p.get("id").asLong()).toList()).contains(id);
        // the sandbox's demo payment of Beta's new order confirmed it
        assertThat(betaPayments.valueStream().anyMatch(p -> "ONLINE".equals(p.get("source").asString())
                && "POSTED".equals(p.get("status").asString()))).isTrue();
    }
}
