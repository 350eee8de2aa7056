package io.b2bportal.payments;

import io.b2bportal.support.TestProducts;
import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.ledger.Account;
import io.b2bportal.ledger.JournalEntry;
import io.b2bportal.ledger.JournalKind;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.support.Http;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers of a test's own, so that no finance test ever touches a demo customer's credit (Alpha Stroy must never be
 * held): a company with one approved legal entity on a 30-day deferral (the agreement accepted), its administrator
 * (who also buys) and, if asked, an accountant; products of its own; orders placed "on a day" through the real checkout
 * (their invoices dated then); payments posted to the ledger exactly as the payments module posts them.
 */
final class FinanceFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "demo";

    private final JdbcClient jdbc;
    private final PlatformApi platform;
    private final OrderingApi ordering;
    private final DocumentsApi documents;
    private final LedgerApi ledger;
    private final Http http;

    FinanceFixture(JdbcClient jdbc, PlatformApi platform, OrderingApi ordering, DocumentsApi documents,
            LedgerApi ledger, Http http) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.ordering = ordering;
        this.documents = documents;
        this.ledger = ledger;
        this.http = http;
    }

    record Customer(long companyId, long entityId, long adminId, String adminEmail, Long accountantId,
            String accountantEmail) {

        String admin() {
            return Http.basic(adminEmail, PASSWORD);
        }
    }

    /** A fresh customer; its account manager is manager2@demo.local (not manager@demo.local). */
    Customer customer(boolean withAccountant) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long manager = user("manager2@demo.local");
        io.b2bportal.support.TestCustomers.Created created = io.b2bportal.support.TestCustomers.create(jdbc,
                "Тест Финанс " + tag, manager, "Т-" + tag);
        long company = created.companyId();
        long entity = created.legalEntityId();
        String adminEmail = "admin-" + tag + "@finance.test";
        long admin = member(company, entity, adminEmail, "Админ " + tag, Set.of(Role.CUSTOMER_ADMIN, Role.BUYER));
        Long accountant = null;
        String accountantEmail = null;
        if (withAccountant) {
            accountantEmail = "accountant-" + tag + "@finance.test";
            accountant = member(company, entity, accountantEmail, "Бухгалтер " + tag, Set.of(Role.ACCOUNTANT));
        }
        acceptAgreement(Http.basic(adminEmail, PASSWORD));
        return new Customer(company, entity, admin, adminEmail, accountant, accountantEmail);
    }

    long member(long company, long entity, String email, String name, Set<Role> roles) {
        long id = platform.createAccount(email, name, Role.Side.CUSTOMER, roles, PASSWORD, false);
        jdbc.sql("""
                        insert into customers.membership (user_id, company_id, default_legal_entity_id)
                        values (:user, :company, :entity)""")
                .param("user", id).param("company", company).param("entity", entity).update();
        jdbc.sql("insert into customers.member_entity (user_id, legal_entity_id) values (:user, :entity)")
                .param("user", id).param("entity", entity).update();
        return id;
    }

    private void acceptAgreement(String authorization) {
        HttpResponse<String> agreement = http.get("/api/v1/agreement", authorization);
        assertThat(agreement.statusCode()).as(agreement.body()).isEqualTo(200);
        String sha = JSON.readTree(agreement.body()).get("pdfSha256").asString();
        HttpResponse<String> accepted = http.postJson("/api/v1/agreement/accept", authorization,
                "{\"pdfSha256\": \"" + sha + "\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    }

    long user(String email) {
        return jdbc.sql("select id from platform.user_account where email = :email").param("email", email)
                .query(Long.class).single();
    }

    /** A product of the test's own in the base list at this price (with VAT), plenty in stock. */
    String product(String price) {
        return TestProducts.create(jdbc, "F", "Товар", "Product", price, 100000, false);
    }

    /** An order placed through the checkout as of {@code day}: its invoice is dated then (due 30 days later). */
    InvoiceRef orderOn(Customer customer, LocalDate day, String sku, int quantity) {
        long order = BusinessDate.asOf(day, () -> ordering.place(customer.adminId(), customer.entityId(),
                Map.of(sku, BigDecimal.valueOf(quantity)), "T-" + day));
        return documents.invoiceOfOrder(order).orElseThrow();
    }

    /** An invoice whose due date is {@code daysPastDue} days before today (placed 30 + that many days ago). */
    InvoiceRef overdueBy(Customer customer, int daysPastDue, String sku) {
        return orderOn(customer, BusinessDate.today().minusDays(30L + daysPastDue), sku, 1);
    }

    /** A bank payment allocated to the invoice, posted as the payments module posts it: Dr BANK / Cr RECEIVABLE. */
    long pay(Customer customer, InvoiceRef invoice, BigDecimal amount, LocalDate on) {
        return ledger.post(new JournalEntry.Builder(JournalKind.PAYMENT, customer.entityId(), on)
                .memo("Оплата по счёту " + invoice.number())
                .debit(Account.BANK, null, amount)
                .credit(Account.RECEIVABLE, invoice.id(), amount)
                .build());
    }

    static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    HttpResponse<String> get(String path, String authorization, String language) {
        return http.send(http.request(path).header("Authorization", authorization).header("Accept-Language", language)
                .GET());
    }

    HttpResponse<String> post(String path, String authorization, String json, String language) {
        return http.send(http.request(path).header("Authorization", authorization).header("Accept-Language", language)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static String accountant() {
        return Http.basic("accountant@demo.local", PASSWORD);
    }
}
