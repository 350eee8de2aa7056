package io.b2bportal.documents.web;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.documents.CreditNoteRequest;
import io.b2bportal.documents.DocumentKind;
import io.b2bportal.documents.DocumentRef;
import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceStatus;
import io.b2bportal.documents.pdf.DocumentPdfs;
import io.b2bportal.documents.query.DocumentFilter;
import io.b2bportal.documents.query.DocumentQueries;
import io.b2bportal.documents.query.DocumentView;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff documents: the list per customer company or legal entity (from the customer card), one document, its PDF,
 * a credit note by hand (seller accountants and administrators) and a reconciliation act for a legal entity.
 */
@Controller
class AdminDocumentsPageController {

    private final DocumentAccess access;
    private final DocumentQueries queries;
    private final DocumentPdfs pdfs;
    private final DocumentsApi documents;
    private final CustomersApi customers;

    AdminDocumentsPageController(DocumentAccess access, DocumentQueries queries, DocumentPdfs pdfs,
            DocumentsApi documents, CustomersApi customers) {
        this.access = access;
        this.queries = queries;
        this.pdfs = pdfs;
        this.documents = documents;
        this.customers = customers;
    }

    @GetMapping("/admin/documents")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long companyId,
            @RequestParam(required = false) Long legalEntityId, @RequestParam(required = false) String type,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String status, @RequestParam(required = false) String order,
            Model model, HttpServletResponse response) {
        DocumentQueries.Scope scope = access.staffScope(user, companyId, legalEntityId);
        List<DocumentView> found = List.of();
        try {
            DocumentFilter filter = DocumentFilter.parse(type, DocumentsPageController.date(from),
                    DocumentsPageController.date(to), status, order);
            found = queries.list(scope, filter);
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("error", e);
        }
        Long company = scope.companyId();
        model.addAttribute("company", company == null ? null
                : customers.companies(List.of(company)).stream().findFirst().orElse(null));
        model.addAttribute("entities", company == null ? List.of() : customers.legalEntitiesOf(company));
        model.addAttribute("legalEntityId", legalEntityId);
        model.addAttribute("filter", new DocumentsPageController.FilterForm(type, from, to, status, order));
        model.addAttribute("documents", found);
        model.addAttribute("limit", DocumentQueries.LIMIT);
        model.addAttribute("kinds", DocumentKind.values());
        model.addAttribute("statuses", InvoiceStatus.values());
        model.addAttribute("mayCredit", DocumentAccess.mayIssueCreditNotes(user));
        model.addAttribute("base", "/admin/documents");
        return "documents/admin-documents";
    }

    @GetMapping("/admin/documents/{id}")
    String document(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
        DocumentView document = withPdf(access.staffDocument(user, id));
        model.addAttribute("document", document);
        model.addAttribute("versions", queries.versions(document));
        model.addAttribute("base", "/admin/documents");
        model.addAttribute("staff", true);
        return "documents/document";
    }

    /** The page shows the hash of the file a download gives: render it now if the after-commit rendering has not yet. */
    private DocumentView withPdf(DocumentView document) {
        if (document.pdfSha256() != null) {
            return document;
        }
        pdfs.pdf(document.id(), false);
        return queries.find(document.id()).orElseThrow();
    }

    @GetMapping("/admin/documents/{id}/pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) String lang) {
        return PdfResponse.of(pdfs, access.staffDocument(user, id), lang);
    }

    @PostMapping("/admin/documents/credit-notes")
    String creditNote(@AuthenticationPrincipal PortalUser user, @RequestParam long legalEntityId,
            @RequestParam(required = false) String invoiceNumber, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String vatRate, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        DocumentAccess.requireCreditNoteIssuer(user);
        LegalEntityRef entity = access.staffEntity(user, legalEntityId);
        String back = "redirect:/admin/documents?companyId=" + entity.companyId() + "&legalEntityId=" + entity.id();
        try {
            Long invoiceId = null;
            if (invoiceNumber != null && !invoiceNumber.isBlank()) {
                invoiceId = documents.invoiceByNumber(invoiceNumber).filter(i -> i.legalEntityId() == entity.id())
                        .map(i -> i.id()).orElseThrow(() -> DomainException.invalid("credit-note-invoice",
                                "documents.creditnote.invoice.unknown", invoiceNumber));
            }
            DocumentRef note = documents.issueCreditNote(CreditNoteRequest.ofAmount(entity.id(), invoiceId,
                    amount(amount), vatRate, reason, user.id()));
            redirect.addFlashAttribute("issued", note.number());
            return "redirect:/admin/documents/" + note.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("creditError", e);
            redirect.addFlashAttribute("creditForm", new CreditForm(invoiceNumber, amount, vatRate, reason));
            return back;
        }
    }

    /** The credit note form as typed, to show it again after a refusal. */
    record CreditForm(String invoiceNumber, String amount, String vatRate, String reason) {
    }

    /** "1 234,50" or "1234.50": spaces dropped, a comma read as the decimal point. */
    static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("credit-note-amount", "documents.creditnote.amount.positive");
        }
        try {
            return new BigDecimal(text.replaceAll("[\\s\u00a0]", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("credit-note-amount", "documents.creditnote.amount.invalid", text);
        }
    }

    @PostMapping("/admin/documents/reconciliation")
    String reconciliation(@AuthenticationPrincipal PortalUser user, @RequestParam long legalEntityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            RedirectAttributes redirect) {
        LegalEntityRef entity = access.staffEntity(user, legalEntityId);
        try {
            DocumentRef act = documents.issueReconciliationAct(entity.id(), from, to, user.id());
            redirect.addFlashAttribute("issued", act.number());
            return "redirect:/admin/documents/" + act.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("actError", e);
            return "redirect:/admin/documents?companyId=" + entity.companyId() + "&legalEntityId=" + entity.id();
        }
    }
}
