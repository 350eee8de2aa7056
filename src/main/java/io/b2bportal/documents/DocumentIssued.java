package io.b2bportal.documents;

/**
 * A transfer document, credit note or reconciliation act was issued (invoices have {@link InvoiceIssued}). Published
 * inside the issuing transaction; its PDF is rendered after commit.
 */
public record DocumentIssued(long documentId, DocumentKind kind, String number, long companyId, long legalEntityId,
        Long orderId) {
}
