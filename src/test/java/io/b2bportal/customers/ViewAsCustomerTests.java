package io.b2bportal.customers;

import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff see the portal as a customer sees it: read-only, with a banner, and every step in the audit log. */
@PortalTest
class ViewAsCustomerTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aManagerViewsTheirCustomerReadOnlyAndEveryStepIsAudited() {
        long alpha = jdbc.sql("select id from customers.company where name = 'Группа «Альфа»'").query(Long.class).single();
        long before = auditCount(alpha);
        WebSession manager = new WebSession(port).login("manager@demo.local", "demo");
        String token = WebSession.csrfToken(manager.get("/admin/customers/" + alpha).body());

        HttpResponse<String> started = manager.post("/admin/customers/" + alpha + "/view-as", "_csrf=" + token, null);
        assertThat(started.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/company"));

        HttpResponse<String> company = manager.get("/company", "en");
        assertThat(company.statusCode()).isEqualTo(200);
        assertThat(company.body()).contains("data-testid=\"view-as-banner\"").contains("ООО «Альфа Строй»");
        HttpResponse<String> addresses = manager.get("/company/addresses?q=%D0%A6%D0%B5%D0%BD%D1%82%D1%80", "en");
        assertThat(addresses.body()).contains("Центральный склад");

        String pageToken = WebSession.csrfToken(addresses.body());
        long addressesBefore = jdbc.sql("select count(*) from customers.address").query(Long.class).single();
        HttpResponse<String> change = manager.post("/company/addresses", "label=Hack&address=Nowhere&_csrf=" + pageToken,
                null);
        assertThat(change.statusCode()).isEqualTo(403);
        assertThat(change.body()).contains("Только чтение в режиме клиента");
        assertThat(jdbc.sql("select count(*) from customers.address").query(Long.class).single())
                .isEqualTo(addressesBefore);

        HttpResponse<String> stopped = manager.post("/view-as/stop", "_csrf=" + pageToken, null);
        assertThat(stopped.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/admin/customers/" + alpha));
        assertThat(manager.get("/company").statusCode()).isEqualTo(404);

        var actions = jdbc.sql("select action from platform.audit_log where company_id = :c order by id")
                .param("c", alpha).query(String.class).list();
        assertThat(actions.subList((int) before, actions.size())).containsSubsequence("customers.view-as.start",
                "customers.view-as.page", "customers.view-as.refused", "customers.view-as.stop");
        assertThat(manager.get("/admin/customers/" + alpha, "en").body()).contains("stopped viewing as the customer");
    }

    @Test
    void aManagerCannotViewSomeoneElsesCustomer() {
        long alpha = jdbc.sql("select id from customers.company where name = 'Группа «Альфа»'").query(Long.class).single();
        WebSession manager2 = new WebSession(port).login("manager2@demo.local", "demo");
        String token = WebSession.csrfToken(manager2.get("/admin/customers").body());

        HttpResponse<String> attempt = manager2.post("/admin/customers/" + alpha + "/view-as", "_csrf=" + token, null);

        assertThat(attempt.statusCode()).isEqualTo(404);
        assertThat(manager2.get("/company").statusCode()).isEqualTo(404);
    }

    @Test
    void theAuditLogCannotBeRewritten() {
        jdbc.sql("insert into platform.audit_log (actor_id, action) select id, 'test' from platform.user_account limit 1")
                .update();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        jdbc.sql("update platform.audit_log set action = 'forged'").update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from platform.audit_log").update())
                .hasMessageContaining("append-only");
    }

    private long auditCount(long company) {
        return jdbc.sql("select count(*) from platform.audit_log where company_id = :c").param("c", company)
                .query(Long.class).single();
    }
}
