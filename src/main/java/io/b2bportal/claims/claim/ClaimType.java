package io.b2bportal.claims.claim;

/** What is wrong with the goods. */
public enum ClaimType {
    DEFECT, DAMAGED_PACKAGING, SHORTAGE, SURPLUS, WRONG_ITEM, QUALITY_MISMATCH, OTHER
}
