package io.b2bportal.customers.document;

import io.b2bportal.support.Http;
import io.b2bportal.support.Multipart;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.customers.document.FoundingDocumentUploadTests.id;
import static io.b2bportal.customers.document.FoundingDocumentUploadTests.pdf;
import static io.b2bportal.customers.document.FoundingDocumentUploadTests.redirectPath;
import static io.b2bportal.customers.document.FoundingDocumentUploadTests.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seller reviews founding documents: administrators, sales heads and the customer's account manager accept or
 * reject them (with a comment the buyer reads); other staff who see the customer only look; the rest find nothing.
 */
@PortalTest
class FoundingDocumentReviewTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    long alphaStroy;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        alphaStroy = jdbc.sql("select id from customers.legal_entity where inn = '7704123450'").query(Long.class)
                .single();
    }

    @Test
    void theAccountManagerAcceptsAndTheBuyerSeesItAccepted() {
        long document = uploaded();

        HttpResponse<String> accepted = post("/api/v1/admin/customers/founding-documents/" + document + "/accept",
                "manager@demo.local", null);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains("\"reviewStatus\":\"ACCEPTED\"")
                .contains("\"reviewedByName\":\"Иван Менеджеров\"");
        assertThat(http.get("/api/v1/documents/founding/" + document, Http.basic("buyer@alpha.demo", "demo")).body())
                .contains("\"reviewStatus\":\"ACCEPTED\"");
        assertThat(post("/api/v1/admin/customers/founding-documents/" + document + "/accept", "admin@demo.local",
                null).statusCode()).as("accepting twice is harmless").isEqualTo(200);
    }

    @Test
    void aRejectionCarriesTheCommentTheBuyerReadsOnThePage() {
        long document = uploaded();

        HttpResponse<String> rejected = post("/api/v1/admin/customers/founding-documents/" + document + "/reject",
                "admin@demo.local", "{\"comment\":\"Нет последней страницы устава\"}");

        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.body()).contains("\"reviewStatus\":\"REJECTED\"")
                .contains("\"reviewComment\":\"Нет последней страницы устава\"");
        String page = new WebSession(port).login("buyer@alpha.demo", "demo")
                .get("/company/entities/" + alphaStroy + "/documents", "en").body();
        assertThat(page).contains("rejected").contains("Нет последней страницы устава");
        assertThat(post("/api/v1/admin/customers/founding-documents/" + document + "/accept", "admin@demo.local",
                null).statusCode()).as("a rejected document stays rejected: the buyer uploads a new one")
                .isEqualTo(409);
    }

    @Test
    void aRejectionWithoutACommentIsRefusedAndTheDocumentStaysPending() {
        long document = uploaded();

        HttpResponse<String> api = post("/api/v1/admin/customers/founding-documents/" + document + "/reject",
                "manager@demo.local", "{\"comment\":\"   \"}");
        WebSession manager = new WebSession(port).login("manager@demo.local", "demo");
        String token = WebSession.csrfToken(manager.get("/admin/customers/legal-entities/" + alphaStroy
                + "/documents").body());
        HttpResponse<String> page = manager.post("/admin/customers/founding-documents/" + document + "/reject",
                "comment=+&_csrf=" + token, null);

        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(api.body()).contains("\"field\":\"comment\"");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(manager.get(redirectPath(page), "en").body())
                .contains("Say why the document is rejected: the buyer sees the comment.");
        assertThat(status(document)).isEqualTo("PENDING");
    }

    @Test
    void staffWhoSeeTheCustomerButDoNotManageItMayOnlyLook() {
        long document = uploaded();
        WebSession ops = new WebSession(port).login("ops@demo.local", "demo");

        String page = ops.get("/admin/customers/legal-entities/" + alphaStroy + "/documents", "en").body();
        HttpResponse<String> accept = post("/api/v1/admin/customers/founding-documents/" + document + "/accept",
                "ops@demo.local", null);
        HttpResponse<String> list = http.get("/api/v1/admin/customers/legal-entities/" + alphaStroy + "/documents",
                Http.basic("ops@demo.local", "demo"));

        assertThat(page).contains("Founding documents of ООО «Альфа Строй»")
                .contains("accepting and rejecting them is for administrators")
                .doesNotContain("/founding-documents/" + document + "/accept");
        assertThat(accept.statusCode()).isEqualTo(403);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"id\":" + document);
        assertThat(status(document)).isEqualTo("PENDING");
    }

    @Test
    void anotherManagersStaffFindNothingAndBuyersCannotReview() {
        long document = uploaded();

        assertThat(post("/api/v1/admin/customers/founding-documents/" + document + "/accept", "manager2@demo.local",
                null).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/admin/customers/legal-entities/" + alphaStroy + "/documents",
                Http.basic("manager2@demo.local", "demo")).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/admin/customers/founding-documents/" + document + "/file",
                Http.basic("catalog@demo.local", "demo")).statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/admin/customers/founding-documents/" + document + "/accept", "admin@alpha.demo",
                null).statusCode()).isEqualTo(403);
        assertThat(status(document)).isEqualTo("PENDING");
    }

    @Test
    void theAccountManagerAcceptsOnTheCustomerCardsDocumentsPage() {
        long document = uploaded();
        WebSession manager = new WebSession(port).login("manager@demo.local", "demo");
        long alpha = jdbc.sql("select company_id from customers.legal_entity where id = :id").param("id", alphaStroy)
                .query(Long.class).single();

        String card = manager.get("/admin/customers/" + alpha, "en").body();
        String page = manager.get("/admin/customers/legal-entities/" + alphaStroy + "/documents", "en").body();
        HttpResponse<String> accepted = manager.post("/admin/customers/founding-documents/" + document + "/accept",
                "_csrf=" + WebSession.csrfToken(page), null);

        assertThat(card).contains("/admin/customers/legal-entities/" + alphaStroy + "/documents");
        assertThat(page).contains("/founding-documents/" + document + "/accept");
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(manager.get(redirectPath(accepted), "en").body())
                .contains("accepted.");
        assertThat(status(document)).isEqualTo("ACCEPTED");
    }

    @Test
    void theDatabaseNeverLetsADocumentPointAtOtherBytes() {
        long document = uploaded();
        String other = jdbc.sql("select blob_sha256 from customers.founding_document where id <> :id limit 1")
                .param("id", document).query(String.class).single();

        assertThatThrownBy(() -> jdbc.sql("update customers.founding_document set blob_sha256 = :s where id = :id")
                .param("s", other).param("id", document).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("keeps its file");
        assertThatThrownBy(() -> jdbc.sql("update customers.founding_document set file_name = 'x.pdf' where id = :id")
                .param("id", document).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("keeps its file");
        assertThatThrownBy(() -> jdbc.sql("""
                        update customers.founding_document set review_status = 'REJECTED', reviewed_by = uploaded_by,
                               reviewed_at = now() where id = :id""")
                .param("id", document).update())
                .as("a rejection without a comment").isInstanceOf(DataAccessException.class);
    }

    private long uploaded() {
        Multipart body = upload("Устав " + UUID.randomUUID(), "charter.pdf", pdf("review"));
        HttpResponse<String> created = http.send(http.request("/api/v1/documents/founding?legalEntityId=" + alphaStroy)
                .POST(body.publisher()).header("Content-Type", body.contentType())
                .header("Authorization", Http.basic("admin@alpha.demo", "demo")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id(created.body());
    }

    private HttpResponse<String> post(String path, String email, String json) {
        return http.postJson(path, Http.basic(email, "demo"), json == null ? "" : json);
    }

    private String status(long document) {
        return jdbc.sql("select review_status from customers.founding_document where id = :id").param("id", document)
                .query(String.class).single();
    }
}
