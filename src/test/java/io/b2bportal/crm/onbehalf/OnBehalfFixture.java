package io.b2bportal.crm.onbehalf;

import io.b2bportal.support.Http;
import io.b2bportal.support.WebSession;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo clients of the order-on-behalf tests, products of a test's own (price, stock), and the steps a member of
 * staff takes in the browser session: open the confirmation, start, add to the cart, check out, stop.
 */
final class OnBehalfFixture {

    static final String ALPHA_STROY = "7704123450";
    static final String ALPHA_REMONT = "7704987650";
    static final String BETA = "5027123457";
    static final String GAMMA = "773123456716";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final int port;

    OnBehalfFixture(JdbcClient jdbc, int port) {
        this.jdbc = jdbc;
        this.port = port;
    }

    /**
     * Every test that orders leaves unpaid invoices on a deferral contract; keep at least 1,000,000 of the credit free
     * (as the ordering tests do), so that a test not about credit never runs out of it.
     */
    void keepCreditFree(String inn) {
        jdbc.sql("""
                        update customers.contract c
                           set credit_limit = greatest(c.credit_limit, 1000000
                                   + (select coalesce(sum(o.total_gross), 0) from ordering.orders o
                                       where o.legal_entity_id = c.legal_entity_id
                                         and o.status = 'AWAITING_APPROVAL')
                                   + (select greatest(coalesce(sum(p.amount), 0), 0) from ledger.posting p
                                       where p.legal_entity_id = c.legal_entity_id and p.account = 'RECEIVABLE'))
                         where c.legal_entity_id = (select id from customers.legal_entity where inn = :inn)
                           and c.payment_terms = 'DEFERRAL'""")
                .param("inn", inn).update();
    }

    long entity(String inn) {
        return jdbc.sql("select id from customers.legal_entity where inn = :inn").param("inn", inn)
                .query(Long.class).single();
    }

    long company(String inn) {
        return jdbc.sql("select company_id from customers.legal_entity where inn = :inn").param("inn", inn)
                .query(Long.class).single();
    }

    long user(String email) {
        return jdbc.sql("select id from platform.user_account where email = :email").param("email", email)
                .query(Long.class).single();
    }

    /**
     * The legal entity has accepted the current supply agreement (again, if another test published a new version since),
     * so that it may order whatever ran before; accepted in the client's user's name, as the demo does.
     */
    static void acceptAgreement(io.b2bportal.customers.CustomersApi customers,
            io.b2bportal.customers.agreement.AgreementDocuments documents,
            io.b2bportal.customers.agreement.AcceptanceLog acceptances, long userId, long entity) {
        if (customers.whyCannotOrder(entity).isEmpty()) {
            return;
        }
        var document = documents.current(entity).orElseThrow();
        acceptances.append(new io.b2bportal.customers.agreement.AcceptanceLog.NewAcceptance(entity, userId,
                "127.0.0.1", "OnBehalfTests", document.templateVersion(), document.pdfSha256()), java.time.Instant.now());
        assertThat(customers.whyCannotOrder(entity)).isEmpty();
    }

    /** A new product in pieces at this base price (with VAT), this much on hand. */
    String product(String price, int onHand) {
        return io.b2bportal.support.TestProducts.create(jdbc, "OB", "Товар для заказа от имени", "On-behalf product", price, onHand, false);
    }

    BigDecimal reserved(String sku) {
        return jdbc.sql("""
                        select coalesce(sum(s.reserved), 0) from catalog.stock s join catalog.product p on p.id = s.product_id
                         where p.sku = :sku""")
                .param("sku", sku).query(BigDecimal.class).single().stripTrailingZeros();
    }

    long orderCount() {
        return jdbc.sql("select count(*) from ordering.orders").query(Long.class).single();
    }

    /** The newest audit entry id, so that a test reads only its own entries. */
    long lastAuditId() {
        return jdbc.sql("select coalesce(max(id), 0) from platform.audit_log").query(Long.class).single();
    }

    /** An audit entry as stored: both identities. */
    record Audit(long actorId, String action, Long companyId, Long legalEntityId, Long customerUserId, String subject) {
    }

    java.util.List<Audit> auditSince(long afterId) {
        return jdbc.sql("""
                        select actor_id, action, company_id, legal_entity_id, customer_user_id, subject
                          from platform.audit_log where id > :after order by id""")
                .param("after", afterId).query(Audit.class).list();
    }

    // ------------------------------------------------------------------ browser-session steps

    static String csrf(HttpResponse<String> page) {
        return WebSession.csrfToken(page.body());
    }

    static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** Opens the confirmation page and starts acting for the legal entity; the answer to the start. */
    static HttpResponse<String> start(WebSession staff, long company, long entity) {
        HttpResponse<String> confirm = staff.get("/admin/crm/clients/" + company + "/on-behalf", "en");
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        return staff.post("/admin/crm/clients/" + company + "/on-behalf",
                form("legalEntityId", String.valueOf(entity), "_csrf", csrf(confirm)), null);
    }

    /** Adds a product to the current cart from the catalog, as the buyer's quick add does. */
    static void add(WebSession staff, String sku, String quantity) {
        HttpResponse<String> catalog = staff.get("/catalog", "en");
        HttpResponse<String> added = staff.post("/cart/add",
                form("sku", sku, "quantity", quantity, "context", "catalog", "_csrf", csrf(catalog)), null);
        assertThat(added.statusCode()).as(added.body()).isIn(200, 302);
    }

    /** The id of the current cart (created on first use). */
    static long currentCart(WebSession staff) {
        HttpResponse<String> cart = staff.get("/cart", "en");
        assertThat(cart.statusCode()).as(cart.body()).isEqualTo(302);
        String location = cart.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Checks the cart out; the answer (302 to the order, or 422 with the refusal on the page). */
    static HttpResponse<String> checkout(WebSession staff, long cartId) {
        HttpResponse<String> page = staff.get("/checkout?cart=" + cartId, "en");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return staff.post("/checkout", form("cart", String.valueOf(cartId), "merge", "one",
                "token", UUID.randomUUID().toString(), "_csrf", csrf(page)), null);
    }

    static HttpResponse<String> stop(WebSession staff) {
        HttpResponse<String> page = staff.get("/catalog", "en");
        return staff.post("/admin/crm/on-behalf/stop", form("_csrf", csrf(page)), null);
    }

    static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
