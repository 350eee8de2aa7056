package io.b2bportal.customers.web;

import io.b2bportal.customers.document.DocumentFiling;
import io.b2bportal.customers.document.DocumentReview;
import io.b2bportal.customers.document.FoundingDocuments.FoundingDocumentView;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The seller's view of a legal entity's founding documents: download them, accept or reject each one. */
@Controller
class FoundingDocumentsAdminPageController {

    private final CustomerAccess access;
    private final LegalEntities legalEntities;
    private final DocumentFiling filing;
    private final DocumentReview review;

    FoundingDocumentsAdminPageController(CustomerAccess access, LegalEntities legalEntities, DocumentFiling filing,
            DocumentReview review) {
        this.access = access;
        this.legalEntities = legalEntities;
        this.filing = filing;
        this.review = review;
    }

    @GetMapping("/admin/customers/legal-entities/{id}/documents")
    String documents(@AuthenticationPrincipal PortalUser staff, @PathVariable long id, Model model) {
        access.requireEntityVisible(staff, id);
        model.addAttribute("entity", legalEntities.view(id).orElseThrow());
        model.addAttribute("documents", filing.list(staff, id));
        model.addAttribute("mayReview", review.mayReview(staff, id));
        return "customers/admin-documents";
    }

    @GetMapping("/admin/customers/founding-documents/{id}/file")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal PortalUser staff, @PathVariable long id) {
        return DocumentDownload.of(filing.file(staff, id));
    }

    @PostMapping("/admin/customers/founding-documents/{id}/accept")
    String accept(@AuthenticationPrincipal PortalUser staff, @PathVariable long id, RedirectAttributes redirect) {
        FoundingDocumentView document = review.accept(staff, id, null);
        redirect.addFlashAttribute("accepted", document.title());
        return back(document);
    }

    @PostMapping("/admin/customers/founding-documents/{id}/reject")
    String reject(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            FoundingDocumentView document = review.reject(staff, id, comment);
            redirect.addFlashAttribute("rejected", document.title());
            return back(document);
        } catch (DomainException e) {
            if (!e.code().equals("comment-required")) {
                throw e;
            }
            redirect.addFlashAttribute("commentRequired", id);
            return back(filing.document(staff, id));
        }
    }

    private static String back(FoundingDocumentView document) {
        return "redirect:/admin/customers/legal-entities/" + document.legalEntityId() + "/documents";
    }
}
