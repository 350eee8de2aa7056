package io.b2bportal.pricing.admin;

import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.pricing.admin.AdminCalls.ADMIN;
import static io.b2bportal.pricing.admin.AdminCalls.MANAGER;
import static io.b2bportal.pricing.admin.AdminCalls.MANAGER2;
import static org.assertj.core.api.Assertions.assertThat;

/** Preview as a customer: the engine's prices for one legal entity, changed rules visible on the next view. */
@PortalTest
class PricingPreviewTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theAccountManagerSeesTheirClientsContractPriceAndItsChangeAtOnce() {
        long beta = jdbc.sql("select id from customers.legal_entity where inn = '5027123457'").query(Long.class).single();
        // Beta's contract limits it to fasteners; a nut no promotion of the other tests covers
        String sku = jdbc.sql("""
                        select p.sku from catalog.product p join catalog.category c on c.id = p.category_id
                         where c.code = 'nuts' and p.brand <> 'Fixpro' order by p.sku desc limit 1""")
                .query(String.class).single();
        AdminCalls api = new AdminCalls(port);
        assertThat(api.put(ADMIN, "/api/v1/admin/pricing/contract-prices/" + beta,
                "{\"sku\":\"" + sku + "\",\"amount\":777.70,\"includesVat\":true}").statusCode()).isEqualTo(200);
        WebSession session = new WebSession(port).login(MANAGER, "demo");
        String path = "/admin/pricing/preview?entity=" + beta + "&q=" + URLEncoder.encode(sku, StandardCharsets.UTF_8);

        String before = session.get(path, "en").body();
        api.put(ADMIN, "/api/v1/admin/pricing/contract-prices/" + beta, "{\"sku\":\"" + sku + "\",\"amount\":700,\"includesVat\":true}");
        String after = session.get(path, "en").body();

        assertThat(before).contains("data-sku=\"" + sku + "\"").contains("777.70").contains("contract price");
        assertThat(after).contains("700.00").doesNotContain("777.70");
        String outside = AdminCalls.sku(jdbc, "hand-tools", 3);
        assertThat(session.get("/admin/pricing/preview?entity=" + beta + "&q=" + outside, "en").body())
                .contains("outside this legal entity");
    }

    @Test
    void thePickerAndThePageKeepToTheCustomersOneMaySee() {
        long beta = jdbc.sql("select id from customers.legal_entity where inn = '5027123457'").query(Long.class).single();
        WebSession other = new WebSession(port).login(MANAGER2, "demo");

        assertThat(other.get("/admin/pricing/preview?entity=" + beta, "en").statusCode()).isEqualTo(404);
        assertThat(other.get("/admin/pricing/preview?find=" + URLEncoder.encode("Бета", StandardCharsets.UTF_8), "en")
                .body()).doesNotContain("entity=" + beta);
        assertThat(new WebSession(port).login(MANAGER, "demo")
                .get("/admin/pricing/preview?find=" + URLEncoder.encode("Бета", StandardCharsets.UTF_8), "en").body())
                .contains("/admin/pricing/preview?entity=" + beta);
    }
}
