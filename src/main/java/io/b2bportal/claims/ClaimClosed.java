package io.b2bportal.claims;

/** A claim was closed (resolved or rejected before): the buyer is asked to rate its handling. */
public record ClaimClosed(long claimId, String number, long companyId, boolean rejected) {
}
