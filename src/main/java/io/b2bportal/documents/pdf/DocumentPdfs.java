package io.b2bportal.documents.pdf;

import io.b2bportal.documents.DocumentKind;
import io.b2bportal.documents.query.DocumentQueries;
import io.b2bportal.documents.query.DocumentView;
import io.b2bportal.platform.BlobStore;
import io.b2bportal.platform.PdfRenderer;
import io.b2bportal.platform.StoredBlob;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PDF of each issued document, rendered once and kept: after the issuing transaction commits (see
 * {@code DocumentRendering}) or, if that has not happened yet, on the first download. The file goes to the
 * {@link BlobStore} and its SHA-256 into the document ({@code pdf_sha256} for Russian, {@code pdf_en_sha256} for
 * English), which the database lets be set once; a viewer then always downloads exactly the hashed bytes. Every
 * printed value comes from the stored document and its date, so two renders of one document are byte-identical and a
 * race between two first downloads stores one file.
 */
@Service
public class DocumentPdfs {

    static final ZoneId SELLER_ZONE = ZoneId.of("Europe/Moscow");
    public static final Locale RUSSIAN = Locale.of("ru");

    private final DocumentQueries queries;
    private final PdfModels models;
    private final PdfRenderer renderer;
    private final BlobStore blobs;
    private final JdbcClient jdbc;

    DocumentPdfs(DocumentQueries queries, PdfModels models, PdfRenderer renderer, BlobStore blobs, JdbcClient jdbc) {
        this.queries = queries;
        this.models = models;
        this.renderer = renderer;
        this.blobs = blobs;
        this.jdbc = jdbc;
    }

    /** A stored PDF of a document: its bytes and hash, and the name to save it under. */
    public record Pdf(String sha256, byte[] content, String fileName) {
    }

    /** The document's PDF in Russian or English, rendered and stored now if it was not yet. */
    @Transactional
    public Optional<Pdf> pdf(long documentId, boolean english) {
        Optional<DocumentView> found = queries.find(documentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DocumentView document = found.get();
        if (document.number() == null) {
            // an invoice waits for its number for a moment after its order commits (InvoiceNumbering)
            throw io.b2bportal.shared.DomainException.conflict("not-numbered-yet", "documents.not-numbered-yet");
        }
        String sha = document.sha(english);
        if (sha == null) {
            byte[] rendered = render(document, english);
            StoredBlob blob = blobs.put(rendered, document.number() + ".pdf");
            String column = english ? "pdf_en_sha256" : "pdf_sha256";
            jdbc.sql("update documents.document set " + column + " = :sha where id = :id and " + column + " is null")
                    .param("sha", blob.sha256()).param("id", documentId).update();
            sha = jdbc.sql("select " + column + " from documents.document where id = :id").param("id", documentId)
                    .query(String.class).single();
        }
        byte[] content = blobs.get(sha).orElseThrow();
        return Optional.of(new Pdf(sha, content, fileName(document, english)));
    }

    /** Renders without storing (tests compare the stored file with a fresh render). */
    public byte[] render(DocumentView document, boolean english) {
        Locale locale = english ? Locale.ENGLISH : RUSSIAN;
        Instant date = document.issuedOn().atStartOfDay(SELLER_ZONE).toInstant();
        return renderer.render(template(document.kind()), models.model(document, locale), locale, date);
    }

    static String template(DocumentKind kind) {
        return switch (kind) {
            case INVOICE -> "documents/invoice-pdf";
            case TRANSFER -> "documents/transfer-pdf";
            case CREDIT_NOTE -> "documents/credit-note-pdf";
            case RECONCILIATION -> "documents/act-pdf";
        };
    }

    static String fileName(DocumentView document, boolean english) {
        return document.number() + (document.version() > 1 ? "-v" + document.version() : "") + (english ? "-en" : "")
                + ".pdf";
    }
}
