package io.b2bportal.documents.web;

import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.documents.DocumentKind;
import io.b2bportal.documents.DocumentRef;
import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.pdf.DocumentPdfs;
import io.b2bportal.documents.query.DocumentFilter;
import io.b2bportal.documents.query.DocumentQueries;
import io.b2bportal.documents.query.DocumentQueries.Scope;
import io.b2bportal.documents.query.DocumentView;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The buyer's documents over the API, for the acting legal entity ({@code X-Legal-Entity}). */
@RestController
@Tag(name = "Documents", description = "Invoices, transfer documents (UPD), credit notes, reconciliation acts of the "
        + "acting legal entity; PDFs; a reconciliation act on demand")
class DocumentsApiController {

    private final DocumentAccess access;
    private final DocumentQueries queries;
    private final DocumentPdfs pdfs;
    private final DocumentsApi documents;

    DocumentsApiController(DocumentAccess access, DocumentQueries queries, DocumentPdfs pdfs, DocumentsApi documents) {
        this.access = access;
        this.queries = queries;
        this.pdfs = pdfs;
        this.documents = documents;
    }

    record Period(LocalDate from, LocalDate to) {
    }

    @GetMapping("/api/v1/invoices")
    @Operation(summary = "Invoices, newest first (at most 300): status (ISSUED, PARTLY_PAID, PAID, OVERDUE, "
            + "CANCELLED, SUPERSEDED), from/to (issue date), order (number)")
    List<DocumentJson> invoices(@RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String order) {
        return list(DocumentFilter.parse(DocumentKind.INVOICE.name(), from, to, status, order));
    }

    @GetMapping("/api/v1/invoices/{id}")
    @Operation(summary = "An invoice with lines, what is left to pay and its status")
    DocumentJson invoice(@PathVariable long id) {
        DocumentView d = access.buyerDocument(id);
        if (d.kind() != DocumentKind.INVOICE) {
            throw DomainException.notFound("invoice", id);
        }
        return DocumentJson.of(d, true);
    }

    @GetMapping("/api/v1/documents")
    @Operation(summary = "Documents, newest first (at most 300): type (INVOICE, TRANSFER, CREDIT_NOTE, "
            + "RECONCILIATION), from/to, status, order")
    List<DocumentJson> list(@RequestParam(required = false) String type, @RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String order) {
        return list(DocumentFilter.parse(type, from, to, status, order));
    }

    private List<DocumentJson> list(DocumentFilter filter) {
        LegalEntityRef entity = access.acting();
        return queries.list(Scope.entity(entity.id()), filter).stream().map(d -> DocumentJson.of(d, false)).toList();
    }

    @GetMapping("/api/v1/documents/{id}")
    @Operation(summary = "A document with lines")
    DocumentJson get(@PathVariable long id) {
        return DocumentJson.of(access.buyerDocument(id), true);
    }

    @GetMapping("/api/v1/documents/{id}/pdf")
    @Operation(summary = "The document's PDF (lang=ru, default, or en); ETag and X-Content-SHA256 = its SHA-256")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(required = false) String lang) {
        return PdfResponse.of(pdfs, access.buyerDocument(id), lang);
    }

    @PostMapping("/api/v1/documents/reconciliation")
    @Operation(summary = "Issues a reconciliation act of the acting legal entity for a period {from, to}")
    ResponseEntity<DocumentJson> reconciliation(@AuthenticationPrincipal PortalUser user,
            @RequestBody(required = false) Period period) {
        LegalEntityRef entity = access.acting();
        DocumentRef act = documents.issueReconciliationAct(entity.id(), period == null ? null : period.from(),
                period == null ? null : period.to(), user.id());
        return ResponseEntity.created(URI.create("/api/v1/documents/" + act.id()))
                .body(DocumentJson.of(queries.find(act.id()).orElseThrow(), true));
    }
}
