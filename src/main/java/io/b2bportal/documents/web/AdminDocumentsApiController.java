package io.b2bportal.documents.web;

import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.documents.CreditNoteRequest;
import io.b2bportal.documents.DocumentRef;
import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.pdf.DocumentPdfs;
import io.b2bportal.documents.query.DocumentFilter;
import io.b2bportal.documents.query.DocumentQueries;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
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

/** Documents of the customers a member of staff sees; credit notes (seller accountants, administrators); acts. */
@RestController
@Tag(name = "Documents (staff)", description = "Documents per customer, credit notes, reconciliation acts")
class AdminDocumentsApiController {

    private final DocumentAccess access;
    private final DocumentQueries queries;
    private final DocumentPdfs pdfs;
    private final DocumentsApi documents;

    AdminDocumentsApiController(DocumentAccess access, DocumentQueries queries, DocumentPdfs pdfs,
            DocumentsApi documents) {
        this.access = access;
        this.queries = queries;
        this.pdfs = pdfs;
        this.documents = documents;
    }

    record CreditNoteBody(Long legalEntityId, Long invoiceId, String invoiceNumber, BigDecimal amount, String vatRate,
            List<CreditNoteRequest.Line> lines, String reason) {
    }

    record ActBody(Long legalEntityId, LocalDate from, LocalDate to) {
    }

    @GetMapping("/api/v1/admin/documents")
    @Operation(summary = "Documents of one company or legal entity (or every customer the caller sees), newest "
            + "first (at most 300): companyId, legalEntityId, type, from/to, status, order")
    List<DocumentJson> list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long companyId,
            @RequestParam(required = false) Long legalEntityId, @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String order) {
        DocumentFilter filter = DocumentFilter.parse(type, from, to, status, order);
        return queries.list(access.staffScope(user, companyId, legalEntityId), filter).stream()
                .map(d -> DocumentJson.of(d, false)).toList();
    }

    @GetMapping("/api/v1/admin/documents/{id}")
    @Operation(summary = "A document with lines")
    DocumentJson get(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        return DocumentJson.of(access.staffDocument(user, id), true);
    }

    @GetMapping("/api/v1/admin/documents/{id}/pdf")
    @Operation(summary = "The document's PDF (lang=ru or en)")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) String lang) {
        return PdfResponse.of(pdfs, access.staffDocument(user, id), lang);
    }

    @PostMapping("/api/v1/admin/documents/credit-notes")
    @Operation(summary = "Issues a credit note: legalEntityId, invoiceId or invoiceNumber (optional), amount with "
            + "vatRate or lines, reason. Seller accountants and administrators.")
    ResponseEntity<DocumentJson> creditNote(@AuthenticationPrincipal PortalUser user,
            @RequestBody CreditNoteBody body) {
        DocumentAccess.requireCreditNoteIssuer(user);
        if (body.legalEntityId() == null) {
            throw DomainException.invalid("credit-note-entity", "documents.creditnote.entity.required");
        }
        LegalEntityRef entity = access.staffEntity(user, body.legalEntityId());
        Long invoiceId = body.invoiceId();
        if (invoiceId == null && body.invoiceNumber() != null && !body.invoiceNumber().isBlank()) {
            invoiceId = documents.invoiceByNumber(body.invoiceNumber()).filter(i -> i.legalEntityId() == entity.id())
                    .map(i -> i.id()).orElseThrow(() -> DomainException.invalid("credit-note-invoice",
                            "documents.creditnote.invoice.unknown", body.invoiceNumber()));
        }
        DocumentRef note = documents.issueCreditNote(new CreditNoteRequest(entity.id(), invoiceId,
                body.lines() == null ? List.of() : body.lines(), body.amount(), body.vatRate(), body.reason(),
                user.id()));
        return ResponseEntity.created(URI.create("/api/v1/admin/documents/" + note.id()))
                .body(DocumentJson.of(queries.find(note.id()).orElseThrow(), true));
    }

    @PostMapping("/api/v1/admin/documents/reconciliation")
    @Operation(summary = "Issues a reconciliation act: legalEntityId, from, to")
    ResponseEntity<DocumentJson> reconciliation(@AuthenticationPrincipal PortalUser user, @RequestBody ActBody body) {
        if (body.legalEntityId() == null) {
            throw new DomainException(400, "bad-request", "documents.entity.required");
        }
        LegalEntityRef entity = access.staffEntity(user, body.legalEntityId());
        DocumentRef act = documents.issueReconciliationAct(entity.id(), body.from(), body.to(), user.id());
        return ResponseEntity.created(URI.create("/api/v1/admin/documents/" + act.id()))
                .body(DocumentJson.of(queries.find(act.id()).orElseThrow(), true));
    }
}
