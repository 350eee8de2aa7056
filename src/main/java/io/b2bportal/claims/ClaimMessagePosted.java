package io.b2bportal.claims;

/**
 * A message was posted in a claim's thread (by the buyer, or by staff when {@code fromSeller}); internal notes are
 * never published. The CRM lists it on the client's timeline.
 */
public record ClaimMessagePosted(long claimId, long messageId, String number, long companyId, long authorId,
        boolean fromSeller) {
}
