package io.b2bportal.claims;

/**
 * A claim was settled: {@code resolution} REPLACEMENT (with the replacement order), RETURN (goods received back) or
 * CREDIT_NOTE (with the credit note document).
 */
public record ClaimResolved(long claimId, String number, long companyId, String resolution, Long replacementOrderId,
        Long creditNoteId) {
}
