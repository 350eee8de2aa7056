package io.b2bportal.documents.act;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRequisites;
import io.b2bportal.documents.DocumentIssued;
import io.b2bportal.documents.DocumentKind;
import io.b2bportal.documents.DocumentRef;
import io.b2bportal.documents.issue.DocumentStore;
import io.b2bportal.documents.issue.NewDocument;
import io.b2bportal.documents.query.DocumentFilter;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.ledger.LedgerApi.Statement;
import io.b2bportal.ledger.LedgerApi.StatementLine;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.shared.DomainException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reconciliation act (акт сверки) of a legal entity for a period, on demand: the ledger's statement of its
 * receivable (opening balance, each invoice, payment and credit note, turnover, closing balance) frozen into a
 * numbered document, so both sides sign the same figures even if something is posted for the period later.
 */
@Service
public class ReconciliationActs {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final JdbcClient jdbc;
    private final CustomersApi customers;
    private final PlatformApi platform;
    private final LedgerApi ledger;
    private final DocumentStore store;
    private final ApplicationEventPublisher events;

    ReconciliationActs(JdbcClient jdbc, CustomersApi customers, PlatformApi platform, LedgerApi ledger,
            DocumentStore store, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.platform = platform;
        this.ledger = ledger;
        this.store = store;
        this.events = events;
    }

    /** Issues the act of the legal entity for the period (both days included); 400 for a bad period. */
    @Transactional
    public DocumentRef issue(long legalEntityId, LocalDate from, LocalDate to, Long actorId) {
        if (from == null || to == null) {
            throw new DomainException(400, "bad-period", "documents.period.required");
        }
        DocumentFilter.checkPeriod(from, to);
        LocalDate today = BusinessDate.today();
        if (from.isAfter(today)) {
            throw new DomainException(400, "bad-period", "documents.period.future");
        }
        LegalEntityRequisites buyer = customers.requisites(legalEntityId)
                .orElseThrow(() -> DomainException.notFound("legal-entity", legalEntityId));
        Statement statement = ledger.statement(legalEntityId, from, to);
        Map<Long, String[]> documents = documentNames(statement.lines());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (StatementLine l : statement.lines()) {
            String[] names = l.documentId() != null && documents.containsKey(l.documentId())
                    ? documents.get(l.documentId()) : new String[] {l.memo(), l.memo()};
            if (l.kind() == io.b2bportal.ledger.JournalKind.INVOICE_CANCELLED && l.documentId() != null) {
                names = new String[] {"Сторно: " + names[0], "Reversal: " + names[1]};
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("on", l.on().toString());
            line.put("kind", l.kind().name());
            line.put("documentId", l.documentId());
            line.put("document", names[0]);
            line.put("documentEn", names[1]);
            line.put("debit", l.debit());
            line.put("credit", l.credit());
            lines.add(line);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("opening", statement.opening());
        details.put("debits", statement.debits());
        details.put("credits", statement.credits());
        details.put("closing", statement.closing());
        details.put("lines", lines);
        NewDocument document = new NewDocument(DocumentKind.RECONCILIATION, today, legalEntityId, buyer.companyId(),
                null, null, null, null, "RUB", statement.closing(), java.math.BigDecimal.ZERO, statement.closing(),
                from, to, platform.seller().orElse(null), buyer, details, actorId, List.of());
        DocumentStore.Issued issued = store.insert(document);
        events.publishEvent(new DocumentIssued(issued.id(), DocumentKind.RECONCILIATION, issued.number(),
                buyer.companyId(), legalEntityId, null));
        return new DocumentRef(issued.id(), DocumentKind.RECONCILIATION, issued.number(), today, legalEntityId,
                statement.closing());
    }

    /** "Счёт СЧ-2026-00042 от 27.11.2026" and its English, for each document a movement refers to. */
    private Map<Long, String[]> documentNames(List<StatementLine> lines) {
        List<Long> ids = lines.stream().map(StatementLine::documentId).filter(java.util.Objects::nonNull).toList();
        Map<Long, String[]> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, kind, number, version, issued_on from documents.document where id = any(cast(:ids as bigint[]))")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> {
                    String kind = rs.getString("kind");
                    String number = rs.getString("number")
                            + (rs.getInt("version") > 1 ? " (v" + rs.getInt("version") + ")" : "");
                    String on = SHORT.format(rs.getObject("issued_on", LocalDate.class));
                    String ru = switch (kind) {
                        case "INVOICE" -> "Счёт " + number + " от " + on;
                        case "CREDIT_NOTE" -> "Кредит-нота " + number + " от " + on;
                        default -> number + " от " + on;
                    };
                    String en = switch (kind) {
                        case "INVOICE" -> "Invoice " + number + " of " + on;
                        case "CREDIT_NOTE" -> "Credit note " + number + " of " + on;
                        default -> number + " of " + on;
                    };
                    return names.put(rs.getLong("id"), new String[] {ru, en});
                }).list();
        return names;
    }
}
