package io.b2bportal.claims;

/** A buyer opened a claim against a shipped order (CRM logs it, analytics counts claims by type and product). */
public record ClaimOpened(long claimId, String number, long orderId, long companyId, long legalEntityId, String type,
        String remedy) {
}
