package io.b2bportal.customers.document;

import io.b2bportal.support.Http;
import io.b2bportal.support.Multipart;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buyers upload founding documents on the page and over the API: PDF, JPEG and PNG by their bytes, up to 20 MB,
 * nothing stored when a file is refused, and nobody outside the company learns the entity exists.
 */
@PortalTest
class FoundingDocumentUploadTests {

    static final int MAX = 20 * 1024 * 1024;
    private static final String ALPHA_ADMIN = Http.basic("admin@alpha.demo", "demo");

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
    void aCompanyAdministratorUploadsAPdfOnThePageAndSeesItWaitingForReview() {
        WebSession admin = new WebSession(port).login("admin@alpha.demo", "demo");
        String title = "Устав " + UUID.randomUUID();
        byte[] pdf = pdf("page upload");

        HttpResponse<String> response = admin.post(uploadPath(admin), upload(title, "Устав 2026.pdf", pdf));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/company/entities/" + alphaStroy + "/documents"));
        String page = admin.get("/company/entities/" + alphaStroy + "/documents", "en").body();
        assertThat(page).contains("Document \u201c" + title + "\u201d uploaded").contains(title)
                .contains("Устав 2026.pdf").contains("waiting for review").contains("Алексей Альфин");
        assertThat(jdbc.sql("""
                        select blob_sha256 from customers.founding_document
                         where legal_entity_id = :e and title = :t and doc_type = 'CHARTER' and review_status = 'PENDING'
                           and content_type = 'application/pdf' and size = :size""")
                .param("e", alphaStroy).param("t", title).param("size", pdf.length).query(String.class).single())
                .isEqualTo(sha256(pdf));
    }

