package io.b2bportal.customers.web;

import io.b2bportal.customers.document.DocumentType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * A founding document as a buyer uploads it, on the page and over the API (multipart/form-data). Whether the
 * file is a PDF, JPEG or PNG and small enough is for the blob store to say, from its bytes.
 */
record FoundingDocumentForm(
        @NotNull DocumentType type,
        @NotBlank @Size(max = 300) String title,
        MultipartFile file) {

    static FoundingDocumentForm blank() {
        return new FoundingDocumentForm(null, "", null);
    }

    void validate(Errors errors) {
        if ((file == null || file.isEmpty()) && !errors.hasFieldErrors("file")) {
            errors.rejectValue("file", "customers.documents.file.missing");
        }
    }
}
