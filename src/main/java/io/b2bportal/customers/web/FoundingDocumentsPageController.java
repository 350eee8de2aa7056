package io.b2bportal.customers.web;

import io.b2bportal.customers.document.DocumentFiling;
import io.b2bportal.customers.document.DocumentType;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The founding documents of a legal entity as its buyers see them: the list, the upload form, the files. */
@Controller
class FoundingDocumentsPageController {

    private final DocumentFiling filing;
    private final LegalEntities legalEntities;
    private final DataSize maxFileSize;

    FoundingDocumentsPageController(DocumentFiling filing, LegalEntities legalEntities,
            @Value("${portal.blobs.max-size:20MB}") DataSize maxFileSize) {
        this.filing = filing;
        this.legalEntities = legalEntities;
        this.maxFileSize = maxFileSize;
    }

    @GetMapping("/company/entities/{id}/documents")
    String documents(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
        customerOnly(user, id);
        model.addAttribute("documents", filing.list(user, id));
        model.addAttribute("entity", legalEntities.view(id).orElseThrow());
        model.addAttribute("mayUpload", filing.mayUpload(user, id));
        model.addAttribute("types", DocumentType.values());
        model.addAttribute("maxBytes", maxFileSize.toBytes());
        model.addAttribute("maxMegabytes", maxFileSize.toMegabytes());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", FoundingDocumentForm.blank());
        }
        return "customers/documents";
    }

    @PostMapping("/company/entities/{id}/documents")
    String upload(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @Valid @ModelAttribute("form") FoundingDocumentForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) throws IOException {
        customerOnly(user, id);
        filing.requireMayUpload(user, id);
        form.validate(errors);
        if (errors.hasErrors()) {
            return documents(user, id, model);
        }
        try {
            filing.upload(user, id, form.type(), form.title(), form.file().getOriginalFilename(),
                    form.file().getBytes());
        } catch (DomainException e) {
            // the blob store refused the file (type or size): say so next to the file field
            errors.rejectValue("file", e.messageKey(), e.arguments(), e.messageKey());
            return documents(user, id, model);
        }
        redirect.addFlashAttribute("uploaded", form.title().strip());
        return "redirect:/company/entities/" + id + "/documents";
    }

    @GetMapping("/company/documents/{docId}/file")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal PortalUser user, @PathVariable long docId) {
        customerOnly(user, docId);
        return DocumentDownload.of(filing.file(user, docId));
    }

    /**
     * A file over the multipart limit is refused before the form reaches {@link #upload}: back to the form, with
     * the error at the file field as for a file the blob store refuses (the rejected body is not read again).
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request) {
        long id = Long.parseLong(pathVariables(request).get("id"));
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(FoundingDocumentForm.blank(), "form");
        errors.rejectValue("file", "upload.too-large", new Object[] {maxFileSize.toMegabytes()}, "upload.too-large");
        RequestContextUtils.getOutputFlashMap(request).putAll(errors.getModel());
        return "redirect:/company/entities/" + id + "/documents";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        return (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    }

    private static void customerOnly(PortalUser user, long id) {
        if (user.isStaff()) {
            throw DomainException.notFound("legal-entity", id);
        }
    }
}
