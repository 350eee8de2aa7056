package io.b2bportal.claims;

/** A claim moved from one status to another; {@code actorId} is the buyer or member of staff who moved it. */
public record ClaimStatusChanged(long claimId, String number, long companyId, String from, String to, long actorId) {
}
