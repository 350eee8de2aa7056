package io.b2bportal.customers;

import io.b2bportal.customers.agreement.AcceptanceLog;
import io.b2bportal.customers.agreement.AcceptanceLog.Acceptance;
import io.b2bportal.customers.agreement.AgreementFixture;
import io.b2bportal.customers.agreement.AgreementFixture.Customer;
import io.b2bportal.customers.agreement.AgreementTemplates;
import io.b2bportal.customers.agreement.Agreements;
import io.b2bportal.customers.entity.Companies;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.security.ApiKeys;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The supply agreement's pages and API over real HTTP, as buyers, their administrators and staff use them. */
@PortalTest
class AgreementWebTests {

    @LocalServerPort
    int port;
    @Autowired
    Agreements agreements;
    @Autowired
    AcceptanceLog acceptances;
    @Autowired
    AgreementTemplates templates;
    @Autowired
    Companies companies;
    @Autowired
    LegalEntities legalEntities;
    @Autowired
    PlatformApi platform;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcClient jdbc;

    private AgreementFixture fixture;
    private Http http;

    @BeforeEach
    void setUp() {
        fixture = new AgreementFixture(companies, legalEntities, platform);
        http = new Http(port);
    }

    @Test
    void aCompanyAdministratorReadsAndAcceptsTheContractOnThePages() {
        Customer customer = fixture.approvedCustomer();
        WebSession admin = new WebSession(port).login(customer.admin().email(), AgreementFixture.PASSWORD);
        String page = "/company/entities/" + customer.legalEntityId() + "/agreement";

        assertThat(admin.get("/").body()).contains("data-testid=\"agreement-banner\"")
                .contains("Договор поставки для " + customer.name() + " готов").contains(page + ".pdf");
        assertThat(admin.get("/company/entities/" + customer.legalEntityId()).body())
                .contains("Ваш договор поставки готов:").contains("href=\"" + page + "\"");
        String sha256 = agreements.status(customer.legalEntityId()).pdfSha256();
        HttpResponse<String> agreement = admin.get(page);
        assertThat(agreement.statusCode()).isEqualTo(200);
        assertThat(agreement.body()).contains(sha256).contains("data-testid=\"accept-form\"")
                .contains("ждёт акцепта");
        HttpResponse<String> pdf = admin.get(page + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.headers().firstValue("ETag")).contains("\"" + sha256 + "\"");
        assertThat(pdf.body()).startsWith("%PDF-");

        String token = WebSession.csrfToken(agreement.body());
        HttpResponse<String> withoutConsent = admin.post(page + "/accept", "pdfSha256=" + sha256 + "&_csrf=" + token,
                null);
        assertThat(withoutConsent.statusCode()).isEqualTo(200);
        assertThat(withoutConsent.body()).contains("Отметьте, что вы прочитали договор.");
        assertThat(agreements.history(customer.legalEntityId())).isEmpty();

        HttpResponse<String> accepted = admin.post(page + "/accept",
                "pdfSha256=" + sha256 + "&consent=true&_csrf=" + token, null);

        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).endsWith(page);
        assertThat(admin.get(page).body()).contains("принята").contains("data-testid=\"agreement-history\"")
                .doesNotContain("data-testid=\"accept-form\"");
        Acceptance acceptance = acceptances.ofEntity(customer.legalEntityId()).getFirst();
        assertThat(acceptance.userId()).isEqualTo(customer.admin().id());
        assertThat(acceptance.ip()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(acceptance.userAgent()).startsWith("Java-http-client");
        assertThat(acceptance.pdfSha256()).isEqualTo(sha256);
        assertThat(admin.get("/").body()).doesNotContain("data-testid=\"agreement-banner\"");
    }

