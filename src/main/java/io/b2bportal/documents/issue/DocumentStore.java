package io.b2bportal.documents.issue;

import io.b2bportal.documents.invoice.DocumentNumbers;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inserts a new document (version 1) with the next gap-free number of its kind and year, and its lines; inside the
 * caller's transaction, which holds the number until it commits.
 */
@Component
public class DocumentStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final DocumentNumbers numbers;

    DocumentStore(JdbcClient jdbc, DocumentNumbers numbers) {
        this.jdbc = jdbc;
        this.numbers = numbers;
    }

    /** The id and printed number of an issued document. */
    public record Issued(long id, String number) {
    }

    public Issued insert(NewDocument d) {
        int year = d.issuedOn().getYear();
        int seq = numbers.next(d.kind(), year);
        String number = d.kind().number(year, seq);
        long id = jdbc.sql("""
                        insert into documents.document (kind, number, year, seq, version, issued_on, legal_entity_id,
                                                        company_id, order_id, order_number, shipment_no, invoice_id,
                                                        currency, total_net, total_vat, total_gross, period_from,
                                                        period_to, seller, buyer, details, created_by)
                        values (:kind, :number, :year, :seq, 1, :issued, :entity, :company, :order, :orderNumber,
                                :shipment, :invoice, :currency, :net, :vat, :gross, :from, :to,
                                cast(:seller as jsonb), cast(:buyer as jsonb), cast(:details as jsonb), :by)
                        returning id""")
                .param("kind", d.kind().name()).param("number", number).param("year", year).param("seq", seq)
                .param("issued", d.issuedOn()).param("entity", d.legalEntityId()).param("company", d.companyId())
                .param("order", d.orderId()).param("orderNumber", d.orderNumber()).param("shipment", d.shipmentNo())
                .param("invoice", d.invoiceId()).param("currency", d.currency()).param("net", d.totalNet())
                .param("vat", d.totalVat()).param("gross", d.totalGross()).param("from", d.periodFrom())
                .param("to", d.periodTo())
                .param("seller", JSON.writeValueAsString(d.seller() == null ? Map.of() : d.seller()))
                .param("buyer", JSON.writeValueAsString(d.buyer() == null ? Map.of() : d.buyer()))
                .param("details", JSON.writeValueAsString(d.details() == null ? Map.of() : d.details()))
                .param("by", d.createdBy()).query(Long.class).single();
        for (NewDocument.Line l : d.lines()) {
            jdbc.sql("""
                            insert into documents.document_line (document_id, line_no, sku, name, name_en, unit_code,
                                                                 unit_name, quantity, unit_net, unit_gross, vat_rate,
                                                                 line_net, line_vat, line_gross)
                            values (:doc, :no, :sku, :name, :nameEn, :unitCode, :unitName, :quantity, :unitNet,
                                    :unitGross, :vatRate, :net, :vat, :gross)""")
                    .param("doc", id).param("no", l.lineNo()).param("sku", l.sku()).param("name", l.name())
                    .param("nameEn", l.nameEn()).param("unitCode", l.unitCode()).param("unitName", l.unitName())
                    .param("quantity", l.quantity()).param("unitNet", l.unitNet()).param("unitGross", l.unitGross())
                    .param("vatRate", l.vatRate()).param("net", l.net()).param("vat", l.vat())
                    .param("gross", l.gross()).update();
        }
        return new Issued(id, number);
    }
}
