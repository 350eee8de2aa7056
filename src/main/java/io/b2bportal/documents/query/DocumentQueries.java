package io.b2bportal.documents.query;

import io.b2bportal.documents.DocumentKind;
import io.b2bportal.documents.InvoiceStatus;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.shared.BusinessDate;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read side of documents: lists for the buyer (one legal entity) and for staff (a company, a legal entity, or
 * every customer an account manager sees), one document with its lines and versions. Invoices get what is left to
 * pay from the ledger and the status derived from it.
 */
@Component
public class DocumentQueries {

    /** A list shows at most this many documents, newest first; narrow the filter to see older ones. */
    public static final int LIMIT = 300;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            d.id, d.kind, d.number, d.version, d.replaces_id,
            (select n.id from documents.document n where n.replaces_id = d.id) as replaced_by_id,
            d.status, d.issued_on, d.due_on, d.legal_entity_id, d.company_id, d.order_id, d.order_number,
            d.shipment_no, d.invoice_id, (select i.number from documents.document i where i.id = d.invoice_id)
            as invoice_number, d.payment_terms, d.currency, d.total_net, d.total_vat, d.total_gross, d.period_from,
            d.period_to, d.seller::text as seller, d.buyer::text as buyer, d.details::text as details, d.pdf_sha256,
            d.pdf_en_sha256
            """;

    private final JdbcClient jdbc;
    private final LedgerApi ledger;

    DocumentQueries(JdbcClient jdbc, LedgerApi ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** Who a list is for: one legal entity, one company, or (staff) every company of one account manager or all. */
    public record Scope(Long legalEntityId, Long companyId, Long accountManagerId) {

        public static Scope entity(long legalEntityId) {
            return new Scope(legalEntityId, null, null);
        }
    }

    @Transactional(readOnly = true)
    public List<DocumentView> list(Scope scope, DocumentFilter filter) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from documents.document d where true");
        Map<String, Object> params = new HashMap<>();
        if (scope.legalEntityId() != null) {
            sql.append(" and d.legal_entity_id = :entity");
            params.put("entity", scope.legalEntityId());
        }
        if (scope.companyId() != null) {
            sql.append(" and d.company_id = :company");
            params.put("company", scope.companyId());
        }
        if (scope.accountManagerId() != null) {
            sql.append(" and d.company_id in (select c.id from customers.company c where c.account_manager_id = :m)");
            params.put("m", scope.accountManagerId());
        }
        if (filter.kind() != null) {
            sql.append(" and d.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.from() != null) {
            sql.append(" and d.issued_on >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and d.issued_on <= :to");
            params.put("to", filter.to());
        }
        if (filter.order() != null) {
            sql.append(" and d.order_number = :order");
            params.put("order", filter.order());
        }
        if (filter.status() != null && List.of("SUPERSEDED", "CANCELLED").contains(filter.status())) {
            sql.append(" and d.status = :status");
            params.put("status", filter.status());
        } else if (filter.status() != null) {
            sql.append(" and d.status = 'ISSUED'");
        }
        sql.append(" order by d.issued_on desc, d.id desc limit " + LIMIT);
        List<DocumentView> found = withInvoiceStatus(jdbc.sql(sql.toString()).params(params)
                .query(DocumentQueries::row).list());
        return filter.status() == null ? found
                : found.stream().filter(d -> d.shownStatus().equals(filter.status())).toList();
    }

    /** One document with its lines; empty when it does not exist. Callers check who may see it. */
    @Transactional(readOnly = true)
    public Optional<DocumentView> find(long id) {
        return withInvoiceStatus(jdbc.sql("select " + COLUMNS + " from documents.document d where d.id = :id")
                .param("id", id).query(DocumentQueries::row).list()).stream().findFirst()
                .map(d -> d.withLines(lines(id)));
    }

    /** Every version of the document's number, oldest first. */
    @Transactional(readOnly = true)
    public List<DocumentView> versions(DocumentView document) {
        return jdbc.sql("select " + COLUMNS + """
                         from documents.document d
                        where d.kind = :kind and d.number = :number order by d.version""")
                .param("kind", document.kind().name()).param("number", document.number())
                .query(DocumentQueries::row).list();
    }

    private List<DocumentView.Line> lines(long id) {
        return jdbc.sql("""
                        select line_no, sku, name, name_en, unit_code, unit_name, quantity, unit_net, unit_gross,
                               vat_rate, line_net, line_vat, line_gross
                          from documents.document_line where document_id = :id order by line_no""")
                .param("id", id).query(DocumentView.Line.class).list();
    }

    private List<DocumentView> withInvoiceStatus(List<DocumentView> rows) {
        List<Long> invoices = rows.stream().filter(d -> d.kind() == DocumentKind.INVOICE).map(DocumentView::id)
                .toList();
        Map<Long, BigDecimal> left = ledger.outstanding(invoices);
        LocalDate today = BusinessDate.today();
        List<DocumentView> out = new ArrayList<>(rows.size());
        for (DocumentView d : rows) {
            if (d.kind() != DocumentKind.INVOICE) {
                out.add(d);
                continue;
            }
            BigDecimal outstanding = "ISSUED".equals(d.status()) ? left.getOrDefault(d.id(), BigDecimal.ZERO)
                    : BigDecimal.ZERO;
            out.add(new DocumentView(d.id(), d.kind(), d.number(), d.version(), d.replacesId(), d.replacedById(),
                    d.status(), d.issuedOn(), d.dueOn(), d.legalEntityId(), d.companyId(), d.orderId(),
                    d.orderNumber(), d.shipmentNo(), d.invoiceId(), d.invoiceNumber(), d.paymentTerms(),
                    d.currency(), d.totalNet(), d.totalVat(), d.totalGross(), d.periodFrom(), d.periodTo(),
                    d.seller(), d.buyer(), d.details(), d.pdfSha256(), d.pdfEnSha256(),
                    status(d, outstanding, today), outstanding, d.lines()));
        }
        return out;
    }

    /** As {@code DocumentsApi}: cancelled and superseded as stored, otherwise paid, overdue, partly paid, issued. */
    static InvoiceStatus status(DocumentView d, BigDecimal outstanding, LocalDate today) {
        if ("CANCELLED".equals(d.status())) {
            return InvoiceStatus.CANCELLED;
        }
        if ("SUPERSEDED".equals(d.status())) {
            return InvoiceStatus.SUPERSEDED;
        }
        if (outstanding.signum() <= 0) {
            return InvoiceStatus.PAID;
        }
        if (d.dueOn() != null && today.isAfter(d.dueOn())) {
            return InvoiceStatus.OVERDUE;
        }
        return outstanding.compareTo(d.totalGross()) < 0 ? InvoiceStatus.PARTLY_PAID : InvoiceStatus.ISSUED;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return text == null ? Map.of() : JSON.readValue(text, Map.class);
    }

    private static DocumentView row(ResultSet rs, int n) throws SQLException {
        return new DocumentView(rs.getLong("id"), DocumentKind.valueOf(rs.getString("kind")), rs.getString("number"),
                rs.getInt("version"), (Long) rs.getObject("replaces_id"), (Long) rs.getObject("replaced_by_id"),
                rs.getString("status"), rs.getObject("issued_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getLong("legal_entity_id"), rs.getLong("company_id"),
                (Long) rs.getObject("order_id"), rs.getString("order_number"), (Integer) rs.getObject("shipment_no"),
                (Long) rs.getObject("invoice_id"), rs.getString("invoice_number"), rs.getString("payment_terms"),
                rs.getString("currency"), rs.getBigDecimal("total_net"), rs.getBigDecimal("total_vat"),
                rs.getBigDecimal("total_gross"), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), json(rs.getString("seller")),
                json(rs.getString("buyer")), json(rs.getString("details")), rs.getString("pdf_sha256"),
                rs.getString("pdf_en_sha256"), null, null, List.of());
    }
}
