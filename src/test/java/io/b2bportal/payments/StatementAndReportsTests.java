package io.b2bportal.payments;

import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.payments.FinanceFixture.Customer;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * The statement and balance of a legal entity (buyer and staff), the aging buckets at their boundaries in the database,
 * and the staff reports checked against sums computed in SQL; who may call what.
 */
@PortalTest
class StatementAndReportsTests {

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

    FinanceFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new FinanceFixture(jdbc, platform, ordering, documents, ledger, new Http(port));
    }

    @AfterEach
    void ledgerBalances() {
        assertThat(ledger.trialBalance()).isZero();
        assertThat(ledger.unbalancedEntries()).isEmpty();
    }

    private static BigDecimal amount(JsonNode node) {
        return new BigDecimal(node.asString());
    }

    @Test
    void agingPutsEachInvoiceInItsBucketExactlyAtTheBoundaries() {
        String sku = fixture.product("100.00");
        Customer customer = fixture.customer(false);
        Map<Integer, InvoiceRef> invoices = new LinkedHashMap<>();
        for (int days : new int[] { 0, 1, 30, 31, 60, 61, 90, 91 }) {
            invoices.put(days, fixture.overdueBy(customer, days, sku));
        }
        BigDecimal gross = invoices.get(0).gross();
        assertThat(invoices.values()).allSatisfy(i -> assertThat(i.gross()).isEqualByComparingTo(gross));

        JsonNode report = json(fixture.get("/api/v1/admin/aging", FinanceFixture.accountant(), "en"), 200);
        JsonNode row = report.get("rows").valueStream()
                .filter(r -> r.get("legalEntityId").asLong() == customer.entityId()).findFirst().orElseThrow();
        JsonNode buckets = row.get("buckets").get("amounts");
        assertThat(amount(buckets.get("CURRENT"))).isEqualByComparingTo(gross);
        assertThat(amount(buckets.get("DAYS_1_30"))).isEqualByComparingTo(gross.multiply(BigDecimal.TWO));
        assertThat(amount(buckets.get("DAYS_31_60"))).isEqualByComparingTo(gross.multiply(BigDecimal.TWO));
        assertThat(amount(buckets.get("DAYS_61_90"))).isEqualByComparingTo(gross.multiply(BigDecimal.TWO));
        assertThat(amount(buckets.get("DAYS_90_PLUS"))).isEqualByComparingTo(gross);
        assertThat(amount(row.get("buckets").get("total"))).isEqualByComparingTo(gross.multiply(BigDecimal.valueOf(8)));

        // the total row is the sum of all rows, and equals what the ledger says is open on invoices
        BigDecimal open = jdbc.sql("""
                        select coalesce(sum(left_to_pay), 0) from (
                            select sum(p.amount) as left_to_pay from ledger.posting p
                              join documents.document d on d.id = p.item_id
                             where p.account = 'RECEIVABLE' and d.kind = 'INVOICE' and d.status = 'ISSUED'
                             group by p.item_id having sum(p.amount) > 0) open""")
                .query(BigDecimal.class).single();
        assertThat(amount(report.get("total").get("total"))).isEqualByComparingTo(open);

        // a customer may not see it; the account manager of other customers does not see this one
        assertThat(fixture.get("/api/v1/admin/aging", customer.admin(), "en").statusCode()).isEqualTo(403);
        JsonNode managers = json(fixture.get("/api/v1/admin/aging", Http.basic("manager@demo.local", "demo"), "en"),
                200);
        assertThat(managers.get("rows").valueStream().noneMatch(r -> r.get("legalEntityId").asLong()
                == customer.entityId())).isTrue();
        JsonNode own = json(fixture.get("/api/v1/admin/aging", Http.basic("manager2@demo.local", "demo"), "en"), 200);
        assertThat(own.get("rows").valueStream().anyMatch(r -> r.get("legalEntityId").asLong()
                == customer.entityId())).isTrue();
        assertThat(fixture.get("/api/v1/admin/aging", Http.basic("ops@demo.local", "demo"), "en").statusCode())
                .isEqualTo(403);
    }

    @Test
    void theBuyersStatementAddsUpToTheLedgerBalance() {
        String sku = fixture.product("1500.00");
        Customer customer = fixture.customer(false);
        LocalDate today = BusinessDate.today();
        InvoiceRef first = fixture.orderOn(customer, today.minusDays(50), sku, 2);
        InvoiceRef second = fixture.orderOn(customer, today.minusDays(10), sku, 1);
        fixture.pay(customer, first, first.gross(), today.minusDays(20));

        JsonNode body = json(fixture.get("/api/v1/statement?from=" + today.minusDays(30) + "&to=" + today,
                customer.admin(), "en"), 200);
        JsonNode statement = body.get("statement");
        assertThat(amount(statement.get("opening"))).isEqualByComparingTo(first.gross());
        assertThat(amount(statement.get("debits"))).isEqualByComparingTo(second.gross());
        assertThat(amount(statement.get("credits"))).isEqualByComparingTo(first.gross());
        assertThat(amount(statement.get("closing"))).isEqualByComparingTo(second.gross())
                .isEqualByComparingTo(ledger.receivable(customer.entityId()));
        assertThat(statement.get("lines").valueStream().map(l -> l.get("document").asString()))
                .contains(second.number());
        JsonNode account = body.get("account");
        assertThat(amount(account.get("balance"))).isEqualByComparingTo(second.gross());
        assertThat(account.get("openInvoices").size()).isEqualTo(1);
        assertThat(amount(account.get("creditLimit"))).isEqualByComparingTo("100000000");

        // bad input is a 400 Problem that says what is wrong
        JsonNode bad = json(fixture.get("/api/v1/statement?from=01.11.2026", customer.admin(), "en"), 400);
        assertThat(bad.get("detail").asString()).contains("from").contains("01.11.2026");
        json(fixture.get("/api/v1/statement?from=2026-11-20&to=2026-11-01", customer.admin(), "en"), 400);
        json(fixture.get("/api/v1/statement?from=2000-01-01&to=2026-11-01", customer.admin(), "en"), 400);

        // staff read the same; another customer's buyer may not name this entity
        JsonNode staff = json(fixture.get("/api/v1/admin/statement?legalEntityId=" + customer.entityId(),
                FinanceFixture.accountant(), "en"), 200);
        assertThat(amount(staff.get("account").get("balance"))).isEqualByComparingTo(second.gross());
        assertThat(fixture.get("/api/v1/admin/statement?legalEntityId=" + customer.entityId(), customer.admin(), "en")
                .statusCode()).isEqualTo(403);
        assertThat(fixture.get("/api/v1/admin/statement?legalEntityId=" + customer.entityId(),
                Http.basic("manager@demo.local", "demo"), "en").statusCode()).isEqualTo(404);
        Customer other = fixture.customer(false);
        var foreign = new Http(port).send(new Http(port).request("/api/v1/statement")
                .header("Authorization", other.admin()).header("X-Legal-Entity", String.valueOf(customer.entityId()))
                .GET());
        assertThat(foreign.statusCode()).isIn(403, 404);
    }

    @Test
    void reportNumbersEqualSumsFromSql() {
        String sku = fixture.product("2222.22");
        Customer customer = fixture.customer(false);
        LocalDate today = BusinessDate.today();
        InvoiceRef early = fixture.orderOn(customer, today.minusDays(40), sku, 1);
        InvoiceRef late = fixture.orderOn(customer, today.minusDays(35), sku, 3);
        fixture.orderOn(customer, today.minusDays(3), sku, 2);
        // the first paid on time, the second half paid after its due date
        fixture.pay(customer, early, early.gross(), early.dueOn());
        BigDecimal half = new BigDecimal("3333.33");
        fixture.pay(customer, late, half, late.dueOn().plusDays(2));

        LocalDate from = today.minusDays(60);
        JsonNode byCustomer = json(fixture.get("/api/v1/admin/reports/invoices-vs-paid?groupBy=customer&from=" + from
                + "&to=" + today, FinanceFixture.accountant(), "en"), 200);
        JsonNode row = byCustomer.valueStream().filter(r -> r.get("key").asString()
                .equals(String.valueOf(customer.companyId()))).findFirst().orElseThrow();
        BigDecimal issued = jdbc.sql("""
                        select sum(total_gross) from documents.document
                         where kind = 'INVOICE' and status = 'ISSUED' and company_id = :c""")
                .param("c", customer.companyId()).query(BigDecimal.class).single();
        assertThat(row.get("invoices").asInt()).isEqualTo(3);
        assertThat(amount(row.get("issued"))).isEqualByComparingTo(issued);
        assertThat(amount(row.get("paid"))).isEqualByComparingTo(early.gross().add(half));
        assertThat(amount(row.get("paidOnTime"))).isEqualByComparingTo(early.gross());
        assertThat(amount(row.get("outstanding"))).isEqualByComparingTo(ledger.receivable(customer.entityId()));
        assertThat(amount(row.get("overdue"))).isEqualByComparingTo(late.gross().subtract(half));

        // grouped by month, the months add up to the same totals over everybody
        JsonNode byMonth = json(fixture.get("/api/v1/admin/reports/invoices-vs-paid?groupBy=month&from=" + from
                + "&to=" + today, FinanceFixture.accountant(), "en"), 200);
        BigDecimal allIssued = jdbc.sql("""
                        select coalesce(sum(total_gross), 0) from documents.document
                         where kind = 'INVOICE' and status = 'ISSUED' and issued_on between :from and :to""")
                .param("from", from).param("to", today).query(BigDecimal.class).single();
        assertThat(byMonth.valueStream().map(r -> amount(r.get("issued"))).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(allIssued);

        // cash by day equals the bank debits of that day in the ledger
        JsonNode cash = json(fixture.get("/api/v1/admin/reports/cash?from=" + from + "&to=" + today,
                FinanceFixture.accountant(), "en"), 200);
        LocalDate day = late.dueOn().plusDays(2);
        JsonNode ofDay = cash.valueStream().filter(c -> c.get("day").asString().equals(day.toString())).findFirst()
                .orElseThrow();
        BigDecimal bank = jdbc.sql("""
                        select sum(p.amount) from ledger.posting p join ledger.journal j on j.id = p.journal_id
                         where p.account = 'BANK' and p.amount > 0 and j.occurred_on = :day""")
                .param("day", day).query(BigDecimal.class).single();
        assertThat(amount(ofDay.get("received"))).isEqualByComparingTo(bank).isGreaterThanOrEqualTo(half);

        // the overdue list has the half-paid invoice with what is left
        JsonNode overdue = json(fixture.get("/api/v1/admin/reports/overdue", FinanceFixture.accountant(), "en"), 200);
        JsonNode listed = overdue.valueStream().filter(o -> o.get("number").asString().equals(late.number()))
                .findFirst().orElseThrow();
        assertThat(amount(listed.get("outstanding"))).isEqualByComparingTo(late.gross().subtract(half));
        assertThat(listed.get("daysOverdue").asLong()).isEqualTo(5);

        // bad input: 400; customers: 403
        json(fixture.get("/api/v1/admin/reports/invoices-vs-paid?groupBy=year", FinanceFixture.accountant(), "en"),
                400);
        json(fixture.get("/api/v1/admin/reports/cash?from=yesterday", FinanceFixture.accountant(), "en"), 400);
        assertThat(fixture.get("/api/v1/admin/reports/overdue", customer.admin(), "en").statusCode()).isEqualTo(403);
    }
}
