package io.b2bportal.customers.web;

import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.customers.document.DocumentFiling;
import io.b2bportal.customers.document.FoundingDocuments.FoundingDocumentView;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The buyer's founding documents over the API: list, upload (multipart/form-data) and download. */
@RestController
@Tag(name = "Founding documents", description = "Charter, registration and tax certificates, powers of attorney of "
        + "the caller's legal entities")
class FoundingDocumentsApiController {

    private final DocumentFiling filing;
    private final LegalEntityContext context;

    FoundingDocumentsApiController(DocumentFiling filing, LegalEntityContext context) {
        this.filing = filing;
        this.context = context;
    }

    @GetMapping("/api/v1/documents/founding")
    @Operation(summary = "Founding documents of a legal entity, newest first (without legalEntityId: the acting one)")
    List<FoundingDocumentView> list(@AuthenticationPrincipal PortalUser user,
            @RequestParam(required = false) Long legalEntityId) {
        return filing.list(user, entity(user, legalEntityId));
    }

    @PostMapping(path = "/api/v1/documents/founding", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a founding document (company administrators and accountants): parts type, title and "
            + "file; PDF, JPEG or PNG by content, up to 20 MB. The seller reviews it")
    ResponseEntity<FoundingDocumentView> upload(@AuthenticationPrincipal PortalUser user,
            @RequestParam(required = false) Long legalEntityId, @Valid @ModelAttribute FoundingDocumentForm form)
            throws BindException, IOException {
        long entity = entity(user, legalEntityId);
        filing.requireMayUpload(user, entity);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        form.validate(errors);
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        long id = filing.upload(user, entity, form.type(), form.title(), form.file().getOriginalFilename(),
                form.file().getBytes());
        return ResponseEntity.created(URI.create("/api/v1/documents/founding/" + id))
                .body(filing.document(user, id));
    }

    @GetMapping("/api/v1/documents/founding/{id}")
    @Operation(summary = "One founding document with its review")
    FoundingDocumentView document(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        customerOnly(user, id);
        return filing.document(user, id);
    }

    @GetMapping("/api/v1/documents/founding/{id}/file")
    @Operation(summary = "The file of a founding document, byte for byte as uploaded")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        customerOnly(user, id);
        return DocumentDownload.of(filing.file(user, id));
    }

    private long entity(PortalUser user, Long legalEntityId) {
        customerOnly(user, legalEntityId == null ? 0 : legalEntityId);
        return legalEntityId == null ? context.require().id() : legalEntityId;
    }

    private static void customerOnly(PortalUser user, long id) {
        if (user.isStaff()) {
            throw DomainException.notFound("founding-document", id);
        }
    }
}
