package io.b2bportal.customers;

/**
 * A legal entity with what decides its prices: its company, the company's customer group (null if none) and its
 * contract terms (the default terms without a contract). Read in one statement for every page and cart priced.
 */
public record BuyingTerms(long legalEntityId, long companyId, Long groupId, ContractTerms terms) {
}
