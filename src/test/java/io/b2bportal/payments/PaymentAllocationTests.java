package io.b2bportal.payments;

import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.documents.InvoiceStatus;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.payments.payment.Allocations;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.b2bportal.payments.payment.ManualPayment;
import io.b2bportal.payments.payment.Registrations;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.payments.PaymentsFixture.json;
import static io.b2bportal.payments.PaymentsFixture.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Payments registered by staff over the API and what they do to invoices, orders and the ledger: full, partial and
 * over-payment (the advance), the advance applied to the next invoice on its own and by hand, refunds, refusals that
 * change nothing, idempotent retries, concurrent payments that never pay an invoice twice, and who may do it.
 */
@PortalTest
@RecordApplicationEvents
class PaymentAllocationTests {

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
    Registrations registrations;
    @Autowired
    ApplicationEvents events;
    PaymentsFixture fixture;
    long remont;

    @BeforeEach
    void setUp() {
        fixture = new PaymentsFixture(jdbc, new Http(port), documents, ledger, allocations);
        remont = fixture.entity(PaymentsFixture.ALPHA_REMONT);
        fixture.acceptAgreement(remont);
        fixture.clearAdvance(remont);
    }

    @AfterEach
    void booksBalance() {
        fixture.clearAdvance(remont);
        fixture.assertBooksBalance();
    }

    private HttpResponse<String> register(String json) {
        return fixture.call("POST", "/api/v1/admin/payments", "accountant@demo.local", null, json);
    }

    private String body(long entity, String amount, List<Long> invoices) {
        return """
                {"legalEntityId": %d, "amount": %s, "receivedOn": "%s", "purpose": "Оплата", "invoiceIds": %s}"""
                .formatted(entity, amount, LocalDate.now().minusDays(1), invoices);
    }

