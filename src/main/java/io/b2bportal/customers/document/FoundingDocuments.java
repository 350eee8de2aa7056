package io.b2bportal.customers.document;

import io.b2bportal.platform.StoredBlob;
import io.b2bportal.shared.DomainException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Founding documents: the SQL side of uploading, listing and reviewing them. */
@Repository
public class FoundingDocuments {

    private static final String VIEW = """
            select d.id, d.legal_entity_id, d.doc_type, d.title, d.file_name, d.blob_sha256, d.content_type, d.size,
                   d.uploaded_by, up.display_name as uploaded_by_name, d.uploaded_at, d.review_status,
                   d.reviewed_by, rv.display_name as reviewed_by_name, d.reviewed_at, d.review_comment
              from customers.founding_document d
              join platform.user_account up on up.id = d.uploaded_by
              left join platform.user_account rv on rv.id = d.reviewed_by
            """;

    private final JdbcClient jdbc;

    FoundingDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A founding document as the buyer and the seller see it.
     *
     * @param blobSha256   the SHA-256 of the file, its name in the blob store
     * @param reviewStatus PENDING until the seller reviews it, then ACCEPTED or REJECTED (with a comment)
     */
    public record FoundingDocumentView(long id, long legalEntityId, DocumentType docType, String title,
            String fileName, String blobSha256, String contentType, long size, long uploadedBy,
            String uploadedByName, OffsetDateTime uploadedAt, String reviewStatus, Long reviewedBy,
            String reviewedByName, OffsetDateTime reviewedAt, String reviewComment) {

        public boolean pending() {
            return "PENDING".equals(reviewStatus);
        }
    }

    /** A document to record, its file already in the blob store. */
    public record NewFoundingDocument(long legalEntityId, DocumentType docType, String title, String fileName,
            StoredBlob blob, long uploadedBy) {
    }

    public long add(NewFoundingDocument document) {
        return jdbc.sql("""
                        insert into customers.founding_document (legal_entity_id, doc_type, title, file_name,
                            blob_sha256, content_type, size, uploaded_by)
                        values (:entity, :type, :title, :fileName, :sha256, :contentType, :size, :uploadedBy)
                        returning id""")
                .param("entity", document.legalEntityId()).param("type", document.docType().name())
                .param("title", document.title()).param("fileName", document.fileName())
                .param("sha256", document.blob().sha256()).param("contentType", document.blob().contentType())
                .param("size", document.blob().size()).param("uploadedBy", document.uploadedBy())
                .query(Long.class).single();
    }

    /** The documents of a legal entity, newest first: a replacement shows above what it replaces. */
    public List<FoundingDocumentView> ofEntity(long legalEntityId) {
        return jdbc.sql(VIEW + " where d.legal_entity_id = :entity order by d.uploaded_at desc, d.id desc")
                .param("entity", legalEntityId).query(FoundingDocumentView.class).list();
    }

    public Optional<FoundingDocumentView> find(long id) {
        return jdbc.sql(VIEW + " where d.id = :id").param("id", id).query(FoundingDocumentView.class).optional();
    }

    /** Accepts a pending document; accepting twice is harmless, accepting a rejected one is refused. */
    public void accept(long id, long staffId, String comment) {
        review(id, staffId, "ACCEPTED", comment);
    }

    /** Rejects a pending document with the comment the buyer sees (the database insists on one). */
    public void reject(long id, long staffId, String comment) {
        review(id, staffId, "REJECTED", comment);
    }

    private void review(long id, long staffId, String status, String comment) {
        int changed = jdbc.sql("""
                        update customers.founding_document
                           set review_status = :status, reviewed_by = :staff, reviewed_at = now(),
                               review_comment = :comment
                         where id = :id and review_status = 'PENDING'""")
                .param("id", id).param("staff", staffId).param("status", status).param("comment", comment)
                .update();
        if (changed == 0) {
            String current = jdbc.sql("select review_status from customers.founding_document where id = :id")
                    .param("id", id).query(String.class).optional()
                    .orElseThrow(() -> DomainException.notFound("founding-document", id));
            if (!current.equals(status)) {
                throw DomainException.conflict("founding-document-reviewed", "customers.documents.review.done",
                        new DefaultMessageSourceResolvable(new String[] {"customers.documents.status." + current},
                                current));
            }
        }
    }
}