    @Test
    void aBuyerSeesTheContractButOnlyTheAdministratorAccepts() {
        Customer customer = fixture.approvedCustomer();
        WebSession buyer = new WebSession(port).login(customer.buyer().email(), AgreementFixture.PASSWORD);
        String page = "/company/entities/" + customer.legalEntityId() + "/agreement";
        String sha256 = agreements.status(customer.legalEntityId()).pdfSha256();

        HttpResponse<String> agreement = buyer.get(page);
        assertThat(agreement.statusCode()).isEqualTo(200);
        assertThat(agreement.body()).contains("Договор от имени компании принимает её администратор.")
                .doesNotContain("data-testid=\"accept-form\"");
        assertThat(buyer.get("/").body()).contains("ждёт акцепта администратором вашей компании");
        assertThat(buyer.get(page + ".pdf").body()).startsWith("%PDF-");

        String token = WebSession.csrfToken(agreement.body());
        assertThat(buyer.post(page + "/accept", "pdfSha256=" + sha256 + "&consent=true&_csrf=" + token, null)
                .statusCode()).isEqualTo(403);
        assertThat(agreements.history(customer.legalEntityId())).isEmpty();
    }

    @Test
    void anotherCompanySeesNothingOfTheContract() {
        Customer customer = fixture.approvedCustomer();
        Customer other = fixture.approvedCustomer();
        WebSession stranger = new WebSession(port).login(other.admin().email(), AgreementFixture.PASSWORD);
        String page = "/company/entities/" + customer.legalEntityId() + "/agreement";
        String sha256 = agreements.status(customer.legalEntityId()).pdfSha256();
        String token = WebSession.csrfToken(stranger.get("/account/api-keys").body());

        assertThat(stranger.get(page).statusCode()).isEqualTo(404);
        assertThat(stranger.get(page + ".pdf").statusCode()).isEqualTo(404);
        assertThat(stranger.post(page + "/accept", "pdfSha256=" + sha256 + "&consent=true&_csrf=" + token, null)
                .statusCode()).isEqualTo(404);
        assertThat(agreements.history(customer.legalEntityId())).isEmpty();
    }

    @Test
    void theApiGivesTheStatusAndThePdfAndAcceptsTheNamedFile() {
        Customer customer = fixture.approvedCustomer();
        String admin = bearer(customer.admin().id());
        String sha256 = agreements.status(customer.legalEntityId()).pdfSha256();

        HttpResponse<String> status = http.get("/api/v1/agreement", admin);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"state\":\"AWAITING_ACCEPTANCE\"")
                .contains("\"pdfSha256\":\"" + sha256 + "\"").contains("\"acceptance\":null");
        HttpResponse<String> pdf = http.get("/api/v1/agreement/pdf", admin);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");

        HttpResponse<String> stale = http.postJson("/api/v1/agreement/accept", admin,
                "{\"pdfSha256\":\"" + "0".repeat(64) + "\"}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("agreement-changed");
        assertThat(http.postJson("/api/v1/agreement/accept", admin, "{\"pdfSha256\":\"nope\"}").statusCode())
                .isEqualTo(422);
        assertThat(http.postJson("/api/v1/agreement/accept", bearer(customer.buyer().id()),
                "{\"pdfSha256\":\"" + sha256 + "\"}").statusCode()).isEqualTo(403);

        HttpResponse<String> accepted = http.postJson("/api/v1/agreement/accept", admin,
                "{\"pdfSha256\":\"" + sha256 + "\"}");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        Acceptance acceptance = acceptances.ofEntity(customer.legalEntityId()).getFirst();
        assertThat(accepted.body()).contains("\"entryHash\":\"" + acceptance.entryHash() + "\"")
                .contains("\"pdfSha256\":\"" + sha256 + "\"");
        assertThat(http.get("/api/v1/agreement", admin).body()).contains("\"state\":\"ACCEPTED\"")
                .contains("\"seq\":" + acceptance.seq());
        assertThat(http.postJson("/api/v1/agreement/accept", admin, "{\"pdfSha256\":\"" + sha256 + "\"}").body())
                .as("accepting again answers with the first acceptance")
                .contains("\"seq\":" + acceptance.seq());
    }

