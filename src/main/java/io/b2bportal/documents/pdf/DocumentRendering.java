package io.b2bportal.documents.pdf;

import io.b2bportal.documents.DocumentIssued;
import io.b2bportal.documents.InvoiceIssued;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Renders the Russian PDF of each issued document after the issuing transaction commits, away from the request that
 * placed the order or shipped it: a failure here undoes nothing, the event publication registry retries an
 * unfinished one at the next start, and a PDF still missing is rendered on its first download.
 */
@Component
class DocumentRendering {

    private final DocumentPdfs pdfs;

    DocumentRendering(DocumentPdfs pdfs) {
        this.pdfs = pdfs;
    }

    @ApplicationModuleListener
    void on(InvoiceIssued issued) {
        pdfs.pdf(issued.invoiceId(), false);
    }

    @ApplicationModuleListener
    void on(DocumentIssued issued) {
        pdfs.pdf(issued.documentId(), false);
    }
}
