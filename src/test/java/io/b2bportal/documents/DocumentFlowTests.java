package io.b2bportal.documents;

import io.b2bportal.documents.pdf.DocumentPdfs;
import io.b2bportal.documents.query.DocumentQueries;
import io.b2bportal.documents.query.DocumentView;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.documents.DocumentsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Documents following an order: a transfer document (УПД) per shipment with only what shipped, a new invoice version
 * when the buyer lowers a quantity, the invoice cancelled with the order; issued documents and the ledger refuse to
 * change; and after every scenario the books balance to zero.
 */
@PortalTest
class DocumentFlowTests {

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
    DocumentsFixture.Client ops;
    long stroy;

    @BeforeEach
    void setUp() {
        fixture = new DocumentsFixture(jdbc, new Http(port));
        stroy = fixture.entity(DocumentsFixture.ALPHA_STROY);
        fixture.acceptAgreement(stroy);
        buyer = fixture.client("buyer@alpha.demo", stroy);
        ops = fixture.client("ops@demo.local", null);
    }

    @AfterEach
    void theBooksBalance() {
        assertThat(ledger.trialBalance()).isEqualByComparingTo("0");
        assertThat(ledger.unbalancedEntries()).isEmpty();
    }

    @Test
    void eachShipmentGetsItsOwnTransferDocumentWithOnlyTheShippedLines() {
        String screws = fixture.product("3333.33", 100);
        String bolts = fixture.product("1500", 100);
        JsonNode order = buyer.place(screws, 9, bolts, 4);
        String number = order.get("number").asString();
        String path = "/api/v1/admin/orders/" + number;
        json(ops.post(path + "/confirm", "{}"), 200);
        json(ops.post(path + "/start-fulfilment", "{}"), 200);

        json(ops.post(path + "/ship", "{\"lines\": {\"1\": 4}}"), 200);

        List<DocumentView> transfers = transfers(number);
        assertThat(transfers).hasSize(1);
        DocumentView first = transfers.getFirst();
        assertThat(first.number()).startsWith("УПД-");
        assertThat(first.shipmentNo()).isEqualTo(1);
        assertThat(first.invoiceNumber()).startsWith("СЧ-");
        assertThat(first.lines()).extracting(DocumentView.Line::sku).containsExactly(screws);
        JsonNode screwLine = order.get("lines").get(0);
        BigDecimal shareGross = screwLine.get("lineGross").decimalValue().multiply(new BigDecimal(4))
                .divide(new BigDecimal(9), 2, java.math.RoundingMode.HALF_UP);
        assertThat(first.lines().getFirst().quantity()).isEqualByComparingTo("4");
        assertThat(first.totalGross()).isEqualByComparingTo(shareGross);
        assertThat(first.totalNet().add(first.totalVat())).isEqualByComparingTo(first.totalGross());

        json(ops.post(path + "/ship", "{\"lines\": {\"1\": 5, \"2\": 4}}"), 200);

        transfers = transfers(number);
        assertThat(transfers).hasSize(2);
        DocumentView second = transfers.get(1);
        assertThat(second.shipmentNo()).isEqualTo(2);
        assertThat(second.number()).isNotEqualTo(first.number());
        assertThat(second.lines()).extracting(DocumentView.Line::sku).containsExactly(screws, bolts);
        assertThat(second.lines().get(1).lineGross()).isEqualByComparingTo(order.get("lines").get(1).get("lineGross")
                .decimalValue());
        assertThat(first.totalGross().add(second.totalGross()))
                .as("both shipments together are the whole order, to the kopeck")
                .isEqualByComparingTo(order.get("totalGross").decimalValue());
        assertThat(jdbc.sql("select count(*) from ledger.journal where document_id in (:a, :b)")
                .param("a", first.id()).param("b", second.id()).query(Long.class).single())
                .as("a transfer document posts nothing").isZero();

        byte[] pdf = pdfs.pdf(second.id(), false).orElseThrow().content();
        DocumentsFixture.snapshot(pdf, "documents-transfer-pdf");
        String text = DocumentsFixture.text(pdf).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        assertThat(text).contains("Универсальный передаточный документ", "Статус: 1", second.number(),
                "Товар (груз) передал", "Товар (груз) получил", screws, bolts, "796", "без акциза",
                "счёт на оплату № " + second.invoiceNumber());
    }

