package io.b2bportal.customers.web;

import io.b2bportal.customers.document.DocumentFiling.DocumentFile;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a founding document leaves the portal, for buyers and staff, on pages and the API alike: as an attachment
 * under its original name (RFC 6266: an ASCII fallback and the UTF-8 {@code filename*}), with the content type
 * read from its bytes on upload, and never sniffed into something a browser would run.
 */
final class DocumentDownload {

    private DocumentDownload() {
    }

    static ResponseEntity<byte[]> of(DocumentFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.document().contentType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.document().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }
}
