package io.b2bportal.customers.web;

import io.b2bportal.customers.agreement.Agreements.AgreementPdf;
import io.b2bportal.shared.DomainException;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A contract PDF as every agreement endpoint serves it: shown in the browser, its ETag the SHA-256 of the file. */
final class AgreementPdfResponse {

    private AgreementPdfResponse() {
    }

    static ResponseEntity<byte[]> of(Optional<AgreementPdf> pdf, long legalEntityId) {
        AgreementPdf found = pdf.orElseThrow(() -> DomainException.notFound("agreement", legalEntityId));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(found.fileName()).build().toString())
                .eTag(found.document().pdfSha256())
                .body(found.content());
    }
}