    @Test
    void loweringAQuantityIssuesANewVersionAndCancellingTheOrderCancelsIt() {
        String sku = fixture.product("5000", 100);
        JsonNode order = buyer.place(sku, 5);
        String number = order.get("number").asString();
        DocumentView v1 = invoices(number).getFirst();

        JsonNode changed = json(buyer.put("/api/v1/orders/" + number + "/lines",
                "{\"lines\": [{\"lineNo\": 1, \"quantity\": 3}]}"), 200);
        assertThat(changed.get("status").asString()).isEqualTo("PLACED");

        List<DocumentView> versions = invoices(number);
        assertThat(versions).extracting(DocumentView::version).containsExactly(1, 2);
        DocumentView v2 = queries.find(versions.get(1).id()).orElseThrow();
        assertThat(v2.number()).isEqualTo(v1.number());
        assertThat(v2.replacesId()).isEqualTo(v1.id());
        assertThat(queries.find(v1.id()).orElseThrow().replacedById()).isEqualTo(v2.id());
        assertThat(queries.find(v1.id()).orElseThrow().shownStatus()).isEqualTo("SUPERSEDED");
        assertThat(v2.lines().getFirst().quantity()).isEqualByComparingTo("3");
        assertThat(v2.totalGross()).isEqualByComparingTo(changed.get("totalGross").decimalValue());
        assertThat(ledger.outstanding(List.of(v1.id(), v2.id())))
                .containsEntry(v1.id(), new BigDecimal("0.00"))
                .hasEntrySatisfying(v2.id(), left -> assertThat(left).isEqualByComparingTo(v2.totalGross()));
        assertThat(json(buyer.get("/api/v1/documents/" + v2.id()), 200).get("replacesId").asLong())
                .isEqualTo(v1.id());
        assertThat(DocumentsFixture.text(pdfs.pdf(v2.id(), false).orElseThrow().content()))
                .contains("Версия 2");

        json(buyer.post("/api/v1/orders/" + number + "/cancel", "{\"reason\": \"not needed\"}"), 200);

        DocumentView cancelled = queries.find(v2.id()).orElseThrow();
        assertThat(cancelled.shownStatus()).isEqualTo("CANCELLED");
        assertThat(json(buyer.get("/api/v1/invoices?order=" + number + "&status=CANCELLED"), 200).size()).isEqualTo(1);
        assertThat(ledger.outstanding(List.of(v2.id())).get(v2.id())).isEqualByComparingTo("0");
    }

    @Test
    void theDatabaseRefusesToChangeAnIssuedDocumentItsLinesAndTheLedger() {
        String sku = fixture.product("20000", 10);
        String number = buyer.place(sku, 1).get("number").asString();
        long id = invoices(number).getFirst().id();

        assertThatThrownBy(() -> jdbc.sql("update documents.document set total_gross = 1 where id = :id")
                .param("id", id).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("update documents.document_line set quantity = 100 where document_id = :id")
                .param("id", id).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from documents.document_line where document_id = :id")
                .param("id", id).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from documents.document where id = :id")
                .param("id", id).update()).isInstanceOf(DataAccessException.class);
        String sha = pdfs.pdf(id, false).orElseThrow().sha256();
        assertThatThrownBy(() -> jdbc.sql("update documents.document set pdf_sha256 = :sha where id = :id")
                .param("sha", "0".repeat(64)).param("id", id).update())
                .as("the hash is set once").isInstanceOf(DataAccessException.class);
        assertThat(queries.find(id).orElseThrow().pdfSha256()).isEqualTo(sha);
        assertThatThrownBy(() -> jdbc.sql("""
                        update ledger.posting set amount = amount + 1
                         where journal_id = (select id from ledger.journal where document_id = :id limit 1)""")
                .param("id", id).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                        delete from ledger.posting
                         where journal_id = (select id from ledger.journal where document_id = :id limit 1)""")
                .param("id", id).update()).isInstanceOf(DataAccessException.class);
    }

    private List<DocumentView> transfers(String orderNumber) {
        return jdbc.sql("""
                        select id from documents.document where kind = 'TRANSFER' and order_number = :n
                         order by shipment_no""")
                .param("n", orderNumber).query(Long.class).list().stream()
                .map(id -> queries.find(id).orElseThrow()).toList();
    }

    private List<DocumentView> invoices(String orderNumber) {
        return jdbc.sql("""
                        select id from documents.document where kind = 'INVOICE' and order_number = :n
                         order by version""")
                .param("n", orderNumber).query(Long.class).list().stream()
                .map(id -> queries.find(id).orElseThrow()).toList();
    }
}
