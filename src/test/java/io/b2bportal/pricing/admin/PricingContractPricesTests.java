package io.b2bportal.pricing.admin;

import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.pricing.admin.AdminCalls.ADMIN;
import static io.b2bportal.pricing.admin.AdminCalls.BUYER;
import static io.b2bportal.pricing.admin.AdminCalls.CATALOG;
import static io.b2bportal.pricing.admin.AdminCalls.MANAGER;
import static io.b2bportal.pricing.admin.AdminCalls.MANAGER2;
import static io.b2bportal.pricing.admin.AdminCalls.OPS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract prices of a legal entity: the customer's account manager, sales heads and administrators change them;
 * other staff who may see the customer only look; nobody else even sees them. Bad input changes nothing.
 */
@PortalTest
class PricingContractPricesTests {

    static final String BETA = "5027123457";
    static final String GAMMA_PLUS = "7731555554";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    AdminCalls api() {
        return new AdminCalls(port);
    }

    @Test
    void theAccountManagerSetsAContractPriceOfTheirClientAndItIsAuditedOnTheCustomer() {
        long beta = entity(BETA);
        String sku = AdminCalls.sku(jdbc, "washers", 0);

        var saved = api().put(MANAGER, "/api/v1/admin/pricing/contract-prices/" + beta,
                "{\"sku\":\"" + sku + "\",\"amount\":4.35,\"includesVat\":false}");

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("\"sku\":\"" + sku + "\"").contains("\"amount\":4.3500")
                .contains("\"currency\":\"RUB\"").contains("\"includesVat\":false");
        assertThat(api().get(OPS, "/api/v1/admin/pricing/contract-prices?legalEntityId=" + beta).body()).contains(sku);
        assertThat(jdbc.sql("""
                        select a.subject from platform.audit_log a
                         where a.action = 'pricing.contract-price.saved'
                           and a.company_id = (select company_id from customers.legal_entity where id = :id)
                         order by a.id desc limit 1""").param("id", beta).query(String.class).single())
                .isEqualTo("entity " + beta + " " + sku + ": — → 4.35 RUB VAT excl.");
    }

