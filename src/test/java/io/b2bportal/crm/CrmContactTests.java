package io.b2bportal.crm;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's contacts: created, read, changed and archived over the API and on the card, with their role in the
 * decision and an optional link to a portal user of the same client; bad input is a 400 Problem in the API and a
 * message next to the field on the page.
 */
@PortalTest
class CrmContactTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MANAGER = Http.basic("manager@demo.local", "demo");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    long beta;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        beta = CrmClientFixture.company(jdbc, "ООО «Бета Инструмент»");
    }

    @Test
    void aContactIsCreatedReadChangedAndArchivedOverTheApi() {
        String name = "Тестов " + UUID.randomUUID().toString().substring(0, 6);
        long buyer = CrmClientFixture.user(jdbc, "buyer@beta.demo");
        jdbc.sql("update crm.contact set user_id = null where user_id = :u").param("u", buyer).update();
        JsonNode created = json(send("POST", "/api/v1/admin/crm/companies/" + beta + "/contacts", """
                {"fullName": "  %s ", "position": "Инженер", "dmuRole": "SPECIALIST", "phone": "+7 900 111-22-33",
                 "email": "Test@Beta.demo", "preferredChannel": "EMAIL", "notes": "любит чертежи", "userId": %d}"""
                .formatted(name, buyer)), 201);
        long id = created.get("id").asLong();
        assertThat(created.get("fullName").asString()).isEqualTo(name);
        assertThat(created.get("email").asString()).isEqualTo("test@beta.demo");
        assertThat(created.get("userEmail").asString()).isEqualTo("buyer@beta.demo");

        JsonNode read = json(send("GET", "/api/v1/admin/crm/contacts/" + id, null), 200);
        assertThat(read.get("dmuRole").asString()).isEqualTo("SPECIALIST");

        JsonNode changed = json(send("PUT", "/api/v1/admin/crm/contacts/" + id, """
                {"fullName": "%s", "dmuRole": "DECISION_MAKER", "phone": "+7 900 111-22-33",
                 "preferredChannel": "PHONE"}""".formatted(name)), 200);
        assertThat(changed.get("dmuRole").asString()).isEqualTo("DECISION_MAKER");
        assertThat(changed.get("email").isNull()).isTrue();
        assertThat(changed.get("userId").isNull()).isTrue();

        assertThat(send("DELETE", "/api/v1/admin/crm/contacts/" + id, null).statusCode()).isEqualTo(204);
        String active = send("GET", "/api/v1/admin/crm/companies/" + beta + "/contacts", null).body();
        assertThat(active).doesNotContain(name);
        String all = send("GET", "/api/v1/admin/crm/companies/" + beta + "/contacts?archived=true", null).body();
        assertThat(all).contains(name);
    }

    @Test
    void badInputIsA400ProblemAndNothingIsSaved() {
        int before = count();
        assertProblem(send("POST", "/api/v1/admin/crm/companies/" + beta + "/contacts",
                "{\"fullName\": \"  \", \"dmuRole\": \"USER\"}"), "Enter the contact's name.");
        assertProblem(send("POST", "/api/v1/admin/crm/companies/" + beta + "/contacts",
                "{\"fullName\": \"Иван\", \"dmuRole\": \"BOSS\"}"), "Choose the role in the decision.");
        assertProblem(send("POST", "/api/v1/admin/crm/companies/" + beta + "/contacts",
                "{\"fullName\": \"Иван\", \"dmuRole\": \"USER\", \"email\": \"not-a-mail\"}"), "This is not an e-mail address.");
        assertProblem(send("POST", "/api/v1/admin/crm/companies/" + beta + "/contacts",
                "{\"fullName\": \"Иван\", \"dmuRole\": \"USER\", \"phone\": \"call me\"}"), "A phone number is digits");
        assertProblem(send("POST", "/api/v1/admin/crm/companies/" + beta + "/contacts",
                "{\"fullName\": \"Иван\", \"dmuRole\": \"USER\", \"preferredChannel\": \"EMAIL\"}"),
                "The contact prefers e-mail");
        // a portal user of another client may not be linked
        long alphaBuyer = CrmClientFixture.user(jdbc, "buyer@alpha.demo");
        assertProblem(send("POST", "/api/v1/admin/crm/companies/" + beta + "/contacts",
                "{\"fullName\": \"Иван\", \"dmuRole\": \"USER\", \"userId\": " + alphaBuyer + "}"),
                "not a user of this client");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theCardAddsAContactAndShowsMistakesNextToTheFields() {
        WebSession session = new WebSession(port).login("manager@demo.local", "demo");
        String card = session.get("/admin/crm/clients/" + beta, "en").body();
        String token = WebSession.csrfToken(card);
        HttpResponse<String> wrong = session.post("/admin/crm/clients/" + beta + "/contacts",
                "fullName=&dmuRole=USER&email=nope&_csrf=" + enc(token), null);
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("field-error").contains("Это не адрес электронной почты.")
                .contains("Укажите ФИО контакта.");
        String name = "Карточкин " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> ok = session.post("/admin/crm/clients/" + beta + "/contacts",
                "fullName=" + enc(name) + "&position=" + enc("Снабженец") + "&dmuRole=INFLUENCER&phone="
                        + enc("+7 901 000-00-00") + "&preferredChannel=PHONE&_csrf=" + enc(token), null);
        assertThat(ok.statusCode()).isEqualTo(302);
        String after = session.get("/admin/crm/clients/" + beta, "en").body();
        assertThat(after).contains(name);
        assertThat(jdbc.sql("select dmu_role || ' ' || preferred_channel || ' ' || position from crm.contact where full_name = :n")
                .param("n", name).query(String.class).single()).isEqualTo("INFLUENCER PHONE Снабженец");
        long id = jdbc.sql("select id from crm.contact where full_name = :n").param("n", name).query(Long.class).single();
        assertThat(session.post("/admin/crm/contacts/" + id, "fullName=" + enc(name) + "&dmuRole=SPONSOR&_csrf="
                + enc(token), null).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select dmu_role from crm.contact where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("SPONSOR");
        assertThat(session.post("/admin/crm/contacts/" + id + "/archive", "_csrf=" + enc(token), null).statusCode())
                .isEqualTo(302);
        assertThat(session.get("/admin/crm/clients/" + beta, "en").body()).doesNotContain(name);
    }

    private int count() {
        return jdbc.sql("select count(*) from crm.contact").query(Integer.class).single();
    }

    private static void assertProblem(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains(detail);
    }

    private HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = http.request(path).header("Authorization", MANAGER)
                .header("Accept-Language", "en")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request);
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
