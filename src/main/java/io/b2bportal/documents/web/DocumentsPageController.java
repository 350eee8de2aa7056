package io.b2bportal.documents.web;

import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.documents.DocumentKind;
import io.b2bportal.documents.DocumentRef;
import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceStatus;
import io.b2bportal.documents.pdf.DocumentPdfs;
import io.b2bportal.documents.query.DocumentFilter;
import io.b2bportal.documents.query.DocumentQueries;
import io.b2bportal.documents.query.DocumentQueries.Scope;
import io.b2bportal.documents.query.DocumentView;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
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
 * The buyer's documents section for the acting legal entity: the list with filters, one document with its versions,
 * the PDF, and a reconciliation act on demand.
 */
@Controller
class DocumentsPageController {

    private final DocumentAccess access;
    private final DocumentQueries queries;
    private final DocumentPdfs pdfs;
    private final DocumentsApi documents;

    DocumentsPageController(DocumentAccess access, DocumentQueries queries, DocumentPdfs pdfs,
            DocumentsApi documents) {
        this.access = access;
        this.queries = queries;
        this.pdfs = pdfs;
        this.documents = documents;
    }

    /** The filter as typed, to show it again. */
    record FilterForm(String type, String from, String to, String status, String order) {
    }

    @GetMapping("/documents")
    String list(@RequestParam(required = false) String type, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String status,
            @RequestParam(required = false) String order, Model model, HttpServletResponse response) {
        LegalEntityRef entity = access.acting();
        FilterForm form = new FilterForm(type, from, to, status, order);
        List<DocumentView> found = List.of();
        try {
            DocumentFilter filter = DocumentFilter.parse(type, date(from), date(to), status, order);
            found = queries.list(Scope.entity(entity.id()), filter);
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("error", e);
        }
        model.addAttribute("entity", entity);
        model.addAttribute("filter", form);
        model.addAttribute("documents", found);
        model.addAttribute("limit", DocumentQueries.LIMIT);
        model.addAttribute("kinds", DocumentKind.values());
        model.addAttribute("statuses", InvoiceStatus.values());
        model.addAttribute("base", "/documents");
        return "documents/documents";
    }

    /** A date from a filter field: empty is none, anything unreadable is a 400 with a message. */
    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new DomainException(400, "bad-filter", "documents.filter.date.invalid", text);
        }
    }

    @GetMapping("/documents/{id}")
    String document(@PathVariable long id, Model model) {
        DocumentView document = withPdf(access.buyerDocument(id));
        model.addAttribute("document", document);
        model.addAttribute("versions", queries.versions(document));
        model.addAttribute("base", "/documents");
        model.addAttribute("staff", false);
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

    @GetMapping("/documents/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(required = false) String lang) {
        return PdfResponse.of(pdfs, access.buyerDocument(id), lang);
    }

    @PostMapping("/documents/reconciliation")
    String reconciliation(@AuthenticationPrincipal PortalUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            RedirectAttributes redirect) {
        LegalEntityRef entity = access.acting();
        try {
            DocumentRef act = documents.issueReconciliationAct(entity.id(), from, to, user.id());
            redirect.addFlashAttribute("issued", act.number());
            return "redirect:/documents/" + act.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("actError", e);
            return "redirect:/documents?type=RECONCILIATION";
        }
    }
}
