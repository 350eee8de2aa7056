package io.b2bportal.customers;

/**
 * A company registered itself on the portal: its first user (the company administrator, e-mail not confirmed
 * yet) and its first legal entity, not verified yet. Published in the registering transaction.
 */
public record CustomerRegistered(long userId, long companyId, long legalEntityId, String companyName,
        String entityName, String inn, String contactName, String email, String phone) {
}
