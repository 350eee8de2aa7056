package io.b2bportal.customers.web;

import io.b2bportal.customers.document.DocumentFiling;
import io.b2bportal.customers.document.DocumentReview;
import io.b2bportal.customers.document.FoundingDocuments.FoundingDocumentView;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The seller's review of founding documents as an API, for staff and the seller's ERP. */
@RestController
@RequestMapping("/api/v1/admin/customers")
@Tag(name = "Admin: founding documents", description = "Review the founding documents customers upload (seller staff)")
class FoundingDocumentsAdminApiController {

    private final DocumentFiling filing;
    private final DocumentReview review;

    FoundingDocumentsAdminApiController(DocumentFiling filing, DocumentReview review) {
        this.filing = filing;
        this.review = review;
    }

    @GetMapping("/legal-entities/{id}/documents")
    @Operation(summary = "Founding documents of a legal entity, newest first")
    List<FoundingDocumentView> documents(@AuthenticationPrincipal PortalUser staff, @PathVariable long id) {
        staffOnly(staff);
        return filing.list(staff, id);
    }

    @GetMapping("/founding-documents/{id}/file")
    @Operation(summary = "The file of a founding document, byte for byte as uploaded")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal PortalUser staff, @PathVariable long id) {
        staffOnly(staff);
        return DocumentDownload.of(filing.file(staff, id));
    }

    @PostMapping("/founding-documents/{id}/accept")
    @Operation(summary = "Accept a pending founding document (administrators, sales heads, the account manager)")
    FoundingDocumentView accept(@AuthenticationPrincipal PortalUser staff, @PathVariable long id) {
        staffOnly(staff);
        return review.accept(staff, id, null);
    }

    record Rejection(@NotBlank @Size(max = 1000) String comment) {
    }

    @PostMapping("/founding-documents/{id}/reject")
    @Operation(summary = "Reject a pending founding document with a comment the buyer sees")
    FoundingDocumentView reject(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @Valid @RequestBody Rejection rejection) {
        staffOnly(staff);
        return review.reject(staff, id, rejection.comment());
    }

    private static void staffOnly(PortalUser user) {
        if (!user.isStaff()) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
    }
}