    @Test
    void aFullPaymentPaysTheInvoiceConfirmsThePrepaidOrderAndPostsBankAgainstTheInvoice() {
        InvoiceRef invoice = fixture.invoice("7000", 2);
        assertThat(invoice.gross()).isEqualByComparingTo("14000");
        assertThat(fixture.orderStatus(invoice)).isEqualTo("PLACED");

        JsonNode payment = json(register(body(remont, "14000.00", List.of(invoice.id()))), 201);

        assertThat(payment.get("state").asString()).isEqualTo("MATCHED");
        assertThat(payment.get("unapplied").decimalValue()).isEqualByComparingTo("0");
        assertThat(payment.get("applied").get(0).get("invoiceNumber").asString()).isEqualTo(invoice.number());
        InvoiceRef paid = fixture.reload(invoice);
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.outstanding()).isEqualByComparingTo("0");
        assertThat(fixture.orderStatus(invoice)).isEqualTo("CONFIRMED");
        assertThat(fixture.receivablePostings(payment.get("id").asLong()))
                .containsExactly(invoice.id() + "=-14000.00");
        assertThat(jdbc.sql("""
                        select count(*) from ordering.order_event
                         where order_id = :order and action = 'CONFIRMED_PAID'""")
                .param("order", invoice.orderId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPartialPaymentLeavesTheInvoicePartlyPaidAndTheOrderPlaced() {
        InvoiceRef invoice = fixture.invoice("6000", 1);

        JsonNode payment = json(register(body(remont, "2500.50", List.of(invoice.id()))), 201);

        assertThat(payment.get("state").asString()).isEqualTo("MATCHED");
        InvoiceRef partly = fixture.reload(invoice);
        assertThat(partly.status()).isEqualTo(InvoiceStatus.PARTLY_PAID);
        assertThat(partly.outstanding()).isEqualByComparingTo("3499.50");
        assertThat(fixture.orderStatus(invoice)).isEqualTo("PLACED");

        // the rest arrives: now it is paid and the order confirmed
        json(register(body(remont, "3499.50", List.of(invoice.id()))), 201);
        assertThat(fixture.reload(invoice).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(fixture.orderStatus(invoice)).isEqualTo("CONFIRMED");
    }

    @Test
    void anOverpaymentBecomesTheAdvanceThatStaffApplyOrRefund() {
        InvoiceRef first = fixture.invoice("6000", 1);
        InvoiceRef second = fixture.invoice("5500", 1);

        JsonNode payment = json(register(body(remont, "10000", List.of(first.id()))), 201);
        long id = payment.get("id").asLong();

        assertThat(payment.get("state").asString()).isEqualTo("ADVANCE");
        assertThat(payment.get("unapplied").decimalValue()).isEqualByComparingTo("4000");
        assertThat(fixture.receivablePostings(id)).containsExactly(first.id() + "=-6000.00", "advance=-4000.00");
        assertThat(ledger.unallocated(remont)).isEqualByComparingTo("-4000");

        // staff apply the advance to the second invoice: 4,000 of its 5,500
        JsonNode applied = json(fixture.call("POST", "/api/v1/admin/payments/" + id + "/allocate",
                "accountant@demo.local", null, "{\"invoiceIds\": [" + second.id() + "]}"), 200);
        assertThat(applied.get("state").asString()).isEqualTo("MATCHED");
        assertThat(fixture.reload(second).outstanding()).isEqualByComparingTo("1500");
        assertThat(ledger.unallocated(remont)).isEqualByComparingTo("0");
        assertThat(fixture.orderStatus(second)).isEqualTo("PLACED");

        // a refund of more than is left is refused and changes nothing
        problem(fixture.call("POST", "/api/v1/admin/payments/" + id + "/refund", "accountant@demo.local", null,
                "{\"amount\": 1}"), 422, "refund-too-much");

        // another overpayment, refunded in part
        JsonNode more = json(register(body(remont, "2000", List.of(second.id()))), 201);
        assertThat(more.get("unapplied").decimalValue()).isEqualByComparingTo("500");
        JsonNode refunded = json(fixture.call("POST", "/api/v1/admin/payments/" + more.get("id").asLong()
                + "/refund", "accountant@demo.local", null, "{\"amount\": 300}"), 200);
        assertThat(refunded.get("unapplied").decimalValue()).isEqualByComparingTo("200");
        assertThat(ledger.unallocated(remont)).isEqualByComparingTo("-200");
        assertThat(fixture.orderStatus(second)).isEqualTo("CONFIRMED");
    }

    @Test
    void anAdvanceIsAppliedToTheNextInvoiceWhenItIsIssued() {
        json(register(body(remont, "2000", List.of())), 201);
        assertThat(allocations.advance(remont)).isEqualByComparingTo("2000");

        InvoiceRef next = fixture.invoice("6000", 1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(fixture.reload(next).outstanding()).isEqualByComparingTo("4000"));
        assertThat(allocations.advance(remont)).isEqualByComparingTo("0");
        assertThat(jdbc.sql("""
                        select count(*) from ledger.journal
                         where kind = 'ALLOCATION' and document_id = :invoice""")
                .param("invoice", next.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void postingPublishesPaymentReceivedAndInvoicePaidOnceTheInvoiceIsSettled() {
        InvoiceRef invoice = fixture.invoice("6000", 1);
        long accountant = jdbc.sql("select id from platform.user_account where email = 'accountant@demo.local'")
                .query(Long.class).single();

        registrations.register(new ManualPayment(remont, new BigDecimal("1000"), LocalDate.now(), "часть",
                List.of(invoice.id()), null, null, null, null), null, accountant);
        assertThat(events.stream(InvoicePaid.class)).isEmpty();
        long second = registrations.register(new ManualPayment(remont, new BigDecimal("5200"), LocalDate.now(),
                "остаток", List.of(invoice.id()), null, null, null, null), null, accountant).paymentId();

        assertThat(events.stream(PaymentReceived.class).map(PaymentReceived::amount).toList())
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("1000"),
                        new BigDecimal("5200"));
        PaymentReceived last = events.stream(PaymentReceived.class).toList().getLast();
        assertThat(last.paymentId()).isEqualTo(second);
        assertThat(last.invoiceIds()).containsExactly(invoice.id());
        assertThat(last.advance()).isEqualByComparingTo("200");
        assertThat(events.stream(InvoicePaid.class).map(InvoicePaid::invoiceId).toList())
                .containsExactly(invoice.id());
        assertThat(fixture.orderStatus(invoice)).isEqualTo("CONFIRMED");
    }

    @Test
    void refusedPaymentsRecordNothing() {
        InvoiceRef invoice = fixture.invoice("6000", 1);
        long stroy = fixture.entity(PaymentsFixture.ALPHA_STROY);
        long before = jdbc.sql("select count(*) from payments.payment").query(Long.class).single();
        long entries = jdbc.sql("select count(*) from ledger.journal").query(Long.class).single();

        assertThat(problem(register(body(remont, "0", List.of(invoice.id()))), 422, "bad-amount"))
                .contains("greater than zero");
        problem(register(body(remont, "10.001", List.of(invoice.id()))), 422, "bad-amount");
        assertThat(problem(register(body(stroy, "100", List.of(invoice.id()))), 422, "invoice-of-another-entity"))
                .contains(invoice.number());
        problem(register("""
                {"legalEntityId": %d, "amount": 100, "receivedOn": "%s"}""".formatted(remont,
                LocalDate.now().plusDays(5))), 422, "bad-date");
        problem(register("{\"amount\": 100, \"receivedOn\": \"2026-01-10\"}"), 422, "legal-entity-required");

        assertThat(jdbc.sql("select count(*) from payments.payment").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from ledger.journal").query(Long.class).single()).isEqualTo(entries);
        assertThat(fixture.reload(invoice).outstanding()).isEqualByComparingTo("6000");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRegistersOnePayment() {
        InvoiceRef invoice = fixture.invoice("6000", 1);
        String key = "retry-" + invoice.id();
        var request = fixture.call("POST", "/api/v1/admin/payments", "accountant@demo.local", null,
                body(remont, "1000", List.of(invoice.id())));
        assertThat(request.statusCode()).isEqualTo(201);
        HttpResponse<String> first = new Http(port).send(new Http(port).request("/api/v1/admin/payments")
                .header("Authorization", Http.basic("accountant@demo.local", "demo"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body(remont, "1000",
                        List.of(invoice.id())))));
        HttpResponse<String> again = new Http(port).send(new Http(port).request("/api/v1/admin/payments")
                .header("Authorization", Http.basic("accountant@demo.local", "demo"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body(remont, "1000",
                        List.of(invoice.id())))));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again, 200).get("id").asLong()).isEqualTo(json(first, 201).get("id").asLong());
        assertThat(fixture.reload(invoice).outstanding()).isEqualByComparingTo("4000");
    }

    @Test
    void concurrentPaymentsNeverPayAnInvoiceMoreThanItsOutstanding() throws Exception {
        InvoiceRef invoice = fixture.invoice("6000", 3);
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return register(body(remont, "5000", List.of(invoice.id()))).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            // four payments fit (the fourth in part, 2,000 of it is the advance); once the invoice is paid, a payment
            // naming it is refused (it is not open any more), whichever thread came first
            assertThat(statuses).containsExactlyInAnyOrder(201, 201, 201, 201, 422, 422);
        } finally {
            pool.shutdownNow();
        }

        BigDecimal toInvoice = jdbc.sql("select sum(amount) from payments.allocation where invoice_id = :id")
                .param("id", invoice.id()).query(BigDecimal.class).single();
        assertThat(toInvoice).isEqualByComparingTo("18000");
        assertThat(fixture.reload(invoice).outstanding()).isEqualByComparingTo("0");
        assertThat(ledger.unallocated(remont)).isEqualByComparingTo("-2000");
        assertThat(fixture.orderStatus(invoice)).isEqualTo("CONFIRMED");
    }

    @Test
    void onlyTheSellersAccountantsAndAdministratorsHandlePayments() {
        assertThat(fixture.call("GET", "/api/v1/admin/payments", "buyer@alpha.demo", null, null).statusCode())
                .isEqualTo(403);
        assertThat(fixture.call("POST", "/api/v1/admin/payments", "accountant@alpha.demo", null,
                body(remont, "100", List.of())).statusCode()).isEqualTo(403);
        assertThat(fixture.call("GET", "/api/v1/admin/bank-statements", "buyer@beta.demo", null, null).statusCode())
                .isEqualTo(403);
        problem(fixture.call("POST", "/api/v1/admin/payments", "ops@demo.local", null, body(remont, "100",
                List.of())), 403, "forbidden");
        json(fixture.call("GET", "/api/v1/admin/payments?state=MATCHED", "admin@demo.local", null, null), 200);
        JsonNode list = json(fixture.call("GET", "/api/v1/admin/payments?customer=" + PaymentsFixture.ALPHA_STROY,
                "accountant@demo.local", null, null), 200);
        assertThat(list.get("payments").valueStream().map(p -> p.get("entityInn").asString()).distinct().toList())
                .containsOnly(PaymentsFixture.ALPHA_STROY);
    }
}