    @Test
    void anAccountantUploadsOverTheApiAndGetsTheDocumentBack() {
        String title = "Доверенность " + UUID.randomUUID();
        byte[] png = png();

        HttpResponse<String> created = postApi("/api/v1/documents/founding?legalEntityId=" + alphaStroy,
                Http.basic("accountant@alpha.demo", "demo"), new Multipart().field("type", "POWER_OF_ATTORNEY")
                        .field("title", title).file("file", "scan.pdf", "application/pdf", png));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"title\":\"" + title + "\"").contains("\"docType\":\"POWER_OF_ATTORNEY\"")
                .contains("\"contentType\":\"image/png\"").contains("\"reviewStatus\":\"PENDING\"")
                .contains("\"blobSha256\":\"" + sha256(png) + "\"").contains("\"fileName\":\"scan.pdf\"");
        String location = redirectPath(created);
        assertThat(http.get(location, ALPHA_ADMIN).body()).contains(title);
        assertThat(http.get("/api/v1/documents/founding?legalEntityId=" + alphaStroy, ALPHA_ADMIN).body())
                .contains(title);
    }

    @Test
    void withoutALegalEntityIdTheApiUsesTheActingOne() {
        String title = "Acting " + UUID.randomUUID();
        HttpResponse<String> created = postApi("/api/v1/documents/founding", ALPHA_ADMIN, new Multipart()
                .field("type", "OTHER").field("title", title).file("file", "a.pdf", "application/pdf", pdf("acting")));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long entity = jdbc.sql("select legal_entity_id from customers.founding_document where title = :t")
                .param("t", title).query(Long.class).single();
        HttpResponse<String> list = http.send(http.request("/api/v1/documents/founding").GET()
                .header("Authorization", ALPHA_ADMIN).header("X-Legal-Entity", String.valueOf(entity)));
        assertThat(list.body()).contains(title);
    }

    @Test
    void anExecutableRenamedToPdfIsRefusedWithTheMessageAndNothingIsWritten() {
        byte[] executable = withPrefix("4d5a9000", 4096);
        long before = documents();

        HttpResponse<String> api = postApi("/api/v1/documents/founding?legalEntityId=" + alphaStroy, ALPHA_ADMIN,
                upload("Устав", "charter.pdf", executable));
        WebSession admin = new WebSession(port).login("admin@alpha.demo", "demo");
        HttpResponse<String> page = admin.post(uploadPath(admin) + "&lang=en", upload("Устав", "charter.pdf",
                executable));

        assertThat(api.statusCode()).isEqualTo(415);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.body()).contains("unsupported-file-type").contains("charter.pdf").contains("PDF, JPEG, PNG");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"file-error\"")
                .contains("The file \u201ccharter.pdf\u201d is not a document or picture we accept")
                .contains("value=\"Устав\"");
        assertThat(documents()).isEqualTo(before);
        assertThat(blobs(sha256(executable))).isZero();
    }

    @Test
    void aFileOneByteOverTwentyMegabytesIsRefusedAndNothingIsWritten() {
        byte[] tooLarge = pdfOfSize(MAX + 1);
        long before = documents();

        HttpResponse<String> api = postApi("/api/v1/documents/founding?legalEntityId=" + alphaStroy, ALPHA_ADMIN,
                upload("Big", "big.pdf", tooLarge));
        WebSession admin = new WebSession(port).login("admin@alpha.demo", "demo");
        HttpResponse<String> page = admin.post(uploadPath(admin) + "&lang=en", upload("Big", "big.pdf", tooLarge));

        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.body()).contains("file-too-large").contains("big.pdf").contains("20 MB");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"file-error\"")
                .contains("The file \u201cbig.pdf\u201d is too large: at most 20 MB is accepted.");
        assertThat(documents()).isEqualTo(before);
        assertThat(blobs(sha256(tooLarge))).isZero();
    }

    @Test
    void aFileOfExactlyTwentyMegabytesIsAccepted() {
        byte[] largest = pdfOfSize(MAX);

        HttpResponse<String> api = postApi("/api/v1/documents/founding?legalEntityId=" + alphaStroy, ALPHA_ADMIN,
                upload("Largest", "largest.pdf", largest));

        assertThat(api.statusCode()).as(api.body()).isEqualTo(201);
        assertThat(api.body()).contains("\"size\":" + MAX);
    }

    @Test
    void anUploadOverTheMultipartLimitIsAProblemOnTheApiAndAFormErrorOnThePage() {
        byte[] huge = pdfOfSize(22 * 1024 * 1024 + 1);
        long before = documents();

        HttpResponse<String> api = postApi("/api/v1/documents/founding?legalEntityId=" + alphaStroy, ALPHA_ADMIN,
                upload("Huge", "huge.pdf", huge));
        WebSession admin = new WebSession(port).login("admin@alpha.demo", "demo");
        HttpResponse<String> page = admin.post(uploadPath(admin) + "&lang=en", upload("Huge", "huge.pdf", huge));

        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.body()).contains("file-too-large").contains("22 MB");
        assertThat(page.statusCode()).isEqualTo(302);
        String form = admin.get(redirectPath(page), "en").body();
        assertThat(form).contains("data-testid=\"file-error\"")
                .contains("The upload is too large: files of at most 20 MB are accepted.");
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void aBuyerWhoMayOnlyLookCannotUpload() {
        HttpResponse<String> api = postApi("/api/v1/documents/founding?legalEntityId=" + alphaStroy,
                Http.basic("buyer@alpha.demo", "demo"), upload("Устав", "a.pdf", pdf("buyer")));
        WebSession buyer = new WebSession(port).login("buyer@alpha.demo", "demo");
        String documentsPage = buyer.get("/company/entities/" + alphaStroy + "/documents", "en").body();

        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("Only the company administrator or an accountant");
        assertThat(documentsPage).doesNotContain("data-testid=\"document-form\"")
                .contains("Only the company administrator or an accountant can upload documents.");
    }

    @Test
    void aMissingFileOrTitleIsAFieldError() {
        HttpResponse<String> api = postApi("/api/v1/documents/founding?legalEntityId=" + alphaStroy, ALPHA_ADMIN,
                new Multipart().field("type", "CHARTER").field("title", " "));

        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(api.body()).contains("\"field\":\"title\"");
        HttpResponse<String> noFile = postApi("/api/v1/documents/founding?legalEntityId=" + alphaStroy, ALPHA_ADMIN,
                new Multipart().field("type", "CHARTER").field("title", "Устав"));
        assertThat(noFile.statusCode()).isEqualTo(422);
        assertThat(noFile.body()).contains("\"field\":\"file\"").contains("Choose a file to upload.");
    }

    @Test
    void anotherCompanysBuyerFindsNothingToListDownloadOrUploadTo() {
        long document = uploadedByAlpha();
        String beta = Http.basic("buyer@beta.demo", "demo");
        WebSession betaSession = new WebSession(port).login("buyer@beta.demo", "demo");

        assertThat(http.get("/api/v1/documents/founding?legalEntityId=" + alphaStroy, beta).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/documents/founding/" + document, beta).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/documents/founding/" + document + "/file", beta).statusCode()).isEqualTo(404);
        assertThat(postApi("/api/v1/documents/founding?legalEntityId=" + alphaStroy, beta,
                upload("x", "x.pdf", pdf("beta"))).statusCode()).isEqualTo(404);
        assertThat(betaSession.get("/company/entities/" + alphaStroy + "/documents").statusCode()).isEqualTo(404);
        assertThat(betaSession.download("/company/documents/" + document + "/file").statusCode()).isEqualTo(404);
        String token = WebSession.csrfToken(betaSession.get("/account/api-keys").body());
        assertThat(betaSession.post("/company/entities/" + alphaStroy + "/documents?_csrf=" + token,
                upload("x", "x.pdf", pdf("beta page"))).statusCode()).isEqualTo(404);
    }

    @Test
    void theDownloadHasTheExactBytesTheTypeAndTheNameAndIsNeverSniffed() throws Exception {
        byte[] pdf = pdf("download");
        HttpResponse<String> created = postApi("/api/v1/documents/founding?legalEntityId=" + alphaStroy, ALPHA_ADMIN,
                upload("Устав", "Устав Альфа.pdf", pdf));
        long id = id(created.body());
        WebSession buyer = new WebSession(port).login("buyer@alpha.demo", "demo");

        HttpResponse<byte[]> page = buyer.download("/company/documents/" + id + "/file");
        HttpResponse<byte[]> api = HttpClient.newHttpClient().send(http.request("/api/v1/documents/founding/" + id
                + "/file").GET().header("Authorization", Http.basic("buyer@alpha.demo", "demo")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        for (HttpResponse<byte[]> download : java.util.List.of(page, api)) {
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(pdf);
            assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(download.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; "
                    + "filename=\"_____ _____.pdf\"; "
                    + "filename*=UTF-8''%D0%A3%D1%81%D1%82%D0%B0%D0%B2%20%D0%90%D0%BB%D1%8C%D1%84%D0%B0.pdf");
        }
    }

    private String uploadPath(WebSession session) {
        String token = WebSession.csrfToken(session.get("/company/entities/" + alphaStroy + "/documents").body());
        return "/company/entities/" + alphaStroy + "/documents?_csrf=" + token;
    }

    private long uploadedByAlpha() {
        return id(postApi("/api/v1/documents/founding?legalEntityId=" + alphaStroy, ALPHA_ADMIN,
                upload("Устав", "a.pdf", pdf("alpha"))).body());
    }

    static Multipart upload(String title, String fileName, byte[] content) {
        return new Multipart().field("type", "CHARTER").field("title", title)
                .file("file", fileName, "application/pdf", content);
    }

    HttpResponse<String> postApi(String path, String authorization, Multipart body) {
        return http.send(http.request(path).POST(body.publisher()).header("Content-Type", body.contentType())
                .header("Authorization", authorization).header("Accept-Language", "en"));
    }

    static long id(String json) {
        var matcher = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private long documents() {
        return jdbc.sql("select count(*) from customers.founding_document").query(Long.class).single();
    }

    private long blobs(String sha256) {
        return jdbc.sql("select count(*) from platform.blob where sha256 = :s").param("s", sha256)
                .query(Long.class).single();
    }

    static String sha256(byte[] content) {
        return io.b2bportal.shared.Hashes.sha256Hex(content);
    }

    /** A PDF-looking file, unique per call so tests do not share blobs. */
    static byte[] pdf(String text) {
        return ("%PDF-1.7\n% " + text + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] pdfOfSize(int size) {
        byte[] content = Arrays.copyOf(pdf("large"), size);
        Arrays.fill(content, 64, size, (byte) ' ');
        return content;
    }

    static byte[] png() {
        return withPrefix("89504e470d0a1a0a0000000d49484452", 256);
    }

    static byte[] withPrefix(String hex, int size) {
        byte[] prefix = HexFormat.of().parseHex(hex);
        byte[] content = new byte[size];
        new java.util.Random().nextBytes(content);
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        return content;
    }

    static String redirectPath(HttpResponse<String> response) {
        return java.net.URI.create(response.headers().firstValue("Location").orElseThrow()).getPath();
    }
}
