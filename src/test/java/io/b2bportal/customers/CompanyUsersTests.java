package io.b2bportal.customers;

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

import static io.b2bportal.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

/** A company administrator invites a colleague, limits what they act for, and switches them off. */
@PortalTest
class CompanyUsersTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.b2bportal.customers.registration.Registrations registrations;
    @Autowired
    io.b2bportal.platform.PlatformApi platform;
    Http http;
    long alphaStroy;
    long alphaRemont;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        alphaStroy = entity(DemoCustomers.ALPHA_STROY);
        alphaRemont = entity(DemoCustomers.ALPHA_REMONT);
    }

    @Test
    void anInvitedColleagueSetsAPasswordActsOnlyForTheGrantedEntityAndIsSwitchedOffAtOnce() {
        String email = "colleague-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> invited = http.postJson("/api/v1/company/users", basic("admin@alpha.demo", "demo"),
                "{\"email\":\"" + email + "\",\"displayName\":\"Коллега\",\"roles\":[\"BUYER\"],\"legalEntityIds\":["
                        + alphaRemont + "]}");
        assertThat(invited.statusCode()).isEqualTo(202);

        String mail = jdbc.sql("select body_text from platform.mail_outbox where recipient = :r")
                .param("r", email).query(String.class).single();
        String token = mail.replaceAll("(?s).*?/invitation\\?token=([A-Za-z0-9_-]+).*", "$1");
        WebSession colleague = new WebSession(port);
        assertThat(colleague.get("/invitation?token=" + token + "&lang=en").body())
                .contains("Join Группа «Альфа»").contains("name=\"password\"");
        String csrf = WebSession.csrfToken(colleague.get("/invitation?token=" + token).body());
        HttpResponse<String> accepted = colleague.post("/invitation", "token=" + token
                + "&password=" + enc("a long enough pass") + "&passwordConfirmation=" + enc("a long enough pass")
                + "&_csrf=" + csrf, null);
        assertThat(accepted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?joined"));
        assertThat(colleague.get("/invitation?token=" + token + "&lang=en").body()).contains("This link does not work");

        WebSession session = new WebSession(port).login(email, "a long enough pass");
        assertThat(session.get("/company/addresses", "en").body()).contains("ООО «Альфа Ремонт»");
        HttpResponse<String> other = http.send(http.request("/api/v1/addresses")
                .header("Authorization", basic(email, "a long enough pass"))
                .header("X-Legal-Entity", String.valueOf(alphaStroy)));
        assertThat(other.statusCode()).isEqualTo(403);

        long userId = jdbc.sql("select id from platform.user_account where email = :e").param("e", email)
                .query(Long.class).single();
        HttpResponse<String> deactivated = http.send(http.request("/api/v1/company/users/" + userId + "/deactivate")
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", basic("admin@alpha.demo", "demo")));
        assertThat(deactivated.statusCode()).isEqualTo(200);
        assertThat(deactivated.body()).contains("\"enabled\":false");

        HttpResponse<String> afterwards = session.get("/company/addresses");
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/login?error=disabled"));
        assertThat(http.get("/api/v1/me", basic(email, "a long enough pass")).statusCode()).isEqualTo(401);
    }

    @Test
    void staffAddressesCannotBeInvited() {
        HttpResponse<String> response = http.postJson("/api/v1/company/users", basic("admin@alpha.demo", "demo"),
                "{\"email\":\"ops@demo.local\",\"displayName\":\"Ops\",\"roles\":[\"BUYER\"],\"legalEntityIds\":["
                        + alphaStroy + "]}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("staff-email");
    }

    @Test
    void anotherCompanysEntityOrASellerRoleIsRefused() {
        long beta = entity(DemoCustomers.BETA);
        HttpResponse<String> foreign = http.postJson("/api/v1/company/users", basic("admin@alpha.demo", "demo"),
                "{\"email\":\"x-" + UUID.randomUUID() + "@example.com\",\"displayName\":\"X\",\"roles\":[\"BUYER\"],"
                        + "\"legalEntityIds\":[" + beta + "]}");
        assertThat(foreign.statusCode()).isEqualTo(422);

        HttpResponse<String> sellerRole = http.postJson("/api/v1/company/users", basic("admin@alpha.demo", "demo"),
                "{\"email\":\"y-" + UUID.randomUUID() + "@example.com\",\"displayName\":\"Y\",\"roles\":[\"ADMIN\"],"
                        + "\"legalEntityIds\":[" + alphaStroy + "]}");
        assertThat(sellerRole.statusCode()).isEqualTo(422);
    }

    @Test
    void anAdministratorCannotDemoteOrDeactivateThemselves() {
        long self = jdbc.sql("select id from platform.user_account where email = 'admin@alpha.demo'")
                .query(Long.class).single();
        HttpResponse<String> demote = http.send(http.request("/api/v1/company/users/" + self)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"roles\":[\"BUYER\"],\"legalEntityIds\":[" + alphaStroy + "]}"))
                .header("Content-Type", "application/json").header("Authorization", basic("admin@alpha.demo", "demo")));
        assertThat(demote.statusCode()).isEqualTo(409);

        HttpResponse<String> deactivate = http.send(http.request("/api/v1/company/users/" + self + "/deactivate")
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", basic("admin@alpha.demo", "demo")));
        assertThat(deactivate.statusCode()).isEqualTo(409);
        assertThat(http.get("/api/v1/me", basic("admin@alpha.demo", "demo")).statusCode()).isEqualTo(200);
    }

    @Test
    void someoneWorkingForTwoCompaniesSeesTheCompanyOfTheEntityTheyActFor() {
        var first = registered();
        var second = registered();
        HttpResponse<String> invited = http.postJson("/api/v1/company/users", basic(first.email(), PASSWORD),
                "{\"email\":\"" + second.email() + "\",\"displayName\":\"Partner\",\"roles\":[\"BUYER\"],"
                        + "\"legalEntityIds\":[" + first.entity() + "]}");
        assertThat(invited.statusCode()).isEqualTo(202);
        String mail = jdbc.sql("select body_text from platform.mail_outbox where recipient = :r and kind = 'customers.invitation'")
                .param("r", second.email()).query(String.class).single();
        String token = mail.replaceAll("(?s).*?/invitation\\?token=([A-Za-z0-9_-]+).*", "$1");
        WebSession partner = new WebSession(port);
        assertThat(partner.get("/invitation?token=" + token + "&lang=en").body()).doesNotContain("name=\"password\"");
        String csrf = WebSession.csrfToken(partner.get("/invitation?token=" + token).body());
        partner.post("/invitation", "token=" + token + "&_csrf=" + csrf, null);

        WebSession session = partner.login(second.email(), PASSWORD);
        String own = session.get("/company").body();
        assertThat(heading(own)).isEqualTo(second.company());
        session.post("/legal-entity", "legalEntityId=" + first.entity() + "&_csrf=" + WebSession.csrfToken(own), null);
        assertThat(heading(session.get("/company").body())).isEqualTo(first.company());
    }

    private static final String PASSWORD = "correct horse battery";

    private static String heading(String html) {
        return html.replaceAll("(?s).*?<h1>([^<]*)</h1>.*", "$1");
    }

    record Registered(String email, String company, long entity) {
    }

    private Registered registered() {
        String email = "multi-" + UUID.randomUUID() + "@example.com";
        String company = "Компания " + UUID.randomUUID().toString().substring(0, 6);
        String[] requisites = CustomersIsolationTests.freshRequisites();
        var result = registrations.register(new io.b2bportal.customers.registration.Registrations.NewRegistration(
                "Тест", email, null, PASSWORD, company, new io.b2bportal.customers.entity.LegalEntities.NewLegalEntity(
                        company, "ORGANISATION", "RU", requisites[0], "770401001", requisites[1], null, "Москва", null,
                        null, null, null, null, true)), java.util.Locale.ENGLISH);
        platform.markEmailVerified(result.userId());
        return new Registered(email, company, result.legalEntityId());
    }

    private long entity(String inn) {
        return DemoCustomers.entity(jdbc, inn);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
