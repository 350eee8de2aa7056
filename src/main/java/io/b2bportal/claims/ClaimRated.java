package io.b2bportal.claims;

/** The buyer rated the handling of a closed claim, 1 to 5: the CRM's satisfaction figures come from it. */
public record ClaimRated(long claimId, String number, long companyId, int rating, String comment) {
}
