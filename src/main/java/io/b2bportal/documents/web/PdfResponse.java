package io.b2bportal.documents.web;

import io.b2bportal.documents.pdf.DocumentPdfs;
import io.b2bportal.documents.query.DocumentView;
import io.b2bportal.shared.DomainException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A document's PDF as every endpoint serves it: the stored file, its ETag the SHA-256 that the pages show. */
final class PdfResponse {

    private PdfResponse() {
    }

    static ResponseEntity<byte[]> of(DocumentPdfs pdfs, DocumentView document, String lang) {
        boolean english = lang != null && "en".equalsIgnoreCase(lang.strip());
        if (lang != null && !english && !"ru".equalsIgnoreCase(lang.strip())) {
            throw new DomainException(400, "bad-language", "documents.lang.unknown", lang);
        }
        DocumentPdfs.Pdf pdf = pdfs.pdf(document.id(), english)
                .orElseThrow(() -> DomainException.notFound("document", document.id()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(pdf.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build().toString())
                .header("X-Content-SHA256", pdf.sha256())
                .eTag(pdf.sha256())
                .body(pdf.content());
    }
}
