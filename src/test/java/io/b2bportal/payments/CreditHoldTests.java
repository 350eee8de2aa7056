package io.b2bportal.payments;

import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.payments.FinanceFixture.Customer;
import io.b2bportal.payments.credit.CreditControl;
import io.b2bportal.payments.credit.CreditControl.Outcome;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.payments.FinanceFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credit holds on customers of the tests' own: placed after the configured days overdue (5 in the tests), refusing
 * checkout with the amount and the oldest due date; released by a seller accountant (audited, not placed again for the
 * same invoices until the "until" day); lifted when paid. The ledger balances after every scenario.
 */
@PortalTest
@org.springframework.test.context.event.RecordApplicationEvents
class CreditHoldTests {

    private static final DateTimeFormatter RU = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformApi platform;
    @Autowired
    OrderingApi ordering;
    @Autowired
    DocumentsApi documents;
    @Autowired
    LedgerApi ledger;
    @Autowired
    CreditControl credit;
    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    FinanceFixture fixture;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        fixture = new FinanceFixture(jdbc, platform, ordering, documents, ledger, http);
    }

    @AfterEach
    void ledgerBalances() {
        assertThat(ledger.trialBalance()).isZero();
        assertThat(ledger.unbalancedEntries()).isEmpty();
    }

    private String orderJson(String sku) {
        return "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1}]}";
    }

    @Test
    void anInvoiceOverdueMoreThanTheLimitHoldsTheEntityAndCheckoutIsRefusedWithTheDate() {
        String sku = fixture.product("1000.00");
        Customer exactlyFive = fixture.customer(false);
        fixture.overdueBy(exactlyFive, 5, sku);
        Customer six = fixture.customer(false);
        InvoiceRef late = fixture.overdueBy(six, 6, sku);
        fixture.overdueBy(six, 2, sku);

        assertThat(credit.evaluate(exactlyFive.entityId())).isEqualTo(Outcome.NONE);
        assertThat(credit.evaluate(six.entityId())).isEqualTo(Outcome.PLACED);
        assertThat(credit.evaluate(six.entityId())).isEqualTo(Outcome.KEPT);

        record Hold(BigDecimal overdue, LocalDate oldestDueOn, int active) {
        }
        Hold hold = jdbc.sql("""
                        select overdue, oldest_due_on, count(*) over () as active from payments.credit_hold
                         where legal_entity_id = :e and lifted_at is null and released_at is null""")
                .param("e", six.entityId()).query(Hold.class).single();
        // only the invoice past the limit counts, not the one 2 days overdue
        assertThat(hold.overdue()).isEqualByComparingTo(late.gross());
        assertThat(hold.oldestDueOn()).isEqualTo(late.dueOn());
        assertThat(hold.active()).isEqualTo(1);
        assertThat(events.stream(CreditHoldPlaced.class).filter(e -> e.legalEntityId() == six.entityId()))
                .singleElement().satisfies(e -> {
                    assertThat(e.overdue()).isEqualByComparingTo(late.gross());
                    assertThat(e.invoiceIds()).containsExactly(late.id());
                });

        HttpResponse<String> refused = fixture.post("/api/v1/orders", six.admin(), orderJson(sku), "ru");
        JsonNode problem = json(refused, 422);
        assertThat(problem.get("type").asString()).endsWith("/credit-hold");
        assertThat(problem.get("detail").asString()).contains("кредитной блокировке")
                .contains(late.dueOn().format(RU));
        JsonNode english = json(fixture.post("/api/v1/orders", six.admin(), orderJson(sku), "en"), 422);
        assertThat(english.get("detail").asString()).contains("credit hold")
                .contains(late.dueOn().format(DateTimeFormatter.ofPattern("dd MMM yyyy", java.util.Locale.ENGLISH)));

        // the neighbour five days overdue still orders
        json(fixture.post("/api/v1/orders", exactlyFive.admin(), orderJson(sku), "en"), 201);

        // the buyer sees the banner on the home page and the refusal on the checkout page
        WebSession buyer = new WebSession(port).login(six.adminEmail(), FinanceFixture.PASSWORD);
        assertThat(buyer.get("/?lang=ru").body()).contains("data-testid=\"credit-hold-banner\"")
                .contains(late.dueOn().format(RU));
    }

    @Test
    void anAccountantReleasesTheHoldAuditedAndTheSameInvoicesDoNotHoldAgainUntilTheUntilDay() {
        String sku = fixture.product("2500.00");
        Customer customer = fixture.customer(false);
        fixture.overdueBy(customer, 10, sku);
        assertThat(credit.evaluate(customer.entityId())).isEqualTo(Outcome.PLACED);
        String path = "/api/v1/admin/credit-holds/" + customer.entityId() + "/release";

        // bad input changes nothing
        JsonNode noReason = json(fixture.post(path, FinanceFixture.accountant(), "{\"reason\": \"  \"}", "en"), 422);
        assertThat(noReason.get("detail").asString()).contains("reason");
        json(fixture.post(path, FinanceFixture.accountant(), "{\"reason\": \"ok\", \"until\": \"31.12.2026\"}", "en"),
                400);
        json(fixture.post(path, FinanceFixture.accountant(), "{\"reason\": \"ok\", \"until\": \"2020-01-01\"}", "en"),
                422);
        // a customer may not; an account manager may not release
        assertThat(fixture.post(path, customer.admin(), "{\"reason\": \"mine\"}", "en").statusCode()).isEqualTo(403);
        assertThat(fixture.post(path, Http.basic("manager2@demo.local", "demo"), "{\"reason\": \"x\"}", "en")
                .statusCode()).isEqualTo(403);
        assertThat(fixture.get("/api/v1/admin/credit-holds", customer.admin(), "en").statusCode()).isEqualTo(403);
        assertThat(credit.activeOf(customer.entityId())).isPresent();

        LocalDate until = BusinessDate.today().plusDays(7);
        JsonNode released = json(fixture.post(path, FinanceFixture.accountant(),
                "{\"reason\": \"Гарантийное письмо\", \"until\": \"" + until + "\"}", "en"), 200);
        assertThat(released.get("releaseReason").asString()).isEqualTo("Гарантийное письмо");
        assertThat(released.get("releasedBy").asString()).isNotBlank();
        assertThat(jdbc.sql("""
                        select count(*) from platform.audit_log
                         where action = 'payments.credit-hold.released' and company_id = :c
                           and actor_id = (select id from platform.user_account where email = 'accountant@demo.local')
                           and subject like '%Гарантийное письмо%'""")
                .param("c", customer.companyId()).query(Long.class).single()).isEqualTo(1);
        // released twice: nothing to release
        json(fixture.post(path, FinanceFixture.accountant(), "{\"reason\": \"again\"}", "en"), 409);

        // orders are accepted again, and the schedule does not hold it for the same invoice before "until"
        json(fixture.post("/api/v1/orders", customer.admin(), orderJson(sku), "en"), 201);
        assertThat(credit.evaluate(customer.entityId())).isEqualTo(Outcome.NONE);
        assertThat(BusinessDate.asOf(until, () -> credit.evaluate(customer.entityId()))).isEqualTo(Outcome.NONE);
        // after "until" the same debt holds it again
        assertThat(BusinessDate.asOf(until.plusDays(1), () -> credit.evaluate(customer.entityId())))
                .isEqualTo(Outcome.PLACED);

        JsonNode list = json(fixture.get("/api/v1/admin/credit-holds", FinanceFixture.accountant(), "en"), 200);
        assertThat(list.get("history").valueStream().filter(h -> h.get("legalEntityId").asLong() == customer.entityId())
                .anyMatch(h -> "Гарантийное письмо".equals(h.get("releaseReason").asString()))).isTrue();
        assertThat(list.get("active").valueStream().anyMatch(h -> h.get("legalEntityId").asLong()
                == customer.entityId())).isTrue();
        // manager@demo.local manages Alpha and Beta, not this customer: it is not in their list
        JsonNode managers = json(fixture.get("/api/v1/admin/credit-holds", Http.basic("manager@demo.local", "demo"),
                "en"), 200);
        assertThat(managers.get("active").valueStream().noneMatch(h -> h.get("legalEntityId").asLong()
                == customer.entityId())).isTrue();
    }

    @Test
    void aNewOverdueInvoiceHoldsTheEntityDespiteAnEarlierRelease() {
        String sku = fixture.product("700.00");
        Customer customer = fixture.customer(false);
        fixture.overdueBy(customer, 20, sku);
        credit.evaluate(customer.entityId());
        credit.release(customer.entityId(), fixture.user("accountant@demo.local"), "обещали оплатить", null, "test");
        assertThat(credit.evaluate(customer.entityId())).isEqualTo(Outcome.NONE);

        fixture.overdueBy(customer, 8, sku);

        assertThat(credit.evaluate(customer.entityId())).isEqualTo(Outcome.PLACED);
    }

    @Test
    void aPaymentRegisteredByTheAccountantLiftsTheHoldByItself() {
        String sku = fixture.product("2345.67");
        Customer customer = fixture.customer(false);
        InvoiceRef invoice = fixture.overdueBy(customer, 9, sku);
        assertThat(credit.evaluate(customer.entityId())).isEqualTo(Outcome.PLACED);

        HttpResponse<String> paid = fixture.post("/api/v1/admin/payments", Http.basic("accountant@demo.local", "demo"),
                """
                        {"legalEntityId": %d, "amount": %s, "receivedOn": "%s", "purpose": "Оплата", "invoiceIds": [%d]}"""
                        .formatted(customer.entityId(), invoice.gross().toPlainString(), BusinessDate.today(),
                                invoice.id()), "en");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);

        // PaymentReceived reaches credit control after the payment commits
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(credit.activeOf(customer.entityId())).isEmpty());
        json(fixture.post("/api/v1/orders", customer.admin(), orderJson(sku), "en"), 201);
    }

    @Test
    void theHoldIsLiftedWhenTheOverdueInvoiceIsPaidAndOrdersAreAcceptedAgain() {
        String sku = fixture.product("1234.56");
        Customer customer = fixture.customer(false);
        InvoiceRef invoice = fixture.overdueBy(customer, 12, sku);
        assertThat(credit.evaluate(customer.entityId())).isEqualTo(Outcome.PLACED);
        assertThat(fixture.post("/api/v1/orders", customer.admin(), orderJson(sku), "en").statusCode())
                .isEqualTo(422);

        // a part payment leaves it overdue: still on hold, for what is left
        fixture.pay(customer, invoice, new BigDecimal("1000.00"), BusinessDate.today());
        assertThat(credit.reviewHold(customer.entityId())).isEqualTo(Outcome.KEPT);
        assertThat(credit.activeOf(customer.entityId()).orElseThrow().overdue())
                .isEqualByComparingTo(invoice.gross().subtract(new BigDecimal("1000.00")));

        fixture.pay(customer, invoice, invoice.gross().subtract(new BigDecimal("1000.00")), BusinessDate.today());
        assertThat(credit.reviewHold(customer.entityId())).isEqualTo(Outcome.LIFTED);
        assertThat(events.stream(CreditHoldLifted.class).filter(e -> e.legalEntityId() == customer.entityId()))
                .singleElement().satisfies(e -> assertThat(e.released()).isFalse());

        assertThat(credit.activeOf(customer.entityId())).isEmpty();
        assertThat(jdbc.sql("select count(*) from payments.credit_hold where legal_entity_id = :e and lifted_at is not null")
                .param("e", customer.entityId()).query(Long.class).single()).isEqualTo(1);
        json(fixture.post("/api/v1/orders", customer.admin(), orderJson(sku), "en"), 201);
        // a customer that is on no hold: reviewing changes nothing
        assertThat(credit.reviewHold(customer.entityId())).isEqualTo(Outcome.NONE);
    }

    @Test
    void evaluationsRunningAtOnceHoldTheEntityOnce() throws Exception {
        String sku = fixture.product("640.00");
        Customer customer = fixture.customer(false);
        fixture.overdueBy(customer, 7, sku);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Outcome>> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return credit.evaluate(customer.entityId());
            }));
        }
        start.countDown();
        java.util.List<Outcome> outcomes = new java.util.ArrayList<>();
        for (var run : runs) {
            outcomes.add(run.get());
        }
        pool.shutdown();

        assertThat(outcomes).containsOnlyOnce(Outcome.PLACED).containsOnly(Outcome.PLACED, Outcome.KEPT);
        assertThat(jdbc.sql("select count(*) from payments.credit_hold where legal_entity_id = :e")
                .param("e", customer.entityId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPrepaymentInvoiceNeverHolds() {
        String sku = fixture.product("300.00");
        Customer customer = fixture.customer(false);
        jdbc.sql("update customers.contract set payment_terms = 'PREPAYMENT', deferral_days = 0 where legal_entity_id = :e")
                .param("e", customer.entityId()).update();
        fixture.orderOn(customer, BusinessDate.today().minusDays(40), sku, 1);

        assertThat(credit.evaluate(customer.entityId())).isEqualTo(Outcome.NONE);
    }
}
