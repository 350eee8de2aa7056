package io.b2bportal.crm.timeline;

import io.b2bportal.documents.DocumentIssued;
import io.b2bportal.documents.DocumentKind;
import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceCancelled;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.documents.InvoiceIssued;
import io.b2bportal.ordering.OrderingApi;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Invoices and other documents on the client's timeline: issued, cancelled or replaced by a new version. */
@Component
class DocumentTimeline {

    private final Timeline timeline;
    private final DocumentsApi documents;
    private final OrderingApi orders;

    DocumentTimeline(Timeline timeline, DocumentsApi documents, OrderingApi orders) {
        this.timeline = timeline;
        this.documents = documents;
        this.orders = orders;
    }

    @ApplicationModuleListener
    void on(InvoiceIssued issued) {
        timeline.record(new Timeline.Entry(issued.companyId(), issued.legalEntityId(),
                documents.issuedAt(issued.invoiceId()).orElseGet(Instant::now), "INVOICE",
                issued.version() > 1 ? "crm.timeline.invoice.corrected" : "crm.timeline.invoice.issued",
                List.of(issued.number(), SourceTime.money(issued.gross(), issued.currency()),
                        issued.dueOn() == null ? "—" : issued.dueOn().format(java.time.format.DateTimeFormatter
                                .ofPattern("dd.MM.yyyy"))),
                "INVOICE", issued.invoiceId(), null, "invoice-issued:" + issued.invoiceId()));
    }

    @ApplicationModuleListener
    void on(InvoiceCancelled cancelled) {
        Instant at = cancelled.replacedBy() != null ? documents.issuedAt(cancelled.replacedBy()).orElseGet(Instant::now)
                : cancelled.orderId() != null ? orders.historyAt(cancelled.orderId(), "CANCELLED").orElseGet(Instant::now)
                : Instant.now();
        timeline.record(new Timeline.Entry(cancelled.companyId(), cancelled.legalEntityId(), at, "INVOICE",
                cancelled.replacedBy() != null ? "crm.timeline.invoice.replaced" : "crm.timeline.invoice.cancelled",
                List.of(number(cancelled), SourceTime.money(cancelled.gross(), "RUB")), "INVOICE",
                cancelled.replacedBy() != null ? cancelled.replacedBy() : cancelled.invoiceId(), null,
                "invoice-cancelled:" + cancelled.invoiceId()));
    }

    /**
     * An invoice issued and cancelled in one transaction was cancelled before it got its number (documents number
     * invoices right after commit, before this listener runs): the number it has now.
     */
    private String number(InvoiceCancelled cancelled) {
        return cancelled.number() != null ? cancelled.number()
                : documents.invoice(cancelled.invoiceId()).map(InvoiceRef::number).orElse("—");
    }

    @ApplicationModuleListener
    void on(DocumentIssued issued) {
        if (issued.kind() == DocumentKind.INVOICE) {
            return;
        }
        timeline.record(new Timeline.Entry(issued.companyId(), issued.legalEntityId(),
                documents.issuedAt(issued.documentId()).orElseGet(Instant::now), "DOCUMENT",
                "crm.timeline.document." + issued.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                List.of(issued.number()), "DOCUMENT", issued.documentId(), null,
                "document-issued:" + issued.documentId()));
    }
}
