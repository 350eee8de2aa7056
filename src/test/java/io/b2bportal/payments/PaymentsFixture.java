package io.b2bportal.payments;

import io.b2bportal.support.TestProducts;
import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.payments.payment.Allocations;
import io.b2bportal.support.Http;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoices of a test's own, made the real way: a product of the test's own ordered through the API by Alpha's buyer
 * for Alpha Remont (a prepayment contract: its order is confirmed when its invoice is paid), so each test states its
 * case in a line. Also calls over HTTP as any demo user, and the books' balance.
 */
final class PaymentsFixture {

    static final String ALPHA_STROY = "7704123450";
    static final String ALPHA_REMONT = "7704987650";
    static final String BETA = "5027123457";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Http http;
    private final DocumentsApi documents;
    private final LedgerApi ledger;
    private final Allocations allocations;

    PaymentsFixture(JdbcClient jdbc, Http http, DocumentsApi documents, LedgerApi ledger, Allocations allocations) {
        this.jdbc = jdbc;
        this.http = http;
        this.documents = documents;
        this.ledger = ledger;
        this.allocations = allocations;
    }

    long entity(String inn) {
        return jdbc.sql("select id from customers.legal_entity where inn = :inn").param("inn", inn)
                .query(Long.class).single();
    }

    /** Alpha's administrator accepts the current supply agreement for the entity (again, if a test published one). */
    void acceptAgreement(long entity) {
        String sha = json(call("GET", "/api/v1/agreement", "admin@alpha.demo", entity, null), 200).get("pdfSha256")
                .asString();
        json(call("POST", "/api/v1/agreement/accept", "admin@alpha.demo", entity,
                "{\"pdfSha256\": \"" + sha + "\"}"), 200);
    }

    /** A new product with this base price a piece (with VAT) and plenty in stock. */
    String product(String price) {
        return TestProducts.create(jdbc, "PAY", "Тестовый товар", "Test product", price, 1000, false);
    }

    /** An order of Alpha Remont (prepayment) for so many pieces at this price; its invoice. */
    InvoiceRef invoice(String price, int quantity) {
        return invoice(entity(ALPHA_REMONT), price, quantity);
    }

    InvoiceRef invoice(long entity, String price, int quantity) {
        String sku = product(price);
        JsonNode placed = json(call("POST", "/api/v1/orders", "buyer@alpha.demo", entity,
                "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": " + quantity + "}]}"), 201);
        String number = placed.get("orders").get(0).get("number").asString();
        long order = jdbc.sql("select id from ordering.orders where number = :n").param("n", number)
                .query(Long.class).single();
        return documents.invoiceOfOrder(order).orElseThrow();
    }

    InvoiceRef reload(InvoiceRef invoice) {
        return documents.invoice(invoice.id()).orElseThrow();
    }

    String orderStatus(InvoiceRef invoice) {
        return jdbc.sql("select status from ordering.orders where id = :id").param("id", invoice.orderId())
                .query(String.class).single();
    }

    /** Refunds whatever advance the entity has, so that no later invoice of it is paid from it by surprise. */
    void clearAdvance(long entity) {
        record Open(long id, BigDecimal unapplied) {
        }
        for (Open p : jdbc.sql("""
                        select id, amount - coalesce((select sum(a.amount) from payments.allocation a
                                                       where a.payment_id = p.id), 0) as unapplied
                          from payments.payment p where legal_entity_id = :entity and status = 'POSTED'""")
                .param("entity", entity).query(Open.class).list()) {
            BigDecimal advance = allocations.advance(entity);
            BigDecimal amount = p.unapplied().min(advance);
            if (amount.signum() > 0) {
                allocations.refund(p.id(), amount, null);
            }
        }
    }

    /** The ledger balances: every posting ever made sums to zero, and so does each entry. */
    void assertBooksBalance() {
        assertThat(ledger.trialBalance()).isEqualByComparingTo("0");
        assertThat(ledger.unbalancedEntries()).isEmpty();
    }

    /** The receivable postings of a payment's entries: item (invoice id, or null = advance) → amount. */
    List<String> receivablePostings(long paymentId) {
        return jdbc.sql("""
                        select coalesce(p.item_id::text, 'advance') || '=' || p.amount::text
                          from ledger.posting p join ledger.journal j on j.id = p.journal_id
                         where j.payment_id = :payment and p.account = 'RECEIVABLE' and j.kind = 'PAYMENT'
                         order by p.id""")
                .param("payment", paymentId).query(String.class).list();
    }

    HttpResponse<String> call(String method, String path, String email, Long entity, String json) {
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

    /** A problem's detail, after checking the status and the problem type's suffix. */
    static String problem(HttpResponse<String> response, int status, String code) {
        JsonNode body = json(response, status);
        assertThat(body.get("type").asString()).endsWith("/" + code);
        return body.get("detail").asString();
    }
}
