package io.b2bportal.customers.document;

import io.b2bportal.customers.document.FoundingDocuments.FoundingDocumentView;
import io.b2bportal.customers.document.FoundingDocuments.NewFoundingDocument;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.platform.BlobStore;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.platform.StoredBlob;
import io.b2bportal.shared.DomainException;
import io.b2bportal.shared.Hashes;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A buyer files the founding documents of a legal entity; everyone who may see the entity (its company's users
 * who act for it, the staff who see the customer) may list and download them. Uploading is for the company
 * administrator and accountants: they are the ones who hold the papers. What someone may not see is "not found".
 */
@Service
public class DocumentFiling {

    private static final Set<Role> UPLOADERS = EnumSet.of(Role.CUSTOMER_ADMIN, Role.ACCOUNTANT);
    private static final int MAX_FILE_NAME = 255;

    private final CustomerAccess access;
    private final FoundingDocuments documents;
    private final BlobStore blobs;

    DocumentFiling(CustomerAccess access, FoundingDocuments documents, BlobStore blobs) {
        this.access = access;
        this.documents = documents;
        this.blobs = blobs;
    }

    /** A stored document with the exact bytes that were uploaded. */
    public record DocumentFile(FoundingDocumentView document, byte[] content) {
    }

    public List<FoundingDocumentView> list(PortalUser user, long legalEntityId) {
        access.requireEntityVisible(user, legalEntityId);
        return documents.ofEntity(legalEntityId);
    }

    public FoundingDocumentView document(PortalUser user, long documentId) {
        return documents.find(documentId).filter(d -> access.canSeeEntity(user, d.legalEntityId()))
                .orElseThrow(() -> DomainException.notFound("founding-document", documentId));
    }

    /** The file of a document, checked against its hash before it leaves the portal. */
    public DocumentFile file(PortalUser user, long documentId) {
        FoundingDocumentView document = document(user, documentId);
        byte[] content = blobs.get(document.blobSha256())
                .orElseThrow(() -> new IllegalStateException("Blob of founding document " + documentId + " is missing"));
        if (!Hashes.sha256Hex(content).equals(document.blobSha256())) {
            throw new IllegalStateException("Blob of founding document " + documentId + " does not match its hash");
        }
        return new DocumentFile(document, content);
    }

    /** Whether the user may upload documents of this (visible) legal entity. */
    public boolean mayUpload(PortalUser user, long legalEntityId) {
        return !user.isStaff() && user.roles().stream().anyMatch(UPLOADERS::contains)
                && access.canSeeEntity(user, legalEntityId);
    }

    /** Not found for those who may not see the entity, forbidden for its users who may only look. */
    public void requireMayUpload(PortalUser user, long legalEntityId) {
        access.requireEntityVisible(user, legalEntityId);
        if (!mayUpload(user, legalEntityId)) {
            throw new DomainException(403, "forbidden", "customers.documents.upload.forbidden");
        }
    }

    /**
     * Stores the file and records the document in one transaction: a refused file (not PDF, JPEG or PNG by its
     * bytes, or too large) leaves neither a blob nor a row behind.
     *
     * @param fileName the name the file came with; kept (without any path) to name the download
     */
    @Transactional
    public long upload(PortalUser user, long legalEntityId, DocumentType type, String title, String fileName,
            byte[] content) {
        requireMayUpload(user, legalEntityId);
        String name = cleanFileName(fileName);
        StoredBlob blob = blobs.put(content, name);
        return documents.add(new NewFoundingDocument(legalEntityId, type, title.strip(), name, blob, user.id()));
    }

    /** The last path segment, without control characters, at most 255 characters with its extension kept. */
    static String cleanFileName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "document";
        }
        if (name.codePointCount(0, name.length()) <= MAX_FILE_NAME) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        int keep = MAX_FILE_NAME - extension.length();
        return name.substring(0, name.offsetByCodePoints(0, keep)) + extension;
    }
}
