package io.b2bportal.payments;

import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.payments.FinanceFixture.Customer;
import io.b2bportal.payments.reminders.Reminders;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
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
import tools.jackson.databind.JsonNode;

import static io.b2bportal.payments.FinanceFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payment reminders: once per invoice and stage whatever runs them (twice, or two "nodes" at once), by mail and
 * in-app notification to the customer's accountants (the administrators when there is no accountant), never to
 * anybody else; notifications visible to their owner only, in the API and behind the bell.
 */
@PortalTest
@org.springframework.test.context.event.RecordApplicationEvents
class RemindersTests {

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
    Reminders reminders;
    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    FinanceFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new FinanceFixture(jdbc, platform, ordering, documents, ledger, new Http(port));
    }

    @AfterEach
    void ledgerBalances() {
        assertThat(ledger.trialBalance()).isZero();
    }

    private long mails(String to, String kind) {
        return jdbc.sql("select count(*) from platform.mail_outbox where recipient = :to and kind = :kind")
                .param("to", to).param("kind", kind).query(Long.class).single();
    }

    private long notifications(long user) {
        return jdbc.sql("select count(*) from platform.notification where user_id = :u").param("u", user)
                .query(Long.class).single();
    }

    @Test
    void eachStageIsSentOnceToTheAccountantByMailAndNotification() {
        String sku = fixture.product("5000.00");
        Customer customer = fixture.customer(true);
        // due in two days: "due soon"
        InvoiceRef soon = fixture.orderOn(customer, BusinessDate.today().minusDays(28), sku, 1);

        assertThat(reminders.run(customer.entityId())).isEqualTo(1);
        assertThat(reminders.run(customer.entityId())).isZero();

        assertThat(mails(customer.accountantEmail(), "payments.reminder.due-soon")).isEqualTo(1);
        assertThat(mails(customer.adminEmail(), "payments.reminder.due-soon")).isZero();
        assertThat(notifications(customer.accountantId())).isEqualTo(1);
        assertThat(notifications(customer.adminId())).isZero();
        String text = jdbc.sql("""
                        select body_text from platform.mail_outbox where recipient = :to
                           and kind = 'payments.reminder.due-soon'""")
                .param("to", customer.accountantEmail()).query(String.class).single();
        assertThat(text).contains(soon.number())
                .contains(io.b2bportal.payments.reports.Amounts.rub(soon.gross(), java.util.Locale.of("ru")))
                .contains(soon.dueOn().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")))
                .contains("/finance");

        // the first day overdue, then a week later, each once
        assertThat(BusinessDate.asOf(soon.dueOn().plusDays(1), () -> reminders.run(customer.entityId())))
                .isEqualTo(1);
        assertThat(BusinessDate.asOf(soon.dueOn().plusDays(3), () -> reminders.run(customer.entityId()))).isZero();
        assertThat(BusinessDate.asOf(soon.dueOn().plusDays(8), () -> reminders.run(customer.entityId())))
                .isEqualTo(1);
        assertThat(mails(customer.accountantEmail(), "payments.reminder.overdue")).isEqualTo(2);
        assertThat(jdbc.sql("select stage from payments.reminder_sent where invoice_id = :i order by stage")
                .param("i", soon.id()).query(String.class).list())
                .containsExactly("due-soon", "overdue-0", "overdue-1");
        assertThat(events.stream(InvoiceOverdue.class).filter(e -> e.invoiceId() == soon.id())
                .map(InvoiceOverdue::daysOverdue)).containsExactly(1L, 8L);
        assertThat(events.stream(InvoiceDueSoon.class).filter(e -> e.invoiceId() == soon.id())).hasSize(1)
                .allSatisfy(e -> assertThat(e.accountManagerId()).isEqualTo(fixture.user("manager2@demo.local")));
    }

    @Test
    void twoRunsAtOnceSendEachReminderOnce() throws Exception {
        String sku = fixture.product("800.00");
        Customer customer = fixture.customer(true);
        for (int i = 0; i < 3; i++) {
            fixture.overdueBy(customer, 1 + i, sku);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return reminders.run(customer.entityId());
            }));
        }
        start.countDown();
        int sent = 0;
        for (Future<Integer> run : runs) {
            sent += run.get();
        }
        pool.shutdown();

        assertThat(sent).isEqualTo(3);
        assertThat(mails(customer.accountantEmail(), "payments.reminder.overdue")).isEqualTo(3);
        assertThat(notifications(customer.accountantId())).isEqualTo(3);
    }

    @Test
    void withoutAnAccountantTheAdministratorIsRemindedAndOnlyTheOwnerSeesTheNotification() {
        String sku = fixture.product("950.00");
        Customer customer = fixture.customer(false);
        InvoiceRef invoice = fixture.overdueBy(customer, 4, sku);
        assertThat(reminders.run(customer.entityId())).isEqualTo(1);
        assertThat(mails(customer.adminEmail(), "payments.reminder.overdue")).isEqualTo(1);

        JsonNode own = json(fixture.get("/api/v1/notifications", customer.admin(), "ru"), 200);
        assertThat(own.get("unread").asInt()).isEqualTo(1);
        JsonNode item = own.get("items").get(0);
        assertThat(item.get("text").asString()).contains(invoice.number()).contains("просрочен на 4");
        assertThat(item.get("link").asString()).isEqualTo("/finance");
        long id = item.get("id").asLong();

        // somebody else: not in their list, and marking it read is 404 and changes nothing
        Customer other = fixture.customer(false);
        JsonNode theirs = json(fixture.get("/api/v1/notifications", other.admin(), "en"), 200);
        assertThat(theirs.get("items").valueStream().noneMatch(n -> n.get("id").asLong() == id)).isTrue();
        assertThat(fixture.post("/api/v1/notifications/" + id + "/read", other.admin(), "{}", "en").statusCode())
                .isEqualTo(404);
        assertThat(fixture.post("/api/v1/notifications/" + id + "/read", FinanceFixture.accountant(), "{}", "en")
                .statusCode()).isEqualTo(404);

        // the bell: the owner's shows 1, the other's none
        WebSession owner = new WebSession(port).login(customer.adminEmail(), FinanceFixture.PASSWORD);
        assertThat(owner.get("/notifications").body()).contains("data-testid=\"bell-count\">1<")
                .contains(invoice.number());
        WebSession stranger = new WebSession(port).login(other.adminEmail(), FinanceFixture.PASSWORD);
        String strangerPage = stranger.get("/notifications").body();
        assertThat(strangerPage).doesNotContain("data-testid=\"bell-count\"").doesNotContain(invoice.number());

        JsonNode read = json(fixture.post("/api/v1/notifications/" + id + "/read", customer.admin(), "{}", "en"), 200);
        assertThat(read.get("readAt").isNull()).isFalse();
        assertThat(json(fixture.get("/api/v1/notifications", customer.admin(), "en"), 200).get("unread").asInt())
                .isZero();
    }
}
