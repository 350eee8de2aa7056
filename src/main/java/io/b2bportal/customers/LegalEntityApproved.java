package io.b2bportal.customers;

/**
 * The seller approved a legal entity: from now on it may order (once it has accepted the supply agreement, if
 * the portal requires that). Published after the approval commits, once per entity.
 *
 * @param approvedBy the staff member's user id
 */
public record LegalEntityApproved(long legalEntityId, long companyId, String name, String inn, String kpp,
        long approvedBy) {
}
