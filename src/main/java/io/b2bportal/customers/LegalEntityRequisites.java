package io.b2bportal.customers;

/** A legal entity's requisites as a document prints the buyer: names, tax numbers, address, bank. */
public record LegalEntityRequisites(long id, long companyId, String companyName, String name, String inn, String kpp,
        String ogrn, String taxId, String legalAddress, String bik, String bankName, String settlementAccount,
        String correspondentAccount, boolean vatPayer) {
}