    @Test
    void staffWhoMayNotChangeItAreRefusedAndNothingChanges() {
        long beta = entity(BETA);
        String sku = AdminCalls.sku(jdbc, "washers", 1);
        assertThat(api().put(ADMIN, "/api/v1/admin/pricing/contract-prices/" + beta,
                "{\"sku\":\"" + sku + "\",\"amount\":10}").statusCode()).isEqualTo(200);
        String body = "{\"sku\":\"" + sku + "\",\"amount\":1}";

        // the other account manager does not even see Beta; the catalog manager sees no customer
        assertThat(api().put(MANAGER2, "/api/v1/admin/pricing/contract-prices/" + beta, body).statusCode()).isEqualTo(404);
        assertThat(api().get(MANAGER2, "/api/v1/admin/pricing/contract-prices?legalEntityId=" + beta).statusCode())
                .isEqualTo(404);
        assertThat(api().get(CATALOG, "/api/v1/admin/pricing/contract-prices?legalEntityId=" + beta).statusCode())
                .isEqualTo(404);
        // operations and catalog managers may not write contract prices at all; buyers touch nothing here
        assertThat(api().put(OPS, "/api/v1/admin/pricing/contract-prices/" + beta, body).statusCode()).isEqualTo(403);
        assertThat(api().put(CATALOG, "/api/v1/admin/pricing/contract-prices/" + beta, body).statusCode()).isEqualTo(403);
        assertThat(api().put(BUYER, "/api/v1/admin/pricing/contract-prices/" + beta, body).statusCode()).isEqualTo(403);
        assertThat(api().get(BUYER, "/api/v1/admin/pricing/contract-prices?legalEntityId=" + beta).statusCode())
                .isEqualTo(403);
        assertThat(api().delete(MANAGER2, "/api/v1/admin/pricing/contract-prices/" + beta + "?sku=" + sku).statusCode())
                .isEqualTo(404);
        assertThat(amount(beta, sku)).isEqualByComparingTo("10");
        // the account manager of the others may change their own client's prices
        assertThat(api().put(MANAGER2, "/api/v1/admin/pricing/contract-prices/" + entity(GAMMA_PLUS), body).statusCode())
                .isEqualTo(200);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndChangesNothing() {
        long beta = entity(BETA);
        String sku = AdminCalls.sku(jdbc, "washers", 2);
        api().put(ADMIN, "/api/v1/admin/pricing/contract-prices/" + beta, "{\"sku\":\"" + sku + "\",\"amount\":7.5}");

        var negative = api().put(ADMIN, "/api/v1/admin/pricing/contract-prices/" + beta,
                "{\"sku\":\"" + sku + "\",\"amount\":-7.5}");
        var text = api().put(ADMIN, "/api/v1/admin/pricing/contract-prices/" + beta,
                "{\"sku\":\"" + sku + "\",\"amount\":\"7,5\"}");
        var unknown = api().put(ADMIN, "/api/v1/admin/pricing/contract-prices/" + beta,
                "{\"sku\":\"NO-SUCH\",\"amount\":1,\"currency\":\"XX\"}");

        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(negative.body()).contains("\"field\":\"amount\"").contains("cannot be negative");
        assertThat(text.statusCode()).isEqualTo(422);
        assertThat(text.body()).contains("\"field\":\"amount\"");
        assertThat(unknown.body()).contains("\"field\":\"sku\"").contains("\"field\":\"currency\"");
        assertThat(amount(beta, sku)).isEqualByComparingTo("7.5");
    }

    @Test
    void onThePageTheManagerFindsTheEntityAndTypesARussianNumber() {
        long beta = entity(BETA);
        String sku = AdminCalls.sku(jdbc, "anchors", 0);
        WebSession session = new WebSession(port).login(MANAGER, "demo");

        var picker = session.get("/admin/pricing/contract-prices?q=" + URLEncoder.encode("Бета", StandardCharsets.UTF_8), "ru");
        assertThat(picker.body()).contains("/admin/pricing/contract-prices?entity=" + beta);
        String page = session.get("/admin/pricing/contract-prices?entity=" + beta + "&lang=ru", "ru").body();
        String token = WebSession.csrfToken(page);

        var saved = session.post("/admin/pricing/contract-prices/" + beta, "_csrf=" + token + "&sku=" + sku
                + "&amount=" + URLEncoder.encode("1 234,50", StandardCharsets.UTF_8) + "&currency=RUB&includesVat=true", null);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(amount(beta, sku)).isEqualByComparingTo("1234.50");
        assertThat(session.get("/admin/pricing/contract-prices?entity=" + beta, "ru").body()).contains("1\u00a0234,50");

        var bad = session.post("/admin/pricing/contract-prices/" + beta, "_csrf=" + token + "&sku=" + sku
                + "&amount=" + URLEncoder.encode("двенадцать", StandardCharsets.UTF_8) + "&currency=RUB", null);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("«двенадцать» — не число");
        assertThat(amount(beta, sku)).isEqualByComparingTo("1234.50");
    }

    @Test
    void theOtherAccountManagerFindsNoOtherClientsInThePicker() {
        WebSession session = new WebSession(port).login(MANAGER2, "demo");

        var picker = session.get("/admin/pricing/contract-prices?q=" + URLEncoder.encode("Бета", StandardCharsets.UTF_8), "ru");

        assertThat(picker.statusCode()).isEqualTo(200);
        assertThat(picker.body()).doesNotContain("entity=" + entity(BETA));
        assertThat(session.get("/admin/pricing/contract-prices?entity=" + entity(BETA), "ru").statusCode()).isEqualTo(404);
    }

    private long entity(String inn) {
        return jdbc.sql("select id from customers.legal_entity where inn = :inn").param("inn", inn)
                .query(Long.class).single();
    }

    private BigDecimal amount(long entity, String sku) {
        return jdbc.sql("""
                        select amount from pricing.contract_price
                         where legal_entity_id = :e and product_id = (select id from catalog.product where sku = :sku)""")
                .param("e", entity).param("sku", sku).query(BigDecimal.class).single();
    }
}
