package io.b2bportal.crm;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees a client card, its timeline and its contacts: the account manager of the client, the sales head and the
 * administrator; another account manager gets 404 on the page and the API; a customer is refused on every URL, and
 * no CRM contact shows on the customer's own pages.
 */
@PortalTest
class CrmClientAccessTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    long alpha;
    long contact;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        alpha = CrmClientFixture.company(jdbc, "Группа «Альфа»");
        contact = jdbc.sql("select min(id) from crm.contact where company_id = :c").param("c", alpha)
                .query(Long.class).single();
    }

    List<String> apiUrls() {
        return List.of("/api/v1/admin/crm/companies/" + alpha, "/api/v1/admin/crm/companies/" + alpha + "/timeline",
                "/api/v1/admin/crm/companies/" + alpha + "/contacts", "/api/v1/admin/crm/contacts/" + contact);
    }

    List<String> pageUrls() {
        return List.of("/admin/crm/clients/" + alpha, "/admin/crm/clients/" + alpha + "/timeline",
                "/admin/crm/contacts/" + contact + "/edit");
    }

    @Test
    void anotherAccountManagerGetsNotFoundOnThePageAndTheApi() {
        for (String url : apiUrls()) {
            HttpResponse<String> response = http.get(url, Http.basic("manager2@demo.local", "demo"));
            assertThat(response.statusCode()).as(url).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Строева").doesNotContain("Альфа");
        }
        assertThat(http.send(http.request("/api/v1/admin/crm/contacts/" + contact)
                .header("Authorization", Http.basic("manager2@demo.local", "demo"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"fullName\": \"Взлом\", \"dmuRole\": \"USER\"}")))
                .statusCode()).isEqualTo(404);
        assertThat(http.send(http.request("/api/v1/admin/crm/contacts/" + contact)
                .header("Authorization", Http.basic("manager2@demo.local", "demo")).DELETE()).statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("select archived from crm.contact where id = :id").param("id", contact)
                .query(Boolean.class).single()).isFalse();
        String list = http.get("/api/v1/admin/crm/companies", Http.basic("manager2@demo.local", "demo")).body();
        assertThat(list).contains("ИП Гаммова").doesNotContain("Группа «Альфа»");

        WebSession manager2 = new WebSession(port).login("manager2@demo.local", "demo");
        for (String url : pageUrls()) {
            HttpResponse<String> page = manager2.get(url);
            assertThat(page.statusCode()).as(url).isEqualTo(404);
            assertThat(page.body()).doesNotContain("Строева");
        }
        assertThat(manager2.get("/admin/crm/clients").body()).contains("ИП Гаммова").doesNotContain("Группа «Альфа»");
    }

    @Test
    void theClientsManagerTheSalesHeadAndTheAdministratorSeeIt() {
        for (String who : List.of("manager@demo.local", "head@demo.local", "admin@demo.local")) {
            for (String url : apiUrls()) {
                HttpResponse<String> response = http.get(url, Http.basic(who, "demo"));
                assertThat(response.statusCode()).as(who + " " + url).isEqualTo(200);
            }
            assertThat(http.get("/api/v1/admin/crm/companies/" + alpha, Http.basic(who, "demo")).body())
                    .contains("Группа «Альфа»").contains("Строева Марина Олеговна").contains("7704123450");
            WebSession session = new WebSession(port).login(who, "demo");
            for (String url : pageUrls()) {
                assertThat(session.get(url).statusCode()).as(who + " " + url).isEqualTo(200);
            }
        }
        String heads = http.get("/api/v1/admin/crm/companies", Http.basic("head@demo.local", "demo")).body();
        assertThat(heads).contains("Группа «Альфа»").contains("ИП Гаммова");
    }

    @Test
    void aCustomerIsRefusedOnEveryUrlAndSeesNoCrmDataOnTheirPages() {
        for (String url : apiUrls()) {
            HttpResponse<String> response = http.get(url, Http.basic("admin@alpha.demo", "demo"));
            assertThat(response.statusCode()).as(url).isIn(401, 403);
            assertThat(response.body()).doesNotContain("Строева");
        }
        assertThat(http.get("/api/v1/admin/crm/companies", Http.basic("buyer@alpha.demo", "demo")).statusCode())
                .isIn(401, 403);
        WebSession customer = new WebSession(port).login("admin@alpha.demo", "demo");
        for (String url : concat(pageUrls(), List.of("/admin/crm/clients"))) {
            HttpResponse<String> page = customer.get(url);
            assertThat(page.statusCode()).as(url).isIn(302, 403, 404);
            assertThat(page.body()).doesNotContain("Строева");
        }
        HttpResponse<String> post = customer.post("/admin/crm/clients/" + alpha + "/contacts",
                "fullName=X&dmuRole=USER", null);
        assertThat(post.statusCode()).isIn(302, 403);
        assertThat(jdbc.sql("select count(*) from crm.contact where full_name = 'X'").query(Integer.class).single())
                .isZero();
        for (String url : List.of("/", "/orders", "/claims", "/company/users", "/account")) {
            assertThat(customer.get(url).body()).as(url).doesNotContain("Строева").doesNotContain("crm-timeline");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