    @Test
    void staffSeeWhoAcceptedAndOnlyAdministratorsManageVersions() {
        long alphaStroy = jdbc.sql("select id from customers.legal_entity where inn = '7704123450'")
                .query(Long.class).single();
        WebSession manager = new WebSession(port).login("manager@demo.local", "demo");
        WebSession catalog = new WebSession(port).login("catalog@demo.local", "demo");

        HttpResponse<String> history = manager.get("/admin/customers/legal-entities/" + alphaStroy + "/agreement");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("admin@alpha.demo").contains("127.0.0.1")
                .contains("data-testid=\"agreement-documents\"");
        assertThat(manager.get("/admin/customers/legal-entities/" + alphaStroy + "/agreement.pdf?version=1").body())
                .startsWith("%PDF-");
        assertThat(catalog.get("/admin/customers/legal-entities/" + alphaStroy + "/agreement").statusCode())
                .isEqualTo(404);
        assertThat(manager.get("/admin/agreements").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/admin/agreements", Http.basic("manager@demo.local", "demo")).statusCode())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/admin/customers/legal-entities/" + alphaStroy + "/agreement",
                Http.basic("manager@demo.local", "demo")).body()).contains("\"userEmail\":\"admin@alpha.demo\"");
    }

    @Test
    void anAdministratorVerifiesTheLogAndPublishesAVersion() {
        WebSession admin = new WebSession(port).login("admin@demo.local", "demo");
        String basic = Http.basic("admin@demo.local", "demo");

        HttpResponse<String> versions = admin.get("/admin/agreements");
        assertThat(versions.statusCode()).isEqualTo(200);
        assertThat(versions.body()).contains("Журнал акцептов цел").contains("data-testid=\"agreement-versions\"");
        assertThat(http.get("/api/v1/admin/agreements/verification", basic).body()).contains("\"intact\":true");

        int before = templates.currentVersion().orElseThrow();
        String token = WebSession.csrfToken(versions.body());
        HttpResponse<String> invalid = admin.post("/admin/agreements", "title=" + encode("Договор поставки")
                + "&body=" + encode("<p>{{buyer.password}}</p><script>x</script>") + "&_csrf=" + token, null);
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("Неизвестные подстановки: buyer.password")
                .contains("&lt;script&gt; нельзя использовать");
        HttpResponse<String> invalidApi = http.postJson("/api/v1/admin/agreements", basic,
                "{\"title\":\"Договор\",\"body\":\"<p>без закрывающего тега\"}");
        assertThat(invalidApi.statusCode()).isEqualTo(422);
        assertThat(invalidApi.body()).contains("\"field\":\"body\"");
        assertThat(templates.currentVersion()).contains(before);

        String body = templates.current().orElseThrow().body() + "<p>Дополнение: {{buyer.name}}.</p>";
        HttpResponse<String> published = admin.post("/admin/agreements", "title=" + encode("Договор поставки")
                + "&body=" + encode(body) + "&_csrf=" + token, null);

        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(templates.currentVersion()).contains(before + 1);
        assertThat(admin.get("/admin/agreements").body()).contains("Редакция " + (before + 1) + " опубликована.");
        HttpResponse<String> viaApi = http.postJson("/api/v1/admin/agreements", basic,
                "{\"title\":\"Договор поставки\",\"body\":\"<p>{{seller.name}} и {{buyer.name}}.</p>\"}");
        assertThat(viaApi.statusCode()).as(viaApi.body()).isEqualTo(201);
        assertThat(viaApi.headers().firstValue("Location")).contains("/api/v1/admin/agreements/" + (before + 2));
        assertThat(http.get("/api/v1/admin/agreements/" + (before + 2), basic).body())
                .contains("{{seller.name}} и {{buyer.name}}");
    }

    private String bearer(long userId) {
        return "Bearer " + apiKeys.issue(userId, "agreement test").token();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
