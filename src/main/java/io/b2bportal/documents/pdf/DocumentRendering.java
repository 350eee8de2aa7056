package io.b2bportal.documents.pdf;

import io.b2bportal.documents.DocumentIssued;
import io.b2bportal.documents.InvoiceIssued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Renders the Russian PDF of each issued document after the issuing transaction commits, away from the request that
 * placed the order or shipped it, on its own small queue ({@code portal.documents.render-threads}, 1): rendering is
 * CPU work, and a burst of orders must not wait for it or starve the other after-commit work. With
 * {@code portal.documents.render-after-issue=false} every PDF is rendered on its first view or download instead. A failure here undoes
 * nothing, and a PDF still missing (a failed render, a node stopped with renders queued) is rendered on its first
 * view or download.
 */
@Component
class DocumentRendering implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DocumentRendering.class);

    private final DocumentPdfs pdfs;
    private final boolean eager;
    private final ThreadPoolTaskExecutor queue = new ThreadPoolTaskExecutor();

    DocumentRendering(DocumentPdfs pdfs, @Value("${portal.documents.render-threads:1}") int threads,
            @Value("${portal.documents.render-after-issue:true}") boolean eager) {
        this.pdfs = pdfs;
        this.eager = eager;
        queue.setThreadNamePrefix("pdf-render-");
        queue.setCorePoolSize(threads);
        queue.setMaxPoolSize(threads);
        queue.setDaemon(true);
        queue.initialize();
    }

    @TransactionalEventListener
    void on(InvoiceIssued issued) {
        render(issued.invoiceId());
    }

    @TransactionalEventListener
    void on(DocumentIssued issued) {
        render(issued.documentId());
    }

    private void render(long documentId) {
        if (!eager) {
            return;
        }
        queue.execute(() -> {
            try {
                pdfs.pdf(documentId, false);
            } catch (RuntimeException e) {
                log.warn("The PDF of document {} was not rendered now (it will be on its first download): {}",
                        documentId, e.toString());
            }
        });
    }

    @Override
    public void destroy() {
        queue.shutdown();
    }
}
