package io.b2bportal.documents;

import io.b2bportal.documents.pdf.DocumentPdfs;
import io.b2bportal.documents.query.DocumentQueries;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.documents.DocumentsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credit notes and reconciliation acts through the API, the documents list's filters, and everything a caller may
 * get wrong or try: bad periods and filters (400 Problem), unknown ids (404), another company's documents (404 on
 * pages and API alike), credit notes by anyone but seller accountants and administrators (403).
 */
@PortalTest
class DocumentsApiTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentQueries queries;
    @Autowired
    DocumentPdfs pdfs;
    @Autowired
    LedgerApi ledger;
    DocumentsFixture fixture;
    DocumentsFixture.Client buyer;
    DocumentsFixture.Client accountant;
    long stroy;

    @BeforeEach
    void setUp() {
        fixture = new DocumentsFixture(jdbc, new Http(port));
        stroy = fixture.entity(DocumentsFixture.ALPHA_STROY);
        fixture.acceptAgreement(stroy);
        buyer = fixture.client("buyer@alpha.demo", stroy);
        accountant = fixture.client("accountant@demo.local", null);
    }

    @AfterEach
    void theBooksBalance() {
        assertThat(ledger.trialBalance()).isEqualByComparingTo("0");
        assertThat(ledger.unbalancedEntries()).isEmpty();
    }

    @Test
    void aCreditNoteSettlesTheInvoiceUpToWhatIsLeftAndTheRestBecomesAnAdvance() {
        JsonNode invoice = invoiceOf(buyer.place(fixture.product("12200", 10), 1));
        long id = invoice.get("id").asLong();
        BigDecimal gross = invoice.get("totalGross").decimalValue();
        BigDecimal advanceBefore = ledger.unallocated(stroy);

        JsonNode note = json(accountant.post("/api/v1/admin/documents/credit-notes", """
                {"legalEntityId": %d, "invoiceNumber": "%s", "amount": 1220.00, "vatRate": "22",
                 "reason": "Брак: 1 шт."}""".formatted(stroy, invoice.get("number").asString())), 201);

        assertThat(note.get("kind").asString()).isEqualTo("CREDIT_NOTE");
        assertThat(note.get("number").asString()).startsWith("КН-");
        assertThat(note.get("invoiceId").asLong()).isEqualTo(id);
        assertThat(note.get("totalVat").decimalValue()).isEqualByComparingTo("220.00");
        assertThat(note.get("totalNet").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(note.get("reason").asString()).isEqualTo("Брак: 1 шт.");
        assertThat(ledger.outstanding(List.of(id)).get(id)).isEqualByComparingTo(gross.subtract(new BigDecimal("1220")));
        assertThat(json(buyer.get("/api/v1/invoices/" + id), 200).get("status").asString()).isEqualTo("PARTLY_PAID");
        assertThat(postings(note.get("id").asLong())).containsExactlyInAnyOrder(
                "SALES_RETURNS:null:1000.00", "VAT:null:220.00", "RECEIVABLE:" + id + ":-1220.00");

        // what is left of the invoice is less than the second note: the rest becomes the advance
        BigDecimal left = gross.subtract(new BigDecimal("1220"));
        problem(accountant.post("/api/v1/admin/documents/credit-notes", """
                {"legalEntityId": %d, "invoiceId": %d, "amount": %s, "reason": "too much"}"""
                .formatted(stroy, id, left.add(new BigDecimal("0.01")).toPlainString())), 422, "credit-note-too-much");
        JsonNode rest = json(accountant.post("/api/v1/admin/documents/credit-notes", """
                {"legalEntityId": %d, "invoiceId": %d, "amount": %s, "reason": "all of it"}"""
                .formatted(stroy, id, left.toPlainString())), 201);
        assertThat(ledger.outstanding(List.of(id)).get(id)).isEqualByComparingTo("0");
        assertThat(json(buyer.get("/api/v1/invoices/" + id), 200).get("status").asString()).isEqualTo("PAID");
        assertThat(ledger.unallocated(stroy)).isEqualByComparingTo(advanceBefore);
        assertThat(rest.get("totalGross").decimalValue()).isEqualByComparingTo(left);

        String text = DocumentsFixture.text(pdfs.pdf(note.get("id").asLong(), false).orElseThrow().content());
        assertThat(text).contains("Кредит-нота № " + note.get("number").asString(), "Брак: 1 шт.",
                "Одна тысяча двести двадцать рублей 00 копеек", invoice.get("number").asString());
    }

    @Test
    void aCreditNoteWithoutAnInvoiceIsAnAdvanceAndBadOnesAreRefused() {
        BigDecimal advanceBefore = ledger.unallocated(stroy);
        JsonNode note = json(accountant.post("/api/v1/admin/documents/credit-notes", """
                {"legalEntityId": %d, "amount": 100.00, "vatRate": "EXEMPT", "reason": "Бонус"}"""
                .formatted(stroy)), 201);
        assertThat(note.get("totalVat").decimalValue()).isEqualByComparingTo("0");
        assertThat(ledger.unallocated(stroy)).isEqualByComparingTo(advanceBefore.subtract(new BigDecimal("100")));

        String path = "/api/v1/admin/documents/credit-notes";
        problem(accountant.post(path, "{\"legalEntityId\": %d, \"amount\": 0, \"reason\": \"x\"}".formatted(stroy)),
                422, "credit-note-amount");
        problem(accountant.post(path, "{\"legalEntityId\": %d, \"amount\": -5, \"reason\": \"x\"}".formatted(stroy)),
                422, "credit-note-amount");
        problem(accountant.post(path, "{\"legalEntityId\": %d, \"amount\": 5}".formatted(stroy)), 422,
                "credit-note-reason");
        problem(accountant.post(path, "{\"legalEntityId\": %d, \"amount\": 5, \"reason\": \" \"}".formatted(stroy)),
                422, "credit-note-reason");
        problem(accountant.post(path, "{\"legalEntityId\": %d, \"amount\": 5, \"vatRate\": \"18\", \"reason\": \"x\"}"
                .formatted(stroy)), 422, "credit-note-vat");
        problem(accountant.post(path, "{\"legalEntityId\": %d, \"amount\": 5, \"invoiceNumber\": \"СЧ-1999-00001\", \"reason\": \"x\"}"
                .formatted(stroy)), 422, "credit-note-invoice");
        problem(accountant.post(path, "{\"legalEntityId\": 999999, \"amount\": 5, \"reason\": \"x\"}"), 404, null);
        String body = "{\"legalEntityId\": %d, \"amount\": 5, \"reason\": \"x\"}".formatted(stroy);
        assertThat(fixture.client("manager@demo.local", null).post(path, body).statusCode()).isEqualTo(403);
        assertThat(fixture.client("ops@demo.local", null).post(path, body).statusCode()).isEqualTo(403);
        assertThat(buyer.post(path, body).statusCode()).isEqualTo(403);
    }

    @Test
    void theBuyerGetsAReconciliationActForAnyPeriodFromTheLedger() {
        JsonNode invoice = invoiceOf(buyer.place(fixture.product("15000", 10), 1));
        LocalDate today = BusinessDate.today();
        LocalDate from = today.minusMonths(6);

        JsonNode act = json(buyer.post("/api/v1/documents/reconciliation",
                "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(from, today)), 201);

        assertThat(act.get("kind").asString()).isEqualTo("RECONCILIATION");
        assertThat(act.get("number").asString()).startsWith("АС-");
        assertThat(act.get("periodFrom").asString()).isEqualTo(from.toString());
        LedgerApi.Statement statement = ledger.statement(stroy, from, today);
        var stored = queries.find(act.get("id").asLong()).orElseThrow();
        assertThat(new BigDecimal(stored.details().get("closing").toString())).isEqualByComparingTo(statement.closing());
        assertThat(new BigDecimal(stored.details().get("opening").toString())).isEqualByComparingTo(statement.opening());
        assertThat((List<?>) stored.details().get("lines")).hasSize(statement.lines().size());
        byte[] pdf = pdfs.pdf(stored.id(), false).orElseThrow().content();
        DocumentsFixture.snapshot(pdf, "documents-act-pdf");
        String text = DocumentsFixture.text(pdf).replace('\u00a0', ' ');
        assertThat(text).contains("Акт сверки взаимных расчётов № " + act.get("number").asString(),
                "Сальдо начальное", "Обороты за период", "Сальдо конечное", "Счёт " + invoice.get("number").asString());
        assertThat(text).containsAnyOf("задолженность в пользу ООО «ТехноСнаб»", "задолженность в пользу ООО «Альфа Строй»",
                "задолженность отсутствует");

        String path = "/api/v1/documents/reconciliation";
        problem(buyer.post(path, "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(today, from)), 400, "bad-period");
        problem(buyer.post(path, "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(today.minusYears(3).minusDays(1), today)),
                400, "bad-period");
        problem(buyer.post(path, "{\"from\": \"%s\"}".formatted(from)), 400, "bad-period");
        assertThat(buyer.post(path, "{\"from\": \"yesterday\", \"to\": \"today\"}").statusCode()).isEqualTo(400);
        json(fixture.client("manager@demo.local", null).post("/api/v1/admin/documents/reconciliation",
                "{\"legalEntityId\": %d, \"from\": \"%s\", \"to\": \"%s\"}".formatted(stroy, from, today)), 201);
        assertThat(fixture.client("manager2@demo.local", null).post("/api/v1/admin/documents/reconciliation",
                "{\"legalEntityId\": %d, \"from\": \"%s\", \"to\": \"%s\"}".formatted(stroy, from, today))
                .statusCode()).as("not Alpha's manager").isEqualTo(404);
    }

    @Test
    void theListFiltersByTypeStatusPeriodAndOrderAndRefusesUnknownFilters() {
        JsonNode order = buyer.place(fixture.product("12000", 10), 1);
        String number = order.get("number").asString();

        JsonNode byOrder = json(buyer.get("/api/v1/documents?order=" + number), 200);
        assertThat(byOrder.size()).isEqualTo(1);
        assertThat(byOrder.get(0).get("kind").asString()).isEqualTo("INVOICE");
        assertThat(byOrder.get(0).get("status").asString()).isEqualTo("ISSUED");
        assertThat(json(buyer.get("/api/v1/documents?type=transfer&order=" + number), 200).size()).isZero();
        assertThat(json(buyer.get("/api/v1/documents?status=PAID&order=" + number), 200).size()).isZero();
        assertThat(json(buyer.get("/api/v1/documents?status=issued&order=" + number), 200).size()).isEqualTo(1);
        LocalDate today = BusinessDate.today();
        assertThat(json(buyer.get("/api/v1/invoices?from=" + today + "&to=" + today + "&order=" + number), 200)
                .size()).isEqualTo(1);
        assertThat(json(buyer.get("/api/v1/invoices?to=" + today.minusDays(1) + "&order=" + number), 200).size())
                .isZero();
        JsonNode all = json(buyer.get("/api/v1/documents"), 200);
        assertThat(all.valueStream().map(d -> d.get("legalEntityId").asLong()).distinct().toList())
                .containsExactly(stroy);

        problem(buyer.get("/api/v1/documents?type=RECEIPT"), 400, "bad-filter");
        problem(buyer.get("/api/v1/documents?status=LOST"), 400, "bad-filter");
        problem(buyer.get("/api/v1/documents?from=" + today + "&to=" + today.minusDays(1)), 400, "bad-period");
        problem(buyer.get("/api/v1/documents?from=" + today.minusYears(4) + "&to=" + today), 400, "bad-period");
        assertThat(buyer.get("/api/v1/documents?from=27.11.2026").statusCode()).isEqualTo(400);
        problem(buyer.get("/api/v1/documents/987654321"), 404, null);
        assertThat(buyer.bytes("/api/v1/documents/987654321/pdf").statusCode()).isEqualTo(404);

        WebSession page = new WebSession(port).login("buyer@alpha.demo", "demo");
        HttpResponse<String> bad = page.get("/documents?type=RECEIPT");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("RECEIPT", "data-testid=\"filter-error\"");
        HttpResponse<String> list = page.get("/documents?order=" + number);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(byOrder.get(0).get("number").asString());
        HttpResponse<String> everything = page.get("/documents");
        assertThat(everything.body()).as("rendered to the end").contains("</html>");
        assertThat(everything.body()).as("the demo's reconciliation act is in the list").contains("АС-");
        HttpResponse<String> staff = new WebSession(port).login("admin@demo.local", "demo").get("/admin/documents");
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(staff.body()).as("rendered to the end").contains("</html>").contains("УПД-");
    }

    @Test
    void anotherCompanysDocumentsDoNotExistForTheCaller() {
        JsonNode invoice = invoiceOf(buyer.place(fixture.product("13000", 10), 1));
        long id = invoice.get("id").asLong();
        DocumentsFixture.Client beta = fixture.client("buyer@beta.demo", null);

        for (String path : List.of("/api/v1/documents/" + id, "/api/v1/invoices/" + id, "/api/v1/documents/" + id + "/pdf")) {
            HttpResponse<String> response = beta.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).doesNotContain(invoice.get("number").asString(), "7704123450");
        }
        assertThat(json(beta.get("/api/v1/documents"), 200).valueStream()
                .noneMatch(d -> d.get("id").asLong() == id)).isTrue();
        WebSession betaPage = new WebSession(port).login("buyer@beta.demo", "demo");
        assertThat(betaPage.get("/documents/" + id).statusCode()).isEqualTo(404);
        assertThat(betaPage.get("/documents/" + id + "/pdf").statusCode()).isEqualTo(404);
        assertThat(betaPage.get("/documents").body()).doesNotContain(invoice.get("number").asString());

        DocumentsFixture.Client otherManager = fixture.client("manager2@demo.local", null);
        assertThat(otherManager.get("/api/v1/admin/documents/" + id).statusCode()).isEqualTo(404);
        assertThat(otherManager.get("/api/v1/admin/documents/" + id + "/pdf").statusCode()).isEqualTo(404);
        long alpha = jdbc.sql("select company_id from customers.legal_entity where id = :id").param("id", stroy)
                .query(Long.class).single();
        assertThat(otherManager.get("/api/v1/admin/documents?companyId=" + alpha).statusCode()).isEqualTo(404);
        assertThat(json(otherManager.get("/api/v1/admin/documents"), 200).valueStream()
                .noneMatch(d -> d.get("id").asLong() == id)).isTrue();
        assertThat(new WebSession(port).login("manager2@demo.local", "demo").get("/admin/documents/" + id)
                .statusCode()).isEqualTo(404);

        DocumentsFixture.Client manager = fixture.client("manager@demo.local", null);
        assertThat(json(manager.get("/api/v1/admin/documents?companyId=" + alpha + "&type=INVOICE"), 200)
                .valueStream().anyMatch(d -> d.get("id").asLong() == id)).isTrue();
        assertThat(json(manager.get("/api/v1/admin/documents/" + id), 200).get("number").asString())
                .isEqualTo(invoice.get("number").asString());
        assertThat(fixture.client("admin@demo.local", null).get("/api/v1/documents/" + id).statusCode())
                .as("staff have no buyer-side documents").isEqualTo(404);
    }

    private JsonNode invoiceOf(JsonNode order) {
        return json(buyer.get("/api/v1/invoices?order=" + order.get("number").asString()), 200).get(0);
    }

    private List<String> postings(long documentId) {
        return jdbc.sql("""
                        select p.account || ':' || coalesce(p.item_id::text, 'null') || ':' || p.amount
                          from ledger.posting p join ledger.journal j on j.id = p.journal_id
                         where j.document_id = :id""")
                .param("id", documentId).query(String.class).list();
    }

    private static void problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        if (code != null) {
            assertThat(DocumentsFixture.JSON.readTree(response.body()).get("type").asString()).endsWith("/" + code);
        }
    }
}
