package io.b2bportal.customers.document;

import io.b2bportal.customers.document.FoundingDocuments.FoundingDocumentView;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seller reviews founding documents: administrators, sales heads and the customer's account manager accept
 * or reject them, the same people who verify the customer's legal entities. Other staff who see the customer may
 * only look. A rejection carries a comment that tells the buyer what to upload instead.
 */
@Service
public class DocumentReview {

    private static final int MAX_COMMENT = 1000;

    private final CustomerAccess access;
    private final FoundingDocuments documents;

    DocumentReview(CustomerAccess access, FoundingDocuments documents) {
        this.access = access;
        this.documents = documents;
    }

    /** Whether this staff member may review the documents of a (visible) legal entity. */
    public boolean mayReview(PortalUser staff, long legalEntityId) {
        if (!access.canSeeEntity(staff, legalEntityId)) {
            return false;
        }
        return access.sellerManages(staff, access.requireEntityVisible(staff, legalEntityId));
    }

    @Transactional
    public FoundingDocumentView accept(PortalUser staff, long documentId, String comment) {
        FoundingDocumentView document = reviewable(staff, documentId);
        documents.accept(documentId, staff.id(), cleanComment(comment));
        return documents.find(document.id()).orElseThrow();
    }

    @Transactional
    public FoundingDocumentView reject(PortalUser staff, long documentId, String comment) {
        FoundingDocumentView document = reviewable(staff, documentId);
        String reason = cleanComment(comment);
        if (reason == null) {
            throw DomainException.invalid("comment-required", "customers.documents.comment.required");
        }
        documents.reject(documentId, staff.id(), reason);
        return documents.find(document.id()).orElseThrow();
    }

    private FoundingDocumentView reviewable(PortalUser staff, long documentId) {
        FoundingDocumentView document = documents.find(documentId)
                .filter(d -> staff.isStaff() && access.canSeeEntity(staff, d.legalEntityId()))
                .orElseThrow(() -> DomainException.notFound("founding-document", documentId));
        access.requireSellerManages(staff, access.requireEntityVisible(staff, document.legalEntityId()));
        return document;
    }

    /** The comment without surrounding blanks, null when there is none; one too long is refused. */
    private static String cleanComment(String value) {
        String comment = value == null || value.isBlank() ? null : value.strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw DomainException.invalid("comment-too-long", "customers.documents.comment.too-long", MAX_COMMENT);
        }
        return comment;
    }
}
