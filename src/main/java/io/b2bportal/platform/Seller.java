package io.b2bportal.platform;

/**
 * The seller that runs this portal, as documents name it: the supply contract, invoices and transfer documents
 * print these requisites as the supplier's.
 *
 * @param name      the short trading name ("ТехноСнаб")
 * @param legalName the full name as registered ("ООО «ТехноСнаб»")
 * @param bik       with the bank name and accounts: where buyers pay; all null until the seller sets them
 */
public record Seller(String name, String legalName, String inn, String kpp, String email, String phone, String ogrn,
        String legalAddress, String bik, String bankName, String settlementAccount, String correspondentAccount) {
}
