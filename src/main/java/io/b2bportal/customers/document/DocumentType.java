package io.b2bportal.customers.document;

/** What a founding document is; the buyer picks it on upload, the seller sees it in the review. */
public enum DocumentType {
    CHARTER,
    REGISTRATION_CERTIFICATE,
    TAX_CERTIFICATE,
    POWER_OF_ATTORNEY,
    OTHER
}
